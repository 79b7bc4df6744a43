"""Read-only JSON API and open data: a campaign, a call's results and laureates."""

import csv
import io

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import SiteSettings, absolute_url

from .data import call_data, campaign_data, public_calls, public_laureates
from .http import cached_answer, json_answer, json_error, public_get
from .openapi import openapi_document

CSV_COLUMNS = [
    "call_id",
    "call_title",
    "edition_year",
    "laureate_id",
    "laureate",
    "commune",
    "page_url",
    "campaign_id",
    "platform",
    "campaign_url",
    "status",
    "currency",
    "goal",
    "raised",
    "percent",
    "goal_reached",
    "donors",
    "starts_at",
    "ends_at",
    "figures_updated_at",
]


def _call_or_none(pk):
    return public_calls().filter(pk=pk).first()


def _no_call():
    return json_error(404, _("Aucun appel à projets publié avec cet identifiant."))


@public_get
def campaign_detail(request, pk):
    # A campaign is public only through a published laureate page: unannounced laureates stay hidden.
    pages = sorted(public_laureates().filter(campaign_id=pk), key=lambda page: page.locale.language_code != "fr")
    if not pages:
        return json_error(404, _("Aucune collecte publiée avec cet identifiant."))
    return json_answer(request, campaign_data(pages, request))


@public_get
def call_list(request):
    """Every published call of every language, with the addresses of its data."""
    calls = public_calls().order_by("-edition_year", "locale__language_code", "title")
    return json_answer(
        request,
        {
            "calls": [
                {
                    "id": call.pk,
                    "language": call.locale.language_code,
                    "title": call.title,
                    "edition_year": call.edition_year,
                    "url": absolute_url(call, request),
                    "api_url": request.build_absolute_uri(reverse("api_call", kwargs={"pk": call.pk})),
                    "csv_url": request.build_absolute_uri(reverse("opendata_call_csv", kwargs={"pk": call.pk})),
                    "json_url": request.build_absolute_uri(reverse("opendata_call_json", kwargs={"pk": call.pk})),
                }
                for call in calls
            ]
        },
    )


@public_get
def call_detail(request, pk):
    call = _call_or_none(pk)
    return json_answer(request, call_data(call, request)) if call else _no_call()


def _licence_headers():
    return {"Link": f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'}


def _dataset(request, call):
    publisher = SiteSettings.for_request(request).organisation_name
    return {
        "licence": settings.OPEN_DATA_LICENCE,
        "publisher": publisher,
        "source": absolute_url(call, request),
        **call_data(call, request),
    }


@public_get
def call_dataset_json(request, pk):
    call = _call_or_none(pk)
    if call is None:
        return _no_call()
    return json_answer(request, _dataset(request, call), headers=_licence_headers())


@public_get
def call_dataset_csv(request, pk):
    call = _call_or_none(pk)
    if call is None:
        return _no_call()
    data = call_data(call, request, timezone.now())
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for laureate in data["laureates"]:
        campaign = laureate["campaign"] or {}
        writer.writerow(
            {
                "call_id": data["id"],
                "call_title": data["title"],
                "edition_year": data["edition_year"],
                "laureate_id": laureate["id"],
                "laureate": laureate["title"],
                "commune": laureate["commune"],
                "page_url": laureate["url"],
                "campaign_id": campaign.get("id", ""),
                "platform": campaign.get("platform", ""),
                "campaign_url": campaign.get("public_url") or "",
                "status": campaign.get("status", ""),
                "currency": campaign.get("currency", ""),
                "goal": campaign.get("goal", ""),
                "raised": campaign.get("raised", ""),
                "percent": campaign.get("percent", ""),
                "goal_reached": {True: "true", False: "false"}.get(campaign.get("goal_reached"), ""),
                "donors": campaign.get("donors", ""),
                "starts_at": campaign.get("starts_at", ""),
                "ends_at": campaign.get("ends_at", ""),
                "figures_updated_at": campaign.get("figures_updated_at") or "",
            }
        )
    headers = {
        **_licence_headers(),
        "Content-Disposition": f'inline; filename="laureats-appel-{call.pk}.csv"',
    }
    return cached_answer(request, output.getvalue().encode(), "text/csv; charset=utf-8; header=present", headers)


@public_get
def openapi(request):
    return json_answer(request, openapi_document(request))
