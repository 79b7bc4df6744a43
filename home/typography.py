"""Typography by language: French spaces before high punctuation and inside guillemets, and
dates that say "1er décembre 2026".

French strings are written with ordinary spaces in the source ("Étape en cours :"), the way
people type them; ``compile_translations`` writes the French catalogue with the non-breaking
spaces, so that every gettext string comes out right without invisible characters in the code.
"""

import re

from django.utils import formats, timezone, translation

NBSP = "\u00a0"  # before : ; ? ! and inside « »
NNBSP = "\u202f"  # narrow: Babel's thousands separator in French ("55 013 €")

_SPACE_BEFORE = re.compile(r"(?<=\S)[ \t]+(?=[:;?!»])")
_LEADING = re.compile(r"^(?=[:;?!])")
_AFTER_GUILLEMET = re.compile(r"«[ \t]+")
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_BEFORE_UNIT = re.compile(r"(?<=\d) (?=[€%])")


def french_spacing(text):
    """``text`` with a non-breaking space before ``: ; ? ! »`` and after ``«``, where a space was
    typed (a leading ``:`` gets one too: it follows other words), and amounts kept on one line
    ("55 000 €": a narrow space between thousands, as Babel writes them, a non-breaking one before
    € and %). Nothing else changes: "http://", "?q=" and times ("14:05") have no space to replace."""
    text = _THOUSANDS.sub(NNBSP, text)
    text = _BEFORE_UNIT.sub(NBSP, text)
    text = _SPACE_BEFORE.sub(NBSP, text)
    text = _AFTER_GUILLEMET.sub("«" + NBSP, text)
    return _LEADING.sub(NBSP, text)


# Languages whose typography differs from the plain text: their catalogue is rewritten when
# compiled. A language not listed keeps its strings as they are.
CATALOGUE_TYPOGRAPHY = {"fr": french_spacing}


def long_date(value, with_time=False, language=None):
    """A date as people write it: "1er décembre 2026", "2 décembre 2026", "1 December 2026".

    Aware datetimes are shown in the site's time zone; ``with_time`` adds "14:05"."""
    if value in (None, ""):
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    code = (language or translation.get_language() or "fr").split("-")[0]
    day = r"j\e\r" if code == "fr" and value.day == 1 else "j"
    pattern = f"{day} F Y" + (" H:i" if with_time else "")
    with translation.override(code):
        return formats.date_format(value, pattern)
