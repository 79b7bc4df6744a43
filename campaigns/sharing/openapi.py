"""The OpenAPI 3.1 description of the read-only API, open data and oEmbed endpoints."""

from django.urls import reverse

from funding import platforms
from funding.models import AmountKind, CampaignStatus, FiguresSource, FundingModel
from home.languages import language_codes

NULLABLE_STRING = {"type": ["string", "null"]}
MONEY = {"type": "string", "pattern": r"^\d+\.\d{2}$", "description": "Exact amount, two decimals."}
NULLABLE_MONEY = {**MONEY, "type": ["string", "null"]}
DATETIME = {"type": "string", "format": "date-time"}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def _page_link():
    """A page in one of the site's languages (read from settings at each call)."""
    return _object(
        {
            "language": {"type": "string", "enum": language_codes()},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
        }
    )


SCHEMAS = {
    "Error": _object({"error": {"type": "string", "description": "Why the request failed."}}),
    "PageLink": _page_link(),
    "CampaignFigures": _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "platform": {"type": "string", "enum": platforms.CODES},
            "platform_name": {"type": "string"},
            "public_url": {"type": ["string", "null"], "format": "uri"},
            "status": {"type": "string", "enum": CampaignStatus.values},
            "funding_model": {
                "type": "string",
                "enum": FundingModel.values,
                "description": "all_or_nothing: nothing is collected unless the goal is met by the end, and "
                "contributors are refunded otherwise; keep_what_you_raise: every donation is collected.",
            },
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "goal": MONEY,
            "amount_kind": {
                "type": "string",
                "enum": AmountKind.values,
                "description": "What pledged_amount is now: collected money, pledges paid only if the goal is met, "
                "or pledges refunded.",
            },
            "pledged_amount": {
                **MONEY,
                "description": "Amount the platform counts, pledges included (refunded ones too). Exact, two decimals.",
            },
            "pledged_donors": {"type": "integer", "minimum": 0, "description": "Contributors the platform counts."},
            "collected_amount": {
                **MONEY,
                "description": "Money actually collected: 0.00 for a live or unfunded all-or-nothing campaign.",
            },
            "collected_donors": {
                "type": "integer",
                "minimum": 0,
                "description": "Contributors whose donation was collected.",
            },
            "percent": {"type": "string", "description": "Share of the goal pledged, never capped at 100."},
            "goal_reached": {"type": "boolean"},
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "days_left": {"type": "integer", "minimum": 0},
            "figures_updated_at": {
                "type": ["string", "null"],
                "format": "date-time",
                "description": "When the figures last changed.",
            },
            "figures_source": {"type": "string", "enum": FiguresSource.values},
            "checked_at": {
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Synced campaigns: the last successful contact with the platform; otherwise when the "
                "figures were entered or imported.",
            },
            "figures_may_be_stale": {
                "type": "boolean",
                "description": "True when a live synced campaign's platform has not been reached for more than twice "
                "the sync interval.",
            },
        }
    ),
    "Campaign": {
        "allOf": [
            _ref("CampaignFigures"),
            _object({"pages": {"type": "array", "items": _ref("PageLink")}}),
        ]
    },
    "Results": _object(
        {
            "applications": {"type": "integer"},
            "laureates": {"type": "integer"},
            "campaigns": {"type": "integer", "description": "Campaigns counted (cancelled ones are not)."},
            "ended": {"type": "integer", "description": "Counted campaigns that have ended."},
            "funded": {"type": "integer", "description": "Ended campaigns that reached their goal."},
            "success_rate": {"type": "string", "description": "funded / ended, in percent."},
            "currency": NULLABLE_STRING,
            "mixed_currencies": {"type": "boolean", "description": "When true, amounts are null."},
            "collected_amount": {
                **NULLABLE_MONEY,
                "description": "Money actually collected: funded all-or-nothing campaigns and every "
                "keep-what-you-raise campaign.",
            },
            "collected_donors": {"type": "integer"},
            "average_funded": {**NULLABLE_MONEY, "description": "Average collected by a funded campaign."},
            "refunded_amount": {
                **NULLABLE_MONEY,
                "description": "Pledges to ended all-or-nothing campaigns that missed their goal: refunded.",
            },
            "refunded_donors": {"type": "integer"},
            "refunded_campaigns": {"type": "integer"},
            "pledged_amount": {
                **NULLABLE_MONEY,
                "description": "Pledges to live all-or-nothing campaigns, collected only if their goal is met.",
            },
            "pledged_donors": {"type": "integer"},
        }
    ),
    "Laureate": _object(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "commune": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "campaign": {"oneOf": [_ref("CampaignFigures"), {"type": "null"}]},
        }
    ),
    "Call": _object(
        {
            "id": {"type": "integer"},
            "language": {"type": "string"},
            "title": {"type": "string"},
            "edition_year": {"type": "integer"},
            "theme": {"type": "string"},
            "platform_name": {"type": "string"},
            "platform_url": {"type": ["string", "null"], "format": "uri"},
            "pages": {"type": "array", "items": _ref("PageLink")},
            "results": _ref("Results"),
            "laureates": {"type": "array", "items": _ref("Laureate")},
        }
    ),
    "CallList": _object(
        {
            "calls": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "integer"},
                        "language": {"type": "string"},
                        "title": {"type": "string"},
                        "edition_year": {"type": "integer"},
                        "url": {"type": "string", "format": "uri"},
                        "api_url": {"type": "string", "format": "uri"},
                        "csv_url": {"type": "string", "format": "uri"},
                        "json_url": {"type": "string", "format": "uri"},
                    }
                ),
            }
        }
    ),
    "Dataset": {
        "allOf": [
            _ref("Call"),
            _object(
                {
                    "licence": _object({"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}),
                    "publisher": {"type": "string"},
                    "source": {"type": "string", "format": "uri"},
                }
            ),
        ]
    },
    "OEmbed": _object(
        {
            "version": {"const": "1.0"},
            "type": {"const": "rich"},
            "title": {"type": "string"},
            "provider_name": {"type": "string"},
            "provider_url": {"type": "string", "format": "uri"},
            "html": {"type": "string"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "cache_age": {"type": "integer"},
        }
    ),
}

ID_PARAMETER = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Send it back in If-None-Match to get a 304."},
    "Cache-Control": {"schema": {"type": "string"}, "description": "public, max-age=<seconds>"},
}


def _json(schema_name, description):
    return {
        "description": description,
        "headers": CACHE_HEADERS,
        "content": {"application/json": {"schema": _ref(schema_name)}},
    }


def _error(description):
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _get(summary, responses, parameters=(ID_PARAMETER,)):
    return {
        "get": {
            "summary": summary,
            "parameters": list(parameters),
            "responses": {**responses, "304": {"description": "Not modified (If-None-Match matched the ETag)."}},
        }
    }


def _path(name):
    """The route with OpenAPI's {id} template in place of the page or campaign id."""
    return reverse(name, kwargs={"pk": 0}).replace("/0/", "/{id}/")


def openapi_document(request):
    not_found = _error("No published campaign or call with this id.")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Portail des appels à projets – API publique",
            "version": "1.0.0",
            "description": (
                "Read-only figures of the crowdfunding campaigns and calls for projects shown on this portal. "
                "GET only, open to every origin (CORS), no authentication, no personal data. "
                "Amounts are exact decimal strings in the campaign's currency."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": {
            _path("api_campaign"): _get(
                "A campaign's figures, status, dates and pages",
                {"200": _json("Campaign", "The campaign."), "404": not_found},
            ),
            reverse("api_calls"): _get(
                "Every published call for projects, in every language, with its data addresses",
                {"200": _json("CallList", "The calls.")},
                parameters=[],
            ),
            _path("api_call"): _get(
                "A call for projects: results and laureates with their campaigns",
                {"200": _json("Call", "The call."), "404": not_found},
            ),
            _path("opendata_call_json"): _get(
                "Open data: a call's laureates and results, with the licence",
                {"200": _json("Dataset", "The dataset."), "404": not_found},
            ),
            _path("opendata_call_csv"): _get(
                "Open data: a call's laureates, one CSV row each (UTF-8, comma)",
                {
                    "200": {
                        "description": "The dataset as CSV; the licence is in the Link header (rel=license).",
                        "headers": CACHE_HEADERS,
                        "content": {"text/csv": {"schema": {"type": "string"}}},
                    },
                    "404": not_found,
                },
            ),
            reverse("oembed"): _get(
                "oEmbed for a laureate page's address",
                {
                    "200": _json("OEmbed", "An iframe of the laureate's donation widget."),
                    "400": _error("Missing url, or maxwidth/maxheight not a positive integer."),
                    "404": _error("The address is not a published laureate page of this portal."),
                    "501": _error("Only format=json is available."),
                },
                parameters=[
                    {"name": "url", "in": "query", "required": True, "schema": {"type": "string", "format": "uri"}},
                    {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json"]}},
                    {"name": "maxwidth", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {"name": "maxheight", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                ],
            ),
        },
        # PageLink again, at its place: the languages as settings give them now.
        "components": {"schemas": {**SCHEMAS, "PageLink": _page_link()}},
    }
