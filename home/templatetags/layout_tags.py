"""Template tags for the site shell: main menu and language switcher."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher should lead from here.

    A page links to its live translation; a page without one (or a view that is
    not a page) falls back to the home page of the other language. Entries with
    ``is_translation`` are the real alternates used for ``hreflang``.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()

    translations = {}
    if isinstance(page, Page) and page.pk:
        for item in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[item.locale.language_code] = item

    homes = {}
    root = _site_root(request)
    if root is not None:
        for item in root.get_translations(inclusive=True).live().select_related("locale"):
            homes[item.locale.language_code] = item

    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        url = target.get_url(request) if target else _non_page_url(request, code)
        if url is None:
            home = homes.get(code)
            url = home.get_url(request) if home else fallback_home_url(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "is_current": code == current,
                "is_translation": target is not None,
            }
        )
    return links


def fallback_home_url(code):
    """Where the home page of ``code`` lives by convention: "/" for the default language, "/<code>/" else."""
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@register.simple_tag
def home_url():
    """The active language's home page address, without database (error pages)."""
    return fallback_home_url(translation.get_language() or settings.LANGUAGE_CODE)


@register.simple_tag
def default_language():
    return settings.LANGUAGE_CODE


def _non_page_url(request, code):
    """The same Django view in another language, for routes that are not Wagtail pages."""
    if request is None:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name in (None, "wagtail_serve"):
        return None
    return translate_url(request.path, code)


@register.inclusion_tag("includes/header.html", takes_context=True)
def site_header(context, languages):
    request = context.get("request")
    root = _site_root(request)
    items = []
    if root is not None:
        localized_root = root.localized
        for child in localized_root.get_children().live().public().in_menu():
            url = child.get_url(request)
            items.append(
                {
                    "title": child.title,
                    "url": url,
                    "is_current": bool(request and url and request.path.startswith(url)),
                }
            )
        home_url = localized_root.get_url(request)
    else:
        home_url = "/"
    return {
        "items": items,
        "home_url": home_url,
        "languages": languages,
        "site_settings": context.get("site_settings"),
        "request": request,
    }
