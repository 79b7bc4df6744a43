"""Sync: platform figures → the figures service (funding.figures) → history and widgets.

One failing campaign never stops the others; an invalid answer keeps the last good figures
and records the error on the campaign; a lower amount is recorded as a refund."""

import logging
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import figures, platforms
from .figures import FrozenResultsError
from .models import FiguresSource, FundingCampaign
from .providers import ProviderError, provider_for

logger = logging.getLogger(__name__)


def _record_error(campaign, message):
    figures.record_failure(campaign, message)
    logger.warning("funding sync failed for campaign %s: %s", campaign.pk, message)


def sync_campaign(campaign, *, source=FiguresSource.API):
    """Fetch and record one campaign's figures. Returns True when figures are current."""
    provider = provider_for(campaign)
    if provider is None:
        return False
    try:
        fetched = provider.fetch(campaign)
        if fetched.currency and fetched.currency != campaign.currency:
            raise ProviderError(
                _("Réponse invalide : devise %(got)s au lieu de %(expected)s.")
                % {"got": fetched.currency, "expected": campaign.currency}
            )
        if fetched.raised < campaign.raised:
            logger.info("campaign %s: amount lowered by the platform (refund)", campaign.pk)
        figures.record_figures(campaign, raised=fetched.raised, donors=fetched.donors, source=source)
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
    # Reached, even when nothing changed: a quiet night is not a broken sync.
    figures.record_contact(campaign)
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
        .filter(platform__in=platforms.SYNCABLE_CODES)
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
