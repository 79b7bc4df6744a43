"""Numbers as people read them: "6 110 €" in French, "€6,110" in English (CLDR data via Babel)."""

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent, parse_pattern

from home.languages import regional_locale


def format_money(amount, currency="EUR", language=None, *, cents=False):
    """Whole amounts without decimals (the usual way to show a collection), cents otherwise;
    ``cents``: always with them, as the officers' screens show exact amounts ("2 560,00 €")."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    whole = not cents and amount == amount.to_integral_value()
    locale, pattern = _currency_pattern(regional_locale(language), whole)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)


@lru_cache(maxsize=16)
def _currency_pattern(locale_name, whole):
    """The locale and its parsed currency pattern (without decimals when ``whole``): read from
    Babel once per process, not twice for every amount shown."""
    locale = Locale.parse(locale_name)
    pattern = locale.currency_formats["standard"].pattern
    return locale, parse_pattern(pattern.replace(".00", "") if whole else pattern)


def format_count(value, language=None):
    return format_decimal(value or 0, format="#,##0", locale=regional_locale(language))


def format_percentage(percent, language=None):
    """``percent`` in hundreds (122 for 122 %), rounded to a whole number, never clamped."""
    return format_percent(Decimal(percent) / 100, locale=regional_locale(language))


def join_names(names, language=None):
    """Names joined the way the language lists them: "A, B et C", "A, B and C"."""
    return format_list(list(names), locale=regional_locale(language)) if names else ""
