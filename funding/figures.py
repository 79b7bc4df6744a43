"""The figures service: the one way a campaign's figures change.

The admin form, the platform sync, webhooks and the CSV import all call these functions with
explicit arguments. Each change is validated, checked against the frozen-results rule (an ended
campaign changes only with a correction reason), written with its history snapshot, and
announced once committed with the ``figures_changed`` signal, to which higher apps connect what
follows a change (share images, cache purges): this app never imports them.

Freshness is separate from change: ``record_contact`` notes that the platform answered, even when
its figures were the same as before, so a quiet night is not mistaken for a broken sync.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import FROZEN_MESSAGE, FiguresSource, FrozenResultsError, FundingCampaign, FundingSnapshot

# Sent after the commit of any change to a campaign made through this module, with
# ``campaign`` (the saved instance), ``fields`` (the set of changed field names) and ``source``.
figures_changed = Signal()

FIGURES = ("raised", "donors")
# Sent in ``fields`` when only the history changed (a backdated CSV row): the current figures did not.
HISTORY = "history"

BACKDATED_MESSAGE = _(
    "Ces chiffres sont antérieurs aux derniers enregistrés (%(latest)s) : ils ne peuvent pas remplacer "
    "les chiffres actuels."
)


class BackdatedFiguresError(ValidationError):
    """Figures dated before the campaign's latest ones: they may enter the history, never the current figures."""


def latest_recorded_at(campaigns):
    """{campaign pk: when its latest figures were true (its newest snapshot)}, one query for all;
    a campaign without history is missing from the result."""
    pks = [getattr(campaign, "pk", campaign) for campaign in campaigns]
    rows = FundingSnapshot.objects.filter(campaign_id__in=pks).values("campaign_id").annotate(latest=Max("recorded_at"))
    return {row["campaign_id"]: row["latest"] for row in rows}


def frozen_errors(stored, values, *, at=None, reason=""):
    """{field: message} for each frozen field that ``values`` would change without a reason.

    ``stored`` is the campaign as it is in the database; ``values`` maps field names to new values.
    Nothing is written: the CSV preview and the admin form ask before anything is saved."""
    if reason.strip() or stored is None or not stored.is_frozen(at):
        return {}
    return {
        name: FROZEN_MESSAGE
        for name in FundingCampaign.FROZEN_FIELDS
        if name in values and values[name] != getattr(stored, name)
    }


def _stored(pk):
    """The row as stored, locked until the end of the transaction (a concurrent sync waits)."""
    return FundingCampaign.objects.select_for_update().get(pk=pk)


def _clean_figures(raised, donors):
    """Amounts and counts checked by the model's own fields (digits, minimum)."""
    raised = Decimal(raised)
    errors = {}
    for name, value in (("raised", raised), ("donors", donors)):
        try:
            FundingCampaign._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            errors[name] = error.messages
    if raised < 0:
        errors["raised"] = [_("Le montant collecté ne peut pas être négatif.")]
    if errors:
        raise ValidationError(errors)
    return raised, int(donors)


def _snapshot(campaign, *, at, correction, refund, reason):
    return FundingSnapshot.objects.create(
        campaign=campaign,
        recorded_at=at,
        raised=campaign.raised,
        donors=campaign.donors,
        source=campaign.source,
        is_correction=correction,
        is_refund=refund,
        reason=reason.strip() if correction else "",
    )


def _announce(campaign, fields, source):
    if fields:
        transaction.on_commit(
            lambda: figures_changed.send(sender=FundingCampaign, campaign=campaign, fields=set(fields), source=source)
        )


@transaction.atomic
def record_figures(campaign, *, raised, donors, source, at=None, reason="", refund=None):
    """Record new figures for ``campaign``; returns the history snapshot, or None when unchanged.

    ``at``: when the figures were true (a dated CSV row), now by default; never before the
    campaign's latest figures (``record_history`` is for those), so the current figures and their
    date never go back in time. ``reason``: the correction reason an ended campaign needs.
    ``refund``: whether a lower amount is a platform refund (default: any lower amount). Raises
    BackdatedFiguresError, FrozenResultsError or ValidationError; the instance is updated in place
    on success and left as stored on failure."""
    raised, donors = _clean_figures(raised, donors)
    stored = _stored(campaign.pk)
    if (raised, donors) == (stored.raised, stored.donors):
        return None
    moment = at or timezone.now()
    latest = latest_recorded_at([stored]).get(stored.pk) if at is not None else None
    if latest is not None and at <= latest:
        raise BackdatedFiguresError(BACKDATED_MESSAGE, params={"latest": local_datetime(latest)})
    errors = frozen_errors(stored, {"raised": raised, "donors": donors}, at=moment, reason=reason)
    if errors:
        raise FrozenResultsError(errors)
    refund = raised < stored.raised if refund is None else refund
    correction = stored.is_frozen(moment)
    stored.raised, stored.donors, stored.source, stored.updated_at = raised, donors, source, moment
    stored.save(update_fields=["raised", "donors", "source", "updated_at"], checked=True)
    snapshot = _snapshot(stored, at=moment, correction=correction, refund=refund, reason=reason)
    for name in ("raised", "donors", "source", "updated_at"):
        setattr(campaign, name, getattr(stored, name))
    _announce(campaign, FIGURES, source)
    return snapshot


def local_datetime(moment):
    """A moment as the officers read it: in the project's time zone, in the active language."""
    return formats.date_format(timezone.localtime(moment, timezone.get_default_timezone()), "DATETIME_FORMAT")


@transaction.atomic
def record_history(campaign, *, raised, donors, source, at):
    """Add figures that were true at ``at``, before the campaign's latest ones, to its history
    only: the current figures, their source and date stay as they are. Returns the snapshot, or
    None when the history already holds these figures at that moment.

    Raises ValidationError when ``at`` is not before the latest figures (use ``record_figures``),
    when the history holds other figures at the same moment, or FrozenResultsError when ``at`` is
    after the end and the figures differ from the final results."""
    raised, donors = _clean_figures(raised, donors)
    stored = _stored(campaign.pk)
    latest = latest_recorded_at([stored]).get(stored.pk)
    if latest is None or at > latest:
        raise ValidationError(_("Ces chiffres sont les plus récents : ils ne relèvent pas de l'historique."))
    same_moment = list(stored.snapshots.filter(recorded_at=at))
    if same_moment:
        if any((snapshot.raised, snapshot.donors) == (raised, donors) for snapshot in same_moment):
            return None
        raise ValidationError(
            _("L'historique contient déjà d'autres chiffres au %(date)s."), params={"date": local_datetime(at)}
        )
    if stored.is_frozen(at) and (raised, donors) != (stored.raised, stored.donors):
        raise FrozenResultsError({"raised": FROZEN_MESSAGE})
    previous = stored.snapshots.filter(recorded_at__lt=at).order_by("-recorded_at", "-pk").first()
    snapshot = FundingSnapshot.objects.create(
        campaign=stored,
        recorded_at=at,
        raised=raised,
        donors=donors,
        source=source,
        is_refund=bool(previous and raised < previous.raised),
    )
    _announce(campaign, {HISTORY}, source)
    return snapshot


@transaction.atomic
def save_campaign(campaign, *, reason="", source=FiguresSource.MANUAL, at=None):
    """Save a campaign edited as a whole (the admin form): new or changed figures are recorded
    with a snapshot (dated ``at``, now by default); changing an ended campaign's figures, goal or
    end needs ``reason``."""
    stored = _stored(campaign.pk) if campaign.pk else None
    values = {name: getattr(campaign, name) for name in FundingCampaign.FROZEN_FIELDS}
    errors = frozen_errors(stored, values, reason=reason)
    if errors:
        raise FrozenResultsError(errors)
    fields = [
        field.attname
        for field in FundingCampaign._meta.concrete_fields
        if stored is None or getattr(stored, field.attname) != getattr(campaign, field.attname)
    ]
    new_figures = stored is None or any(name in fields for name in FIGURES)
    correction = bool(stored and stored.is_frozen() and any(name in fields for name in FundingCampaign.FROZEN_FIELDS))
    if new_figures or correction:
        campaign.updated_at = at or timezone.now()
        if new_figures:
            campaign.source = source
    campaign.save(checked=True)
    if new_figures or correction:
        refund = bool(stored and campaign.raised < stored.raised)
        _snapshot(campaign, at=campaign.updated_at, correction=correction, refund=refund, reason=reason)
    _announce(campaign, fields, source)
    return campaign


def record_contact(campaign, at=None):
    """The platform answered (sync or verified webhook with its re-fetch): the figures are current."""
    at = at or timezone.now()
    FundingCampaign.objects.filter(pk=campaign.pk).update(last_sync_at=at, last_sync_error="", last_sync_error_at=None)
    campaign.last_sync_at, campaign.last_sync_error, campaign.last_sync_error_at = at, "", None


def record_failure(campaign, message, at=None):
    """The platform could not be read: the last good figures stay, the error is shown to officers."""
    at = at or timezone.now()
    message = str(message)
    FundingCampaign.objects.filter(pk=campaign.pk).update(last_sync_error=message[:1000], last_sync_error_at=at)
    campaign.last_sync_error, campaign.last_sync_error_at = message, at
