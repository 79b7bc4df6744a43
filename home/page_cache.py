"""The page cache: public answers kept for anonymous visitors, purged exactly when what they show
changes (issue 15).

Only answers that a view marks with ``mark_cacheable(request)`` are kept (an allowlist): Wagtail
pages without view restriction (``home.wagtail_hooks``), the search page, the sitemap, the embeds
and the API. They are served from the cache to any visitor without a session cookie, on GET and
HEAD only. Signed-in users (they have a session cookie), the admin, previews (admin URLs), form
posts, private pages and error answers are never stored nor served from it.

Keys: ``page:<site generation>:<path generation>:<host><path>?<query>``. Each path has its own
generation, so purging a path forgets every query string of it (the call page's ``?page=2``);
``purge_all()`` moves the site generation on. Generations are random tokens kept in the cache
itself, shared by every process. ``purge_paths`` also tells the HTTP caches in front
(``wagtail.contrib.frontend_cache``: Varnish, see deploy/varnish.vcl) when they are configured.

Django's cache framework (Redis in production, local memory else) rather than wagtail-cache:
wagtail-cache clears one URL at a time, not a path with all its query strings, and its rules for
what to keep are its own; here one module says what is kept, under which headers, and what
purges it, for this cache and for Varnish alike.
"""

import hashlib
import logging
import secrets
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from wagtail.models import Site

from .admin_paths import is_admin_request

logger = logging.getLogger(__name__)

SITE_GENERATION = "pagegen:site"
# Headers a stored answer keeps; the others (CSP, Permissions-Policy, security headers) are added
# on each answer by the middleware around this one.
KEPT_HEADERS = ("Content-Type", "Content-Language", "ETag", "Access-Control-Allow-Origin", "Link", "X-Robots-Tag")
FLAG = "_portal_page_cache"
# What a view's decorators leave on its answer for the middlewares around this one (django-csp's
# per-view policy, the embeds' framing exemption): kept with the answer, so that a kept embed
# still gets its own policy.
KEPT_ATTRIBUTES = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace", "exempt") for suffix in ("", "_ro")
) + ("xframe_options_exempt",)


# Content also changes with time alone: a phase opens, a collection ends, "days left" counts down.
# Higher apps register here when their next such change is due (campaigns: the next start or end
# of a collection); a kept answer lives no longer than that, nor past midnight in Paris (dates
# shown, phases by the day).
_CLOCKS = []


def register_next_change(function):
    """``function()`` answers the next aware datetime at which pages change by themselves, or None."""
    _CLOCKS.append(function)
    return function


def seconds_to_live(limit):
    now = timezone.localtime()
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moments = [tomorrow, *(moment for moment in (clock() for clock in _CLOCKS) if moment is not None)]
    due = min(moment for moment in moments if moment > now) if moments else tomorrow
    return max(1, min(limit, int((due - now).total_seconds())))


def timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 24 * 60 * 60)


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def mark_cacheable(request):
    """The view's answer may be kept and served to every anonymous visitor."""
    setattr(request, FLAG, True)


def cacheable(view):
    """Decorator: ``mark_cacheable`` for a Django view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapper


def is_anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _path_generation_key(path):
    # Not per host: a purge knows the page's path, not every host name it was asked under.
    return "pagegen:path:" + hashlib.sha256(path.encode()).hexdigest()


def _page_key(site_generation, path_generation, request):
    url = f"{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    return f"page:{site_generation}:{path_generation}:" + hashlib.sha256(url.encode()).hexdigest()


def _generations(request, create=False):
    path_key = _path_generation_key(request.path)
    found = cache.get_many([SITE_GENERATION, path_key])
    site, path = found.get(SITE_GENERATION), found.get(path_key)
    if create:
        if site is None:
            cache.add(SITE_GENERATION, secrets.token_hex(8), timeout=None)
            site = cache.get(SITE_GENERATION)
        if path is None:
            cache.add(path_key, secrets.token_hex(8), timeout=None)
            path = cache.get(path_key)
    return site, path


def _eligible(request):
    return request.method in ("GET", "HEAD") and is_anonymous(request) and not is_admin_request(request)


def cached_response(request):
    """The stored answer for this request, or None."""
    if not _eligible(request):
        return None
    site, path = _generations(request)
    if site is None or path is None:
        return None
    stored = cache.get(_page_key(site, path, request))
    if stored is None:
        return None
    content, headers, attributes = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    for name, value in attributes.items():
        setattr(response, name, value)
    response["X-Page-Cache"] = "hit"
    return response


def _storable(request, response):
    if not (getattr(request, FLAG, False) and _eligible(request)):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control or "no-cache" in control:
        return False
    # Something read the session or the cookies to build it: it may not be the same for everyone.
    return "cookie" not in response.get("Vary", "").lower()


def public_headers(response, ttl):
    """What a cacheable anonymous answer says to browsers and shared caches, kept ``ttl`` seconds
    at most (the next change due by itself)."""
    patch_cache_control(
        response,
        public=True,
        max_age=min(ttl, getattr(settings, "PAGE_CACHE_MAX_AGE", 60)),
        s_maxage=min(ttl, getattr(settings, "PAGE_CACHE_S_MAXAGE", 24 * 60 * 60)),
    )
    # The French site lives at "/" whatever the browser asks for: Accept-Language changes nothing.
    if response.has_header("Vary"):
        kept = [name.strip() for name in response["Vary"].split(",") if name.strip().lower() != "accept-language"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def store(request, response):
    """Keep the answer if it may be kept; returns whether it was."""
    if not _storable(request, response):
        return False
    ttl = seconds_to_live(timeout())
    public_headers(response, ttl)
    site, path = _generations(request, create=True)
    headers = {name: response[name] for name in (*KEPT_HEADERS, "Cache-Control", "Vary") if response.has_header(name)}
    attributes = {name: getattr(response, name) for name in KEPT_ATTRIBUTES if hasattr(response, name)}
    cache.set(_page_key(site, path, request), (response.content, headers, attributes), ttl)
    response["X-Page-Cache"] = "miss"
    return True


class PageCacheMiddleware:
    """Serves and keeps the answers above. Placed before the database check: a kept page is still
    served while the database is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        try:
            response = cached_response(request)
        except Exception:  # the cache down: pages are built as if nothing were kept
            logger.exception("Page cache unavailable")
            response = None
        if response is not None:
            return response
        response = self.get_response(request)
        try:
            store(request, response)
        except Exception:
            logger.exception("Page cache unavailable")
        return response


def purge_paths(paths):
    """Forget every kept answer of these paths (all their query strings), here and in front."""
    paths = sorted({path for path in paths if path})
    if not paths:
        return
    cache.set_many({_path_generation_key(path): secrets.token_hex(8) for path in paths}, timeout=None)
    _purge_front([f"{base}{path}" for base in _base_urls() for path in paths])


def purge_all():
    """Forget every kept answer (site settings, snippets, the menu: what every page shows)."""
    cache.set(SITE_GENERATION, secrets.token_hex(8), timeout=None)
    _purge_front([f"{base}/" for base in _base_urls()], everything=True)


def _base_urls():
    return sorted({site.root_url for site in Site.objects.all()})


def _purge_front(urls, everything=False):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if everything:
        # deploy/varnish.vcl bans every object on a PURGE of this address.
        urls = [url.rstrip("/") + "/.purge-all" for url in urls]
    try:
        purge_urls_from_cache(urls)
    except Exception:  # an HTTP cache that does not answer must not fail the publish
        logger.exception("Purging the HTTP cache in front failed")


def page_paths(page):
    """The paths that show ``page``: its own, its ancestors' under the site root (its index, the call
    page of a laureate, the home page) and what its type adds (``cache_dependents``: feeds,
    sponsors' pages…), plus the search page and the sitemap of every language."""
    paths = set()
    page = page.specific
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    extra = getattr(page, "cache_dependents", None)
    for item in extra() if extra else []:
        if isinstance(item, str):
            paths.add(item)
        else:
            pages.append(item)
    for item in pages:
        parts = item.get_url_parts()
        if parts is not None:
            paths.add(parts[2])
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.update((reverse("search"), reverse("sitemap")))
    return paths


def paths_to_purge(page):
    """What publishing or unpublishing ``page`` changes, or None for everything: pages of the menu
    level (and the home pages) appear in every page's header."""
    return None if page.depth <= 3 else page_paths(page)
