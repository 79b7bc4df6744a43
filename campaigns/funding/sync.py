"""Sync: platform figures → the one validation path (record_figures) → history and widgets.

One failing campaign never stops the others; an invalid answer keeps the last good figures
and records the error on the campaign; a lower amount is recorded as a refund."""

import logging
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import FiguresSource, FrozenResultsError, FundingCampaign

from .providers import ProviderError, provider_for

logger = logging.getLogger(__name__)


def _record_error(campaign, message):
    now = timezone.now()
    FundingCampaign.objects.filter(pk=campaign.pk).update(last_sync_error=str(message)[:1000], last_sync_error_at=now)
    campaign.last_sync_error, campaign.last_sync_error_at = str(message), now
    logger.warning("funding sync failed for campaign %s: %s", campaign.pk, message)


def sync_campaign(campaign, *, source=FiguresSource.API):
    """Fetch and record one campaign's figures. Returns True when figures are current."""
    provider = provider_for(campaign)
    if provider is None:
        return False
    try:
        figures = provider.fetch(campaign)
        if figures.currency and figures.currency != campaign.currency:
            raise ProviderError(
                _("Réponse invalide : devise %(got)s au lieu de %(expected)s.")
                % {"got": figures.currency, "expected": campaign.currency}
            )
        if (figures.raised, figures.donors) != (campaign.raised, campaign.donors):
            refund = figures.raised < campaign.raised
            if refund:
                logger.info("campaign %s: amount lowered by the platform (refund)", campaign.pk)
            campaign.record_figures(figures.raised, figures.donors, source=source, refund=refund)
    except FrozenResultsError:
        campaign.refresh_from_db()
        _record_error(
            campaign, _("Collecte terminée : ses résultats sont figés, la plateforme annonce d'autres chiffres.")
        )
        return False
    except (ProviderError, ValidationError) as error:
        campaign.refresh_from_db()  # keep the last good figures
        _record_error(campaign, error.messages[0] if isinstance(error, ValidationError) else error)
        return False
    now = timezone.now()
    FundingCampaign.objects.filter(pk=campaign.pk).update(last_sync_at=now, last_sync_error="", last_sync_error_at=None)
    campaign.last_sync_at, campaign.last_sync_error, campaign.last_sync_error_at = now, "", None
    return True


@dataclass
class SyncReport:
    synced: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    seconds: float = 0.0


def syncable_campaigns(now=None):
    """Live campaigns on a platform with an adapter (manual ones have nothing to fetch)."""
    now = now or timezone.now()
    return (
        FundingCampaign.objects.filter(starts_at__lte=now, ends_at__gt=now, cancelled=False)
        .exclude(external_id="")
        .filter(Q(platform="ulule") | Q(platform="kisskissbankbank") | Q(platform="helloasso"))
        .order_by("pk")
    )


def sync_all(campaigns):
    report = SyncReport()
    started = time.perf_counter()
    for campaign in campaigns:
        if provider_for(campaign) is None:
            report.skipped.append(campaign)
            continue
        try:
            ok = sync_campaign(campaign)
        except Exception as error:
            logger.exception("unexpected error syncing campaign %s", campaign.pk)
            _record_error(campaign, _("Erreur inattendue : %(error)s") % {"error": type(error).__name__})
            ok = False
        (report.synced if ok else report.failed).append(campaign)
    report.seconds = time.perf_counter() - started
    return report
