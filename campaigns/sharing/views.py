"""Read-only JSON API and open data: a campaign, a call's results and laureates."""

import csv
import io
from functools import wraps

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from home import layout
from home.models import absolute_url
from home.page_cache import cacheable
from home.spreadsheets import neutralise_row

from .data import call_data, campaign_data, public_calls, public_laureates
from .http import cached_answer, json_answer, json_error, public_get
from .openapi import openapi_document

# CSV column → key of the campaign's figures (an empty cell for a laureate without campaign).
CAMPAIGN_COLUMNS = {
    "campaign_id": "id",
    "platform": "platform",
    "campaign_url": "public_url",
    "status": "status",
    "funding_model": "funding_model",
    "currency": "currency",
    "goal": "goal",
    "amount_kind": "amount_kind",
    "pledged_amount": "pledged_amount",
    "pledged_donors": "pledged_donors",
    "collected_amount": "collected_amount",
    "collected_donors": "collected_donors",
    "percent": "percent",
    "goal_reached": "goal_reached",
    "starts_at": "starts_at",
    "ends_at": "ends_at",
    "figures_updated_at": "figures_updated_at",
    "checked_at": "checked_at",
}
CSV_COLUMNS = ["call_id", "call_title", "edition_year", "laureate_id", "laureate", "commune", "page_url"]
CSV_COLUMNS += list(CAMPAIGN_COLUMNS)


def with_public_call(view):
    """Gives the view the published call with this id, or answers a JSON 404."""

    @wraps(view)
    def wrapper(request, pk):
        call = public_calls().filter(pk=pk).first()
        if call is None:
            return json_error(404, _("Aucun appel à projets publié avec cet identifiant."))
        return view(request, call)

    return wrapper


@public_get
@cacheable
def campaign_detail(request, pk):
    # A campaign is public only through a published laureate page: unannounced laureates stay hidden.
    pages = sorted(
        public_laureates().filter(campaign_id=pk),
        key=lambda page: page.locale.language_code != settings.LANGUAGE_CODE,
    )
    if not pages:
        return json_error(404, _("Aucune collecte publiée avec cet identifiant."))
    return json_answer(request, campaign_data(pages, request))


@public_get
@cacheable
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
@with_public_call
@cacheable
def call_detail(request, call):
    return json_answer(request, call_data(call, request))


def _licence_headers():
    return {"Link": f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'}


def _dataset(request, call):
    publisher = layout.site_settings(request).organisation_name
    return {
        "licence": settings.OPEN_DATA_LICENCE,
        "publisher": publisher,
        "source": absolute_url(call, request),
        **call_data(call, request),
    }


@public_get
@with_public_call
def call_dataset_json(request, call):
    return json_answer(request, _dataset(request, call), headers=_licence_headers())


@public_get
@with_public_call
def call_dataset_csv(request, call):
    data = call_data(call, request)
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for laureate in data["laureates"]:
        campaign = laureate["campaign"] or {}
        row = {
            "call_id": data["id"],
            "call_title": data["title"],
            "edition_year": data["edition_year"],
            "laureate_id": laureate["id"],
            "laureate": laureate["title"],
            "commune": laureate["commune"],
            "page_url": laureate["url"],
            **{column: campaign.get(key) for column, key in CAMPAIGN_COLUMNS.items()},
        }
        if isinstance(row["goal_reached"], bool):
            row["goal_reached"] = str(row["goal_reached"]).lower()  # true/false, as in the JSON
        # None (no campaign, no public URL, never updated) is written as ""; text that a
        # spreadsheet would run as a formula gets a leading ' (home.spreadsheets).
        writer.writerow(neutralise_row(row))
    headers = {
        **_licence_headers(),
        "Content-Disposition": f'inline; filename="laureats-appel-{call.pk}.csv"',
    }
    return cached_answer(request, output.getvalue().encode(), "text/csv; charset=utf-8; header=present", headers)


@public_get
def api_not_found(request):
    return json_error(404, _("Aucune ressource de l'API à cette adresse : voir /api/v1/openapi.json."))


@public_get
def dataset_not_found(request):
    return json_error(404, _("Aucun appel à projets publié avec cet identifiant."))


@public_get
def openapi(request):
    return json_answer(request, openapi_document(request))
