"""The colour tokens of ``home.theme`` as CSS custom properties, for the pages' <style>."""

from django import template
from django.utils.safestring import mark_safe

from home import theme

register = template.Library()


@register.simple_tag
def theme_custom_properties():
    """``:root{--color-…}``: to be printed inside a <style> element (no database, no request)."""
    return mark_safe(theme.css_custom_properties())  # noqa: S308 (our own constants)
