"""What every page's shell shows (menu, language homes, footer, logo, site settings, which pages
are private), built once per site and language and kept in the cache until something it shows
changes.

Every entry's key carries one version number, kept in the cache itself so that every process
shares it; ``invalidate()`` moves it on, and the receivers in ``home.signals`` call it when a page
is published, unpublished, moved or deleted, when a view restriction, a locale, a site or the site
settings change. Higher apps keep their own shell pieces here with ``remember()`` (the news feed
links), and so are invalidated by the same events.
"""

import logging
from contextlib import suppress
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Q
from django.utils import translation

from wagtail.models import PageViewRestriction, Site

logger = logging.getLogger(__name__)

VERSION_KEY = "layout:version"
# Entries live until invalidated; the timeout only bounds what a forgotten version leaves behind.
TIMEOUT = 24 * 60 * 60


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        current = cache.get(VERSION_KEY, 1)
    return current


def invalidate(**kwargs):
    """Every process builds its shell afresh from the next request on (signal receiver)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # never set, or evicted: any new number differs from what entries carry
        cache.add(VERSION_KEY, 1, timeout=None)
        cache.incr(VERSION_KEY)


def _key(name, site_id):
    language = translation.get_language() or "-"
    return f"layout:{version()}:{site_id}:{language}:{name}"


def remember(name, site_id, build):
    """``build()``'s answer for this site and the active language, from the cache when it is there.
    ``build`` must return something picklable (plain data, model instances, rendered HTML)."""
    try:
        key = _key(name, site_id)
        value = cache.get(key)
    except Exception:  # the cache down: build every time rather than fail the page
        logger.exception("Shell cache unavailable")
        return build()
    if value is None:
        value = build()
        with suppress(Exception):
            cache.set(key, value, TIMEOUT)
    return value


def site_id(request):
    """The request's site, as ``remember`` keys it (0 without a request or a site)."""
    site = Site.find_for_request(request) if request else None
    return site.pk if site else 0


def site_settings(request):
    """The request's site settings (with their logo image), from the cache: what
    ``SiteSettings.for_request`` answers, without its query on every request."""
    from home.models import SiteSettings  # (home.models imports this module)

    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return remember(
        "settings",
        site.pk,
        lambda: (
            SiteSettings.base_queryset().select_related("logo").filter(site=site).first() or SiteSettings(site=site)
        ),
    )


def restricted_paths():
    """Tree paths of the pages under a view restriction (their descendants are private too)."""
    return remember(
        "restricted",
        0,
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public_q():
    """``.filter(public_q())`` is Wagtail's ``.public()`` without its query of the view restrictions
    on every call."""
    paths = restricted_paths()
    return ~reduce(or_, (Q(path__startswith=path) for path in paths)) if paths else Q()


def is_public(page):
    return not any(page.path.startswith(path) for path in restricted_paths())
