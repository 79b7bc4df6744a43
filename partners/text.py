"""Small pieces of wording shared by the partner's admin screens and e-mails."""

from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, pgettext


def long_date(value):
    """ "2 décembre 2026", and "1er décembre 2026" in French; "2 December 2026" in English."""
    day = timezone.localtime(value).date() if hasattr(value, "hour") else value
    text = formats.date_format(day, "j F Y")
    if day.day == 1 and (get_language() or "").startswith("fr"):
        text = pgettext("first day of the month, before the month's name", "1er") + text[1:]
    return text


def language_version(language_code):
    """ "la version anglaise": how a sentence names one language's version of the profile."""
    names = {"fr": gettext("la version française"), "en": gettext("la version anglaise")}
    return names.get(language_code) or gettext("la version « %(language)s »") % {"language": language_code}
