"""Embeddable widgets (a campaign's progress, a call's results) and oEmbed.

An embed is a tiny self-contained page: inline CSS, one inline script (allowed by its hash),
no image, font or other request. It is the only kind of page that other sites may frame
(``frame-ancestors *``, its own policy set with django-csp's ``@csp`` decorator; every other page
keeps the site policy's ``frame-ancestors 'self'`` and ``X-Frame-Options: DENY``). It reads no
session and sets no cookie."""

import base64
import hashlib
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from wagtail.models import Page

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp

from home import layout
from home.layout import public_q
from home.models import absolute_url, active_locale_id
from home.page_cache import cacheable

from ..models import LaureatePage, ProgrammeResults
from .data import public_calls, public_laureates
from .http import json_answer, json_error, public_get

# Tells the parent page how tall the widget is; the embed works without it (fixed height).
RESIZE_SCRIPT = (
    "(function(){if(window.parent===window)return;"
    "function s(){parent.postMessage({type:'portail-embed:height',"
    "height:Math.ceil(document.documentElement.getBoundingClientRect().height)},'*')}"
    "addEventListener('load',s);"
    "if(window.ResizeObserver)new ResizeObserver(s).observe(document.documentElement)})();"
)
# On the host page: resize the iframe that sent the message, only if it comes from this portal.
HOST_SCRIPT = (
    "<script>addEventListener('message',function(e){{var d=e.data;"
    "if(e.origin!=='{origin}'||!d||d.type!=='portail-embed:height')return;"
    "document.querySelectorAll('iframe').forEach(function(f){{"
    "if(f.contentWindow===e.source)f.height=Math.min(d.height,3000)}})}});</script>"
)
SCRIPT_HASH = base64.b64encode(hashlib.sha256(RESIZE_SCRIPT.encode()).digest()).decode()
# The embeds' whole policy, in place of the site's: nothing may load but the inline CSS and the
# one script above (by its hash: the answer is cached and shared, so no per-answer nonce);
# any site may frame them. The inline CSS and the progress bar's styles need 'unsafe-inline' in
# style-src (the MDN Observatory does not count it against a policy, in style-src only).
EMBED_POLICY = {
    "default-src": [NONE],
    "style-src": [UNSAFE_INLINE],
    "script-src": [f"'sha256-{SCRIPT_HASH}'"],
    "img-src": ["data:"],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": ["*"],
}
embed_policy = csp(EMBED_POLICY)

EMBED_WIDTH = 480
CAMPAIGN_HEIGHT = 440
RESULTS_HEIGHT = 640
OEMBED_CACHE_AGE = 3600


def _embed_response(request, template, context):
    context = {**context, "resize_script": RESIZE_SCRIPT}
    response = render(request, template, context)
    response.xframe_options_exempt = True
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_DATA_MAX_AGE)
    return response


def _in_active_language(pages):
    """The page in the visitor's language, else the first one."""
    locale_id = active_locale_id()
    return next((page for page in pages if page.locale_id == locale_id), pages[0] if pages else None)


@embed_policy
@require_safe
@cacheable
def campaign_embed(request, pk):
    # Only campaigns of published laureates: an unannounced laureate cannot be embedded.
    laureate = _in_active_language(list(public_laureates().filter(campaign_id=pk)))
    if laureate is None:
        raise Http404
    return _embed_response(
        request,
        "embed/campaign.html",
        {"laureate": laureate, "campaign": laureate.campaign, "page_url": laureate.get_url(request)},
    )


@embed_policy
@require_safe
@cacheable
def results_embed(request, pk):
    call = public_calls().filter(pk=pk).first()
    if call is None:
        raise Http404
    call = _in_active_language(list(call.get_translations(inclusive=True).live().filter(public_q()))) or call
    return _embed_response(
        request,
        "embed/results.html",
        {
            "call": call,
            # As on the call page: a live collection shows when the results come, not half-results.
            "results": ProgrammeResults.for_call(call) if call.results_are_out() else None,
            "collection_ends_on": call.collection_ends_on(),
            "page_url": call.get_url(request),
        },
    )


# --- embed code -------------------------------------------------------------


def embed_code(src, title, width=EMBED_WIDTH, height=CAMPAIGN_HEIGHT):
    """The HTML another site pastes: the iframe, and the few lines that let it resize itself."""
    parts = urlsplit(src)
    iframe = format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:100%" loading="lazy"></iframe>',
        src,
        title,
        width,
        height,
    )
    return iframe + HOST_SCRIPT.format(origin=f"{parts.scheme}://{parts.netloc}")


def _page_embed_code(request, page, url_name, pk, title, width, height):
    """The embed code in ``page``'s language: its iframe points to the embed of that language."""
    with translation.override(page.locale.language_code):
        src = request.build_absolute_uri(reverse(url_name, kwargs={"pk": pk}))
        label = str(title) % {"title": page.title}
    return embed_code(src, label, width, height)


def campaign_embed_code(request, laureate, width=EMBED_WIDTH, height=CAMPAIGN_HEIGHT):
    title = gettext_lazy("Collecte de « %(title)s »")
    return _page_embed_code(request, laureate, "embed_campaign", laureate.campaign_id, title, width, height)


def results_embed_code(request, call):
    title = gettext_lazy("Résultats de « %(title)s »")
    return _page_embed_code(request, call, "embed_results", call.pk, title, EMBED_WIDTH, RESULTS_HEIGHT)


# --- oEmbed -------------------------------------------------------------------


def laureate_for_url(request, url):
    """The published laureate page at ``url`` on this portal, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "http://[::1" (an unclosed IPv6 address)
        return None
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.get_host().lower():
        return None
    path = parts.path or "/"
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return None
        page = Page.find_for_request(request, match.args[0] if match.args else "")
    if page is None:
        return None
    return (
        public_laureates().filter(pk=page.pk, campaign__isnull=False).first()
        if page.specific_class is LaureatePage
        else None
    )


def _dimension(request, name, default):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    if not (value.isascii() and value.isdigit()) or int(value) < 1:  # "१" is a digit to isdigit()
        raise ValueError(name)
    return min(default, int(value))


@public_get
def oembed(request):
    if request.GET.get("format", "json") != "json":
        return json_error(501, _("Seul le format json est disponible."))
    url = request.GET.get("url", "").strip()
    if not url:
        return json_error(400, _("Le paramètre url est obligatoire."))
    try:
        width = _dimension(request, "maxwidth", EMBED_WIDTH)
        height = _dimension(request, "maxheight", CAMPAIGN_HEIGHT)
    except ValueError as error:
        return json_error(400, _("Le paramètre %(name)s doit être un entier positif.") % {"name": error.args[0]})
    laureate = laureate_for_url(request, url)
    if laureate is None:
        return json_error(404, _("Cette adresse n'est pas celle d'une page lauréat publiée de ce portail."))
    with translation.override(laureate.locale.language_code):
        provider = layout.site_settings(request).organisation_name or str(settings.PORTAL_NAME)
    return json_answer(
        request,
        {
            "version": "1.0",
            "type": "rich",
            "title": laureate.title,
            "provider_name": provider,
            "provider_url": request.build_absolute_uri("/"),
            "html": campaign_embed_code(request, laureate, width, height),
            "width": width,
            "height": height,
            "cache_age": OEMBED_CACHE_AGE,
        },
    )


def oembed_discovery_url(request, page):
    """The oEmbed address announced in a laureate page's <head>."""
    query = urlencode({"url": absolute_url(page, request), "format": "json"})
    return f"{request.build_absolute_uri(reverse('oembed'))}?{query}"
