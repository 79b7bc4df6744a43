"""Template tags for the site shell: main menu, language switcher, footer and site settings.

What does not change from one request to the next is kept per site and language by
``home.layout`` (bounded queries on every page, issue 15); only what depends on the request (the
current page's translations, which menu entry is current) is worked out each time.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from home import layout

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site's settings, from the shell cache (the logo's image with them)."""
    return layout.site_settings(context.get("request"))


def _homes(request):
    """{language code: URL of that language's home page} for the request's site."""
    site = _site(request)
    if site is None:
        return {}

    def build():
        root = site.root_page
        return {
            item.locale.language_code: item.get_url(request)
            for item in root.get_translations(inclusive=True).live().select_related("locale")
        }

    return layout.remember("homes", site.pk, build)


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
        for item in page.get_translations(inclusive=True).live().filter(layout.public_q()).select_related("locale"):
            translations[item.locale.language_code] = item

    homes = _homes(request)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        url = target.get_url(request) if target else _non_page_url(request, code)
        if url is None:
            url = homes.get(code) or fallback_home_url(code)
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


def _menu(request):
    """The site's logo (rendered), home URL and main menu in the active language."""
    site = _site(request)
    if site is None:
        return {"home_url": "/", "items": [], "logo": None}

    def build():
        localized_root = site.root_page.localized
        items = [
            {"title": child.title, "url": child.get_url(request)}
            for child in localized_root.get_children().live().in_menu().filter(layout.public_q())
        ]
        logo = render_to_string(
            "includes/site_logo.html", {"site_settings": layout.site_settings(request), "request": request}
        )
        return {"home_url": localized_root.get_url(request), "items": items, "logo": logo}

    return layout.remember("menu", site.pk, build)


@register.inclusion_tag("includes/header.html", takes_context=True)
def site_header(context, languages):
    request = context.get("request")
    menu = _menu(request)
    items = [
        {**item, "is_current": bool(request and item["url"] and request.path.startswith(item["url"]))}
        for item in menu["items"]
    ]
    return {"items": items, "home_url": menu["home_url"], "logo": menu["logo"], "languages": languages}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, rendered once per site and language (it shows nothing of the request)."""
    request = context.get("request")
    return layout.remember(
        "footer",
        layout.site_id(request),
        lambda: render_to_string(
            "includes/footer.html", {"site_settings": layout.site_settings(request), "request": request}
        ),
    )


@register.simple_tag(takes_context=True)
def userbar(context):
    """Wagtail's userbar, for signed-in visitors only. A visitor without a session cookie cannot be
    signed in: asking the session anyway would make every answer vary on the cookie and keep
    shared caches from holding anonymous pages."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
