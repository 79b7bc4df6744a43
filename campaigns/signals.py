"""Recorded figures reach every page, embed and API answer that shows them (home.page_cache):
the laureate's page in every language with what shows it (its call, the home page, its sponsors'
profiles), the campaign's embed, the API answers and open data of the campaign and its call.
``funding.figures.figures_changed`` is sent once the change is committed."""

import logging

from django.conf import settings
from django.db.models import Min, Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation

from funding.figures import figures_changed
from funding.models import FundingCampaign
from home import page_cache

from .models import LaureatePage

logger = logging.getLogger(__name__)


def campaign_paths(campaign):
    paths = {reverse("api_campaign", args=[campaign.pk])}
    for laureate in LaureatePage.objects.live().filter(campaign=campaign):
        paths |= page_cache.page_paths(laureate)
        call = laureate.get_parent()
        paths |= {
            reverse("api_call", args=[call.pk]),
            reverse("api_calls"),
            reverse("opendata_call_json", args=[call.pk]),
            reverse("opendata_call_csv", args=[call.pk]),
        }
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths.add(reverse("embed_campaign", args=[campaign.pk]))
                paths.add(reverse("embed_results", args=[call.pk]))
    return paths


@receiver(figures_changed)
def figures_recorded(sender, campaign, **kwargs):
    try:
        page_cache.purge_paths(campaign_paths(campaign))
    except Exception:  # figures are recorded; a cache that does not answer keeps nothing anyway
        logger.exception("Cache purge failed for campaign %s", campaign.pk)


@page_cache.register_next_change
def next_collection_start_or_end():
    """Pages show a collection as upcoming, live or over by these moments."""
    now = timezone.now()
    moments = FundingCampaign.objects.aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)), end=Min("ends_at", filter=Q(ends_at__gt=now))
    )
    due = [moment for moment in moments.values() if moment is not None]
    return min(due) if due else None
