"""The answer when the database cannot be reached: 503 with Retry-After, never cached, no cookie.

HTML (French and English, from a template that needs neither the database nor a request
context) for people, JSON for the machine-facing paths (API, open data, oEmbed, webhooks, health).
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from home.nonces import csp_nonce

# Machine-facing paths (language-neutral, outside i18n_patterns): they answer JSON, errors included.
# tests/test_failures.py checks that every API, open-data, oEmbed, webhook and health URL is here.
JSON_PATH_PREFIXES = ("/api/", "/donnees/", "/oembed/", "/webhooks/", "/healthz")


def wants_json(request):
    return request.path_info.startswith(JSON_PATH_PREFIXES)


def _languages_for(request):
    """The language of the address first (/en/… is English), then the others."""
    first = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return [first] + [code for code, _name in settings.LANGUAGES if code != first]


def maintenance_response(request):
    retry_after = settings.MAINTENANCE_RETRY_AFTER
    languages = _languages_for(request)
    if wants_json(request):
        with translation.override(languages[0]):
            response = JsonResponse(
                {
                    "error": "service_unavailable",
                    "detail": _("Le service est momentanément indisponible ; réessayez dans %(seconds)s secondes.")
                    % {"seconds": retry_after},
                },
                status=503,
            )
    else:
        html = render_to_string(
            "503.html",
            {
                "languages": languages,
                "retry_minutes": max(1, round(retry_after / 60)),
                "csp_nonce": csp_nonce(request),
            },
        )
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    # Neither proxies nor browsers may keep it: the site is back as soon as the database is.
    response["Cache-Control"] = "no-store"
    response.is_maintenance = True
    return response
