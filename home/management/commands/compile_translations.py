from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib

from home.typography import CATALOGUE_TYPOGRAPHY


def typeset(catalogue, fix):
    """The catalogue with ``fix`` applied to what it will say: the translation where there is
    one, else the source string itself (French msgstr stay empty in the .po: the source is French)."""
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if not any(forms.values()):
                forms = {0: entry.msgid, 1: entry.msgid_plural}
            # Always written: left empty, gettext would fall back to the source with the English
            # rule (0 in the plural), not the catalogue's own ("0 collecte réussie" in French).
            entry.msgstr_plural = {index: fix(text) for index, text in forms.items()}
        else:
            fixed = fix(entry.msgstr or entry.msgid)
            if fixed != entry.msgid:
                entry.msgstr = fixed
    return catalogue


class Command(BaseCommand):
    help = (
        "Compile the project's .po files to .mo with polib (no gettext tools needed), with each "
        "language's typography (French non-breaking spaces)."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
                catalogue = polib.pofile(str(po_path))
                fix = CATALOGUE_TYPOGRAPHY.get(po_path.parent.parent.name)
                if fix:
                    typeset(catalogue, fix)
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"compiled {compiled} message catalogue(s)")
