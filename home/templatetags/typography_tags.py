"""Dates as people write them, in the active language: ``{{ phase.start_date|long_date }}`` gives
"1er décembre 2026" in French and "1 December 2026" in English."""

from django import template

from home.typography import long_date as format_long_date

register = template.Library()


@register.filter
def long_date(value):
    return format_long_date(value)


@register.filter
def long_datetime(value):
    return format_long_date(value, with_time=True)
