"""Write locale_overrides/fr/LC_MESSAGES/{django,djangojs}.po: our French for the Wagtail and
wagtail-localize admin strings whose own French reads badly ("Ajouter un(e) Étape",
"Nouvel(le) : Collecte", "Publier dansEnglish"…). Django gives LOCALE_PATHS precedence over the
installed apps' catalogues, so these win; every other Wagtail string keeps Wagtail's French.

Run it after upgrading Wagtail (it fails if a string is gone), then `make messages`:
    .venv/bin/python scripts/wagtail_fr_overrides.py
"""

import sys
from pathlib import Path

import wagtail
import wagtail_localize

import polib

NBSP = "\u00a0"
BASE = Path(__file__).resolve().parent.parent
TARGET = BASE / "locale_overrides" / "fr" / "LC_MESSAGES"

OBJECT = f"%(model_name)s «{NBSP}%(object)s{NBSP}»"
DJANGO = {
    # Panels, listings and headers
    "Add %(label)s": f"Ajouter{NBSP}: %(label)s",
    "Add %(model_name)s": f"Ajouter{NBSP}: %(model_name)s",
    "New: %(model_name)s": f"Création{NBSP}: %(model_name)s",
    "Create a new %(model_name)s": f"Créer{NBSP}: %(model_name)s",
    "Choose another": "Changer",
    "No %(model_name)s match your query.": "Aucun résultat ne correspond à votre recherche (%(model_name)s).",
    "This %(model_name)s is currently awaiting moderation.": "Cet élément (%(model_name)s) attend sa validation.",
    # Confirmations
    "Are you sure you want to delete this page?": f"Voulez-vous vraiment supprimer cette page{NBSP}?",
    "Are you sure you want to unpublish this page?": f"Voulez-vous vraiment dépublier cette page{NBSP}?",
    "Are you sure you want to delete these pages?": f"Voulez-vous vraiment supprimer ces pages{NBSP}?",
    "Are you sure you want to publish these pages?": f"Voulez-vous vraiment publier ces pages{NBSP}?",
    "Are you sure you want to unpublish these pages?": f"Voulez-vous vraiment dépublier ces pages{NBSP}?",
    "Would you still like to publish this page?": f"Voulez-vous quand même publier cette page{NBSP}?",
    "Are you sure you want to delete this %(model_name)s?": (
        f"Voulez-vous vraiment supprimer cet élément (%(model_name)s){NBSP}?"
    ),
    "Are you sure you want to unpublish this %(model_name)s?": (
        f"Voulez-vous vraiment dépublier cet élément (%(model_name)s){NBSP}?"
    ),
    "Would you still like to publish this %(model_name)s?": (
        f"Voulez-vous quand même publier cet élément (%(model_name)s){NBSP}?"
    ),
    # Messages after saving
    "%(model_name)s '%(object)s' created.": f"Création enregistrée{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' updated.": f"Modifications enregistrées{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' deleted.": f"Suppression effectuée{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' created and published.": f"Création enregistrée et publiée{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' updated and published.": f"Modifications enregistrées et publiées{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' has been submitted for moderation.": f"Envoi en validation{NBSP}: {OBJECT}.",
    "%(model_name)s '%(object)s' created and submitted for moderation.": (
        f"Création enregistrée et envoyée en validation{NBSP}: {OBJECT}."
    ),
    "The %(model_name)s could not be created due to errors.": (
        f"Création impossible (%(model_name)s){NBSP}: corrigez les erreurs signalées."
    ),
    "The %(model_name)s could not be saved due to errors.": (
        f"Enregistrement impossible (%(model_name)s){NBSP}: corrigez les erreurs signalées."
    ),
    # wagtail-localize ("Régions" for the languages; "crées" for "créées")
    "Locales": "Langues",
    "All child pages will be created.": "Les sous-pages seront créées aussi, en brouillon.",
    "Sync translated %(model_name)s": "Synchroniser la traduction (%(model_name)s)",
    "Published '{object}' in {locale}.": f"Publication effectuée ({{locale}}){NBSP}: «{NBSP}{{object}}{NBSP}».",
    "Published '{object}' in {locale} with missing translations - see below.": (
        f"Publication effectuée ({{locale}}){NBSP}: «{NBSP}{{object}}{NBSP}», avec des traductions manquantes"
        " (voir ci-dessous)."
    ),
}
DJANGOJS = {
    # wagtail-localize's own French drops the space: "Publier dansEnglish".
    "Publish in ": f"Publier la version{NBSP}: ",
    "Choose a %s": f"Choisir{NBSP}: %s",
    "Are you sure?": f"Voulez-vous vraiment continuer{NBSP}?",
}


def source_entries(domain):
    """Every French entry of Wagtail's and wagtail-localize's catalogues for this domain."""
    entries = {}
    for package in (wagtail, wagtail_localize):
        for path in sorted(Path(package.__file__).parent.glob(f"**/locale/fr/LC_MESSAGES/{domain}.po")):
            for entry in polib.pofile(str(path)):
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return entries


def write(domain, overrides):
    entries = source_entries(domain)
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": "fr",
        "Plural-Forms": "nplurals=2; plural=(n > 1);",
    }
    missing = []
    for msgid, msgstr in overrides.items():
        found = [entry for (context, source), entry in entries.items() if source == msgid]
        if not found:
            missing.append(msgid)
        for entry in found:
            catalogue.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=msgid, msgstr=msgstr))
    if missing:
        sys.exit(f"not in Wagtail's {domain} catalogues any more: {missing}")
    TARGET.mkdir(parents=True, exist_ok=True)
    catalogue.header = "Our French for Wagtail admin strings: written by scripts/wagtail_fr_overrides.py, do not edit."
    catalogue.save(str(TARGET / f"{domain}.po"))


if __name__ == "__main__":
    write("django", DJANGO)
    write("djangojs", DJANGOJS)
