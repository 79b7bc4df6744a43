"""How the officers' screens show a campaign: amounts with their currency, a status in words,
the health of its figures and the laureate it is attached to.

The admin shows exact amounts (cents included: "2 560,00 €"); the public pages round them
(``home.formatting``, with ``cents=True`` here). The laureate is reached through the reverse accessor
``laureate_pages`` only: this app knows nothing of pages (docs/architecture.md).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import CampaignStatus, FiguresSource, FundingCampaign

STATUS_LABELS = {
    CampaignStatus.UPCOMING: _("à venir"),
    CampaignStatus.LIVE: _("en cours"),
    CampaignStatus.SUCCEEDED: _("réussie"),
    CampaignStatus.CANCELLED: _("annulée, contributeurs remboursés"),
}
# Tag colours of the admin (w-status classes): what is going well, what needs a look.
STATUS_KINDS = {
    CampaignStatus.UPCOMING: "",
    CampaignStatus.LIVE: "primary",
    CampaignStatus.SUCCEEDED: "success",
    CampaignStatus.NOT_REACHED: "",
    CampaignStatus.CANCELLED: "",
}


def status_label(campaign, now=None):
    """The status in the words officers use: "non financée, remboursée" is an all-or-nothing
    campaign that missed its goal; one that keeps what it raised just missed it."""
    status = campaign.status(now)
    if status == CampaignStatus.NOT_REACHED:
        if campaign.is_all_or_nothing:
            return _("non financée, contributeurs remboursés")
        return _("terminée, objectif non atteint")
    return STATUS_LABELS[status]


@dataclass(frozen=True)
class SyncHealth:
    """``kind``: "synced", "stale", "error", "pending" (synced, never reached yet) or "manual";
    ``label`` says it in words; ``checked_at``: the last contact with the platform (synced, stale,
    error) or when the figures were entered or imported (pending, manual)."""

    kind: str
    label: str
    checked_at: datetime.datetime | None
    source: str = ""

    @property
    def needs_attention(self):
        return self.kind in ("stale", "error")


def sync_health(campaign, now=None):
    now = now or timezone.now()
    freshness = campaign.freshness(now)
    if not freshness.synced:
        label = _("import CSV") if campaign.source == FiguresSource.CSV else _("saisie manuelle")
        return SyncHealth("manual", label, freshness.checked_at, campaign.get_source_display())
    failed = campaign.last_sync_error_at and (
        campaign.last_sync_at is None or campaign.last_sync_error_at > campaign.last_sync_at
    )
    if failed:
        return SyncHealth("error", _("erreur de synchronisation"), freshness.checked_at, campaign.last_sync_error)
    if freshness.is_stale:
        return SyncHealth("stale", _("à vérifier : plateforme muette"), freshness.checked_at)
    if freshness.checked_at is None:
        return SyncHealth("pending", _("pas encore synchronisée"), campaign.updated_at, campaign.get_source_display())
    return SyncHealth("synced", _("synchronisée"), freshness.checked_at)


def laureate_pages_model():
    return FundingCampaign._meta.get_field("laureate_pages").related_model


def with_laureates(queryset):
    """``queryset`` with each campaign's laureate pages read in one more query (title, locale)."""
    pages = (
        laureate_pages_model()
        .objects.select_related("locale")
        .only("title", "campaign_id", "locale__language_code", "translation_key")
    )
    return queryset.prefetch_related(Prefetch("laureate_pages", queryset=pages.order_by("pk")))


def laureate_title(campaign):
    """The title of the laureate the campaign is attached to, in the active language when it has
    that translation (else the first page); "" when no laureate points at it. Reads the pages
    prefetched by ``with_laureates`` (or one query without it)."""
    pages = list(campaign.laureate_pages.all())
    if not pages:
        return ""
    language = translation.get_language() or ""
    for page in pages:
        if page.locale.language_code == language.split("-")[0]:
            return page.title
    return pages[0].title
