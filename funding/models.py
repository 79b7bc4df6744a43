"""Funding campaigns: figures, funding model, history, freshness and status.

Figures change only through ``funding.figures`` (admin form, sync, webhooks and CSV import all
call it); the model itself holds data and derives what the figures mean. It knows nothing of
pages: a laureate page points at its campaign, never the reverse.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import platforms

Platform = models.TextChoices(
    "Platform", [(spec.code.upper(), (spec.code, spec.label)) for spec in platforms.PLATFORMS]
)


class FundingModel(models.TextChoices):
    ALL_OR_NOTHING = platforms.ALL_OR_NOTHING, _("tout ou rien")
    KEEP_WHAT_YOU_RAISE = platforms.KEEP_WHAT_YOU_RAISE, _("dons conservés même sans atteindre l'objectif")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro (EUR)")
    CHF = "CHF", _("franc suisse (CHF)")
    GBP = "GBP", _("livre sterling (GBP)")
    USD = "USD", _("dollar américain (USD)")
    CAD = "CAD", _("dollar canadien (CAD)")
    XPF = "XPF", _("franc CFP (XPF)")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("à venir")
    LIVE = "live", _("en cours")
    SUCCEEDED = "succeeded", _("objectif atteint")
    NOT_REACHED = "not_reached", _("objectif non atteint")
    CANCELLED = "cancelled", _("annulée")


class FiguresSource(models.TextChoices):
    MANUAL = "manual", _("saisie manuelle")
    API = "api", _("synchronisation avec la plateforme")
    WEBHOOK = "webhook", _("notification de la plateforme")
    CSV = "csv", _("import CSV")


class AmountKind(models.TextChoices):
    """What the amount a campaign shows is, in words that cannot be confused."""

    COLLECTED = "collected", _("collecté")
    PLEDGED = "pledged", _("promis, versé si l'objectif est atteint")
    REFUNDED = "refunded", _("promis puis remboursé")


class FrozenResultsError(ValidationError):
    """The figures, goal or end of an ended campaign would change without a correction reason."""


FROZEN_MESSAGE = _(
    "La collecte est terminée : ses résultats sont figés. Indiquez le motif de la correction pour les modifier."
)

MONEY = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0")


@dataclass(frozen=True)
class Freshness:
    """How current the figures are: ``checked_at`` is the last successful contact with the platform
    for a synced campaign, or when the figures were entered or imported otherwise."""

    synced: bool
    checked_at: datetime.datetime | None
    is_stale: bool


class FundingCampaign(models.Model):
    """A laureate's collection on a crowdfunding platform.

    Figures are data, not editorial content: they live here, outside page revisions, so a sync or
    a correction applies at once and a scheduled publication can never bring old figures back.
    The table keeps its first name (``campaigns_fundingcampaign``): the model moved apps, the rows
    did not move.
    """

    # Fields whose change after the end is a correction.
    FROZEN_FIELDS = ("goal", "raised", "donors", "ends_at")

    name = models.CharField(
        _("nom de la collecte"),
        max_length=200,
        help_text=_("Nom interne, affiché dans l'administration et les imports CSV (en général le nom du projet)."),
    )
    platform = models.CharField(
        _("plateforme"),
        max_length=20,
        choices=platforms.choices(),
        default=platforms.PLATFORMS[0].code,
        help_text=_("La plateforme de financement participatif où le public fait ses dons."),
    )
    funding_model = models.CharField(
        _("modèle de financement"),
        max_length=20,
        choices=FundingModel.choices,
        blank=True,
        help_text=_(
            "Tout ou rien (KissKissBankBank, Ulule) : une collecte qui n'atteint pas son objectif ne collecte rien "
            "et ses contributeurs sont remboursés. Laissé vide, il suit la plateforme ; à choisir pour une autre "
            "plateforme."
        ),
    )
    public_url = models.URLField(
        _("adresse publique de la collecte"),
        blank=True,
        help_text=_("La page où le public fait un don, adresse complète (https://…)."),
    )
    external_id = models.CharField(
        _("identifiant sur la plateforme"),
        max_length=200,
        blank=True,
        help_text=_("Identifiant ou slug du projet ; vide, les chiffres sont saisis à la main."),
    )
    currency = models.CharField(
        _("devise"),
        max_length=3,
        choices=Currency.choices,
        default=Currency.EUR,
        help_text=_("La devise de la collecte sur la plateforme : l'objectif et les montants sont dans cette devise."),
    )
    goal = models.DecimalField(
        _("objectif"),
        **MONEY,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Le montant visé, dans la devise de la collecte, par exemple 6000 ou 6000,50."),
    )
    raised = models.DecimalField(
        _("montant collecté ou promis"),
        **MONEY,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Le montant affiché par la plateforme (promesses comprises pour une collecte tout ou rien)."),
    )
    donors = models.PositiveIntegerField(
        _("nombre de contributeurs"), default=0, help_text=_("Le nombre de contributeurs affiché par la plateforme.")
    )
    starts_at = models.DateTimeField(
        _("début de la collecte"), help_text=_("Date et heure de Paris, jj/mm/aaaa hh:mm.")
    )
    ends_at = models.DateTimeField(_("fin de la collecte"), help_text=_("Date et heure de Paris, jj/mm/aaaa hh:mm."))
    cancelled = models.BooleanField(
        _("collecte annulée"),
        default=False,
        help_text=_(
            "À cocher si la collecte a été annulée sur la plateforme : ses contributeurs sont remboursés et son "
            "montant ne compte pas dans les résultats."
        ),
    )
    updated_at = models.DateTimeField(_("chiffres modifiés le"), null=True, blank=True, editable=False)
    last_sync_at = models.DateTimeField(
        _("dernier contact réussi avec la plateforme"), null=True, blank=True, editable=False
    )
    last_sync_error = models.TextField(_("dernière erreur de synchronisation"), blank=True, editable=False)
    last_sync_error_at = models.DateTimeField(_("date de la dernière erreur"), null=True, blank=True, editable=False)
    source = models.CharField(
        _("source des chiffres"), max_length=20, choices=FiguresSource.choices, default=FiguresSource.MANUAL
    )

    class Meta:
        db_table = "campaigns_fundingcampaign"
        verbose_name = _("collecte")
        verbose_name_plural = _("collectes")
        ordering = ["-starts_at", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(goal__gt=0), name="campaign_goal_positive"),
            models.CheckConstraint(condition=Q(raised__gte=0), name="campaign_raised_not_negative"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="campaign_ends_after_start"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, checked=False, **kwargs):
        """``checked``: the figures service has applied the frozen-results rule already. Any other
        save of an ended campaign that changes its results is refused (one read of the row)."""
        if not self.funding_model:
            self.funding_model = platforms.get(self.platform).default_funding_model or ""
        if not checked and self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored is not None and stored.is_frozen():
                changed = [name for name in self.FROZEN_FIELDS if getattr(stored, name) != getattr(self, name)]
                if changed:
                    raise FrozenResultsError(dict.fromkeys(changed, FROZEN_MESSAGE))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.goal is not None and self.goal <= 0:
            errors["goal"] = _("L'objectif doit être supérieur à zéro.")
        if self.raised is not None and self.raised < 0:
            errors["raised"] = _("Le montant collecté ne peut pas être négatif.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("La fin de la collecte doit être postérieure à son début.")
        if not self.funding_model and platforms.get(self.platform).default_funding_model is None:
            errors["funding_model"] = _("Choisissez le modèle de financement : cette plateforme n'en a pas par défaut.")
        if errors:
            raise ValidationError(errors)

    # --- what the platform is ----------------------------------------------

    @property
    def platform_spec(self):
        return platforms.get(self.platform)

    @property
    def effective_funding_model(self):
        """The stored model, or the platform's default for a campaign not saved since the field came."""
        return self.funding_model or self.platform_spec.default_funding_model or FundingModel.ALL_OR_NOTHING

    @property
    def is_all_or_nothing(self):
        return self.effective_funding_model == FundingModel.ALL_OR_NOTHING

    @property
    def is_synced(self):
        """True when an adapter fetches the figures; manual and CSV campaigns have nothing to fetch."""
        return bool(self.external_id) and self.platform_spec.syncable

    # --- derived state -------------------------------------------------------

    def status(self, now=None):
        now = now or timezone.now()
        if self.cancelled:
            return CampaignStatus.CANCELLED
        if now < self.starts_at:
            return CampaignStatus.UPCOMING
        if now < self.ends_at:
            return CampaignStatus.LIVE
        if self.raised >= self.goal:
            return CampaignStatus.SUCCEEDED
        return CampaignStatus.NOT_REACHED

    @property
    def current_status(self):
        return self.status()

    def amount_kind(self, now=None):
        """Whether the amount shown is collected money, pledges still to be confirmed, or refunded pledges.

        All-or-nothing: nothing is collected before the goal is met at the end; a campaign that
        misses it (or is cancelled) refunds its contributors. Keep-what-you-raise: every donation
        is collected, except on a cancelled campaign."""
        status = self.status(now)
        if status == CampaignStatus.CANCELLED:
            return AmountKind.REFUNDED
        if not self.is_all_or_nothing:
            return AmountKind.COLLECTED
        if status == CampaignStatus.SUCCEEDED:
            return AmountKind.COLLECTED
        if status == CampaignStatus.NOT_REACHED:
            return AmountKind.REFUNDED
        return AmountKind.PLEDGED

    def collected(self, now=None):
        """Money the project actually collected (0 for refunded or not yet confirmed pledges)."""
        return self.raised if self.amount_kind(now) == AmountKind.COLLECTED else ZERO

    def collected_donors(self, now=None):
        return self.donors if self.amount_kind(now) == AmountKind.COLLECTED else 0

    @property
    def percent(self):
        """Share of the goal raised, in percent; 122 is a normal value and is never clamped."""
        if not self.goal:
            return ZERO
        return (self.raised * 100 / self.goal).quantize(Decimal("0.1"))

    @property
    def bar_percent(self):
        """The bar's width: the only place where the percentage stops at 100."""
        return min(int(self.percent), 100)

    @property
    def goal_reached(self):
        return self.raised >= self.goal

    def days_left(self, now=None):
        """Whole days until the end, rounded up (1.2 days left shows as 2)."""
        now = now or timezone.now()
        if now >= self.ends_at:
            return 0
        return math.ceil((self.ends_at - now) / datetime.timedelta(days=1))

    def is_frozen(self, at=None):
        return (at or timezone.now()) >= self.ends_at

    def freshness(self, now=None):
        """A synced, live campaign may be out of date only when the platform has not been reached
        for more than twice the sync interval; figures typed or imported never claim that."""
        now = now or timezone.now()
        if not self.is_synced:
            return Freshness(synced=False, checked_at=self.updated_at, is_stale=False)
        checked_at = self.last_sync_at
        live = self.status(now) == CampaignStatus.LIVE
        limit = 2 * datetime.timedelta(minutes=settings.FUNDING_SYNC_INTERVAL_MINUTES)
        # Never reached: stale once the campaign has been open for longer than the limit.
        reference = checked_at or self.starts_at
        return Freshness(synced=True, checked_at=checked_at, is_stale=live and now - reference > limit)


class WebhookDelivery(models.Model):
    """A webhook already processed: its id is the idempotency key (unique per provider)."""

    provider = models.CharField(_("plateforme"), max_length=20)
    webhook_id = models.CharField(_("identifiant du webhook"), max_length=255)
    received_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    campaign = models.ForeignKey(
        "funding.FundingCampaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "campaigns_webhookdelivery"
        verbose_name = _("webhook reçu")
        verbose_name_plural = _("webhooks reçus")
        constraints = [models.UniqueConstraint(fields=["provider", "webhook_id"], name="webhook_once_per_provider")]

    def __str__(self):
        return f"{self.provider}:{self.webhook_id}"


class FundingSnapshot(models.Model):
    """One point of a campaign's history: figures as they were at ``recorded_at``."""

    campaign = models.ForeignKey(FundingCampaign, on_delete=models.CASCADE, related_name="snapshots")
    recorded_at = models.DateTimeField(_("relevé le"), db_index=True)
    raised = models.DecimalField(_("montant collecté"), **MONEY)
    donors = models.PositiveIntegerField(_("nombre de contributeurs"))
    source = models.CharField(_("source"), max_length=20, choices=FiguresSource.choices)
    is_correction = models.BooleanField(_("correction"), default=False)
    is_refund = models.BooleanField(_("remboursement"), default=False)
    reason = models.TextField(_("motif de la correction"), blank=True)

    class Meta:
        db_table = "campaigns_fundingsnapshot"
        verbose_name = _("relevé de collecte")
        verbose_name_plural = _("relevés de collecte")
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.campaign} @ {self.recorded_at:%Y-%m-%d %H:%M}"
