"""HTTP rules shared by the JSON API, open data and oEmbed: GET only, CORS open to every
origin, a short public cache, an ETag from the body and ``304 Not Modified``, JSON errors.

None of these views reads the session or sets a cookie: they are the same for everyone."""

import hashlib
import json
from functools import wraps

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _

SAFE_METHODS = ("GET", "HEAD")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def json_error(status, reason):
    response = JsonResponse({"error": str(reason)}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


def public_get(view):
    """Read-only and open to every origin: a CORS preflight is answered, other methods get 405."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ALLOWED_METHODS
        elif request.method not in SAFE_METHODS:
            response = json_error(405, _("Méthode non autorisée : ces données sont en lecture seule (GET)."))
            response["Allow"] = ALLOWED_METHODS
        else:
            response = view(request, *args, **kwargs)
        return _cors(response)

    return wrapper


def cached_answer(request, body, content_type, headers=None):
    """``body`` (bytes) with an ETag computed from it; ``304`` when the client already has it."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type=content_type)
        for name, value in (headers or {}).items():
            response[name] = value
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_DATA_MAX_AGE)
    return response


def json_answer(request, data, headers=None):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
    return cached_answer(request, body, "application/json; charset=utf-8", headers)
