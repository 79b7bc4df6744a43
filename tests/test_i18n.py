"""The English catalogue translates every French UI string."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_english_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalogue) > 50


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogues_are_compiled(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists(), "run `make messages`"
