"""What search engines and social networks read: description, canonical URL, Open Graph,
Twitter card and JSON-LD, from the interface every page type answers (``home.models.BasePage``)
with the site's logo as the fallback image."""

import json

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from home.languages import language_codes, regional_locale
from home.models import BasePage, absolute_url, image_meta

register = template.Library()


def json_ld(data):
    """JSON safe inside a <script> element: no "</script>" or HTML comment can break out."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    site_settings = context.get("site_settings")
    language = translation.get_language() or settings.LANGUAGE_CODE
    data = {
        "site_name": getattr(site_settings, "organisation_name", "") or "",
        "og_locale": regional_locale(language),
        "og_alternate_locales": [regional_locale(code) for code in language_codes() if code != language],
    }
    if not isinstance(page, BasePage) or request is None:
        # Not a page of ours (a Django view, an error page): no page metadata to describe.
        data["canonical"] = request.build_absolute_uri(request.path) if request else ""
        return data
    image = page.social_image_meta(request)
    if image is None:
        logo = getattr(site_settings, "logo", None)
        if logo is not None:
            image = image_meta(logo, request, logo.default_alt_text or page.title)
    data.update(
        {
            "title": page.seo_title or page.title,
            "description": page.meta_description,
            "canonical": absolute_url(page, request),
            "og_type": page.og_type,
        }
    )
    if image is not None:
        data["image"] = image
    data["json_ld"] = [json_ld(item) for item in page.structured_data(request)]
    return data
