from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from home.layout import public_q

from .models import absolute_url
from .page_cache import cacheable


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to: send them the PNG icon."""
    return redirect(static("brand/favicon-32.png"), permanent=False)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cacheable
def sitemap(request):
    """Every live public page of every language, each with its translations as alternates."""
    site = Site.find_for_request(request)
    if site is None:
        return TemplateResponse(request, "sitemap.xml", {"entries": []}, content_type="application/xml")
    roots = list(site.root_page.get_translations(inclusive=True).live())
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = list(pages.live().filter(public_q()).select_related("locale").order_by("path"))
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    entries = []
    for page in pages:
        url = absolute_url(page, request)
        if not url:
            continue
        alternates = [
            (other.locale.language_code, absolute_url(other, request))
            for other in groups[page.translation_key]
            if len(groups[page.translation_key]) > 1
        ]
        entries.append({"location": url, "lastmod": page.last_published_at, "alternates": alternates})
    response = TemplateResponse(
        request,
        "sitemap.xml",
        {"entries": entries, "default_language": settings.LANGUAGE_CODE},
        content_type="application/xml",
    )
    return response
