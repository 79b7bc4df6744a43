"""What the JSON API, the open data and the embeds say about campaigns and calls, built in
one place from the stored figures (nothing here calls a platform).

No personal data: neither the makers' names nor anything about donors, only counts."""

from decimal import Decimal

from django.utils import timezone

from home.layout import public_q
from home.models import absolute_url

from ..models import CallPage, LaureatePage, ProgrammeResults


def money(amount):
    """Exact amounts as strings with two decimals ("5000.00"): JSON numbers would be floats."""
    return None if amount is None else f"{amount:.2f}"


def moment(value):
    return timezone.localtime(value).isoformat() if value else None


def public_laureates():
    return LaureatePage.objects.live().filter(public_q()).select_related("campaign", "locale")


def public_calls():
    return CallPage.objects.live().filter(public_q()).select_related("locale")


def page_links(pages, request):
    return [
        {"language": page.locale.language_code, "title": page.title, "url": absolute_url(page, request)}
        for page in pages
    ]


def campaign_figures(campaign, now):
    status = campaign.status(now)
    freshness = campaign.freshness(now)
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "platform": campaign.platform,
        "platform_name": str(campaign.get_platform_display()),
        "public_url": campaign.public_url or None,
        "status": str(status),
        "funding_model": campaign.effective_funding_model,
        "currency": campaign.currency,
        "goal": money(campaign.goal),
        "amount_kind": str(campaign.amount_kind(now)),
        "pledged_amount": money(campaign.raised),
        "pledged_donors": campaign.donors,
        "collected_amount": money(campaign.collected(now)),
        "collected_donors": campaign.collected_donors(now),
        "percent": str(campaign.percent),
        "goal_reached": campaign.goal_reached,
        "starts_at": moment(campaign.starts_at),
        "ends_at": moment(campaign.ends_at),
        "days_left": campaign.days_left(now),
        "figures_updated_at": moment(campaign.updated_at),
        "figures_source": campaign.source,
        "checked_at": moment(freshness.checked_at),
        "figures_may_be_stale": freshness.is_stale,
    }


def campaign_data(pages, request, now=None):
    """A campaign with the public pages (one per language) of the laureate it belongs to."""
    data = campaign_figures(pages[0].campaign, now or timezone.now())
    data["pages"] = page_links(pages, request)
    return data


def results_data(results):
    # Totals in mixed currencies cannot be added up: they are null, as on the call page.
    summable = not results.mixed_currencies
    return {
        "applications": results.applications,
        "laureates": results.laureates,
        "campaigns": results.campaigns,
        "ended": results.ended,
        "funded": results.funded,
        "success_rate": str(results.success_rate.quantize(Decimal("0.1"))),
        "currency": results.currency if summable else None,
        "mixed_currencies": results.mixed_currencies,
        "collected_amount": money(results.collected) if summable else None,
        "collected_donors": results.collected_donors,
        "average_funded": money(results.average_funded) if summable else None,
        "refunded_amount": money(results.refunded) if summable else None,
        "refunded_donors": results.refunded_donors,
        "refunded_campaigns": results.refunded_count,
        "pledged_amount": money(results.pledged) if summable else None,
        "pledged_donors": results.pledged_donors,
    }


def call_laureates(call):
    return list(public_laureates().child_of(call).order_by("title"))


def call_data(call, request, now=None):
    """A call, its results and its laureates (in the call's language): a constant number of queries."""
    now = now or timezone.now()
    laureates = call_laureates(call)
    translations = list(call.get_translations(inclusive=True).live().filter(public_q()).select_related("locale"))
    return {
        "id": call.pk,
        "language": call.locale.language_code,
        "title": call.title,
        "edition_year": call.edition_year,
        "theme": call.theme,
        "platform_name": call.platform_name,
        "platform_url": call.platform_url or None,
        "pages": page_links(sorted(translations, key=lambda page: page.pk != call.pk), request),
        "results": results_data(ProgrammeResults.for_call(call, laureates=laureates)),
        "laureates": [
            {
                "id": page.pk,
                "title": page.title,
                "commune": page.commune,
                "url": absolute_url(page, request),
                "campaign": campaign_figures(page.campaign, now) if page.campaign_id else None,
            }
            for page in laureates
        ],
    }
