"""French typography and real plurals on the public pages, in French and in English: "1er", the
non-breaking spaces before : ; ? ! and inside « », amounts as each language writes them,
"1 lauréat" / "2 lauréats", makers joined with "et" or "and"."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

import polib
import pytest
from bs4 import BeautifulSoup

from campaigns.models import CallPage, LaureatePage, PhaseKind
from funding.figures import record_figures
from home.formatting import join_names
from home.management.commands.compile_translations import typeset
from home.typography import NBSP, NNBSP, french_spacing, long_date
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    add_phase,
    translate,
)

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
RECORDED = datetime.datetime(2018, 2, 20, 12, 0, tzinfo=PARIS)  # while the 2018 campaigns ran


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def key_figures(document):
    return {
        item.find("dt").get_text(" ", strip=True): item.find("dd").get_text(strip=True)
        for item in document.select(".programme-results .key-figure")
    }


# --- the rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Étape en cours :", f"Étape en cours{NBSP}:"),
        ("Qui peut candidater ?", f"Qui peut candidater{NBSP}?"),
        ("Bravo ! Merci ; à bientôt", f"Bravo{NBSP}! Merci{NBSP}; à bientôt"),
        ("Recherche « %(query)s »", f"Recherche «{NBSP}%(query)s{NBSP}»"),
        (": « %(title)s »", f"{NBSP}: «{NBSP}%(title)s{NBSP}»"),  # follows a button's words
        ("55 000 € collectés, 90 % des projets", f"55{NNBSP}000{NBSP}€ collectés, 90{NBSP}% des projets"),
        ("le 14 octobre 2018, 10 lauréats", "le 14 octobre 2018, 10 lauréats"),
        # Nothing to do where no space was typed: addresses, queries, times, English.
        ("https://example.org/?q=a 14:05", "https://example.org/?q=a 14:05"),
        ("Current phase: live!", "Current phase: live!"),
    ],
)
def test_french_spacing(typed, expected):
    assert french_spacing(typed) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (datetime.date(2026, 12, 1), "fr", "1er décembre 2026"),
        (datetime.date(2026, 12, 2), "fr", "2 décembre 2026"),
        (datetime.date(2026, 12, 11), "fr", "11 décembre 2026"),  # "11", not "11er"
        (datetime.date(2026, 12, 1), "en", "1 December 2026"),
        # Late on 30 November in UTC is already 1 December in Lille.
        (datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC), "fr", "1er décembre 2026"),
    ],
)
def test_long_date(value, language, expected):
    with translation.override(language):
        assert long_date(value) == expected


def test_long_date_with_time_and_nothing():
    moment = datetime.datetime(2026, 3, 1, 14, 5, tzinfo=PARIS)
    assert long_date(moment, with_time=True, language="fr") == "1er mars 2026 14:05"
    assert long_date(None) == ""


def test_typeset_rewrites_what_the_catalogue_will_say():
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="Étape en cours :", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Rechercher", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Voir :", msgstr="Vue :"))
    catalogue.append(
        polib.POEntry(msgid="%(n)s résultat :", msgid_plural="%(n)s résultats :", msgstr_plural={0: "", 1: ""})
    )
    catalogue.append(polib.POEntry(msgid="Ancien :", msgstr="", flags=["fuzzy"]))
    typeset(catalogue, french_spacing)
    entries = {entry.msgid: entry for entry in catalogue}
    assert entries["Étape en cours :"].msgstr == f"Étape en cours{NBSP}:"
    assert entries["Rechercher"].msgstr == ""  # unchanged: left to the source (and Wagtail's catalogue)
    assert entries["Voir :"].msgstr == f"Vue{NBSP}:"
    assert entries["%(n)s résultat :"].msgstr_plural == {0: f"%(n)s résultat{NBSP}:", 1: f"%(n)s résultats{NBSP}:"}
    assert entries["Ancien :"].msgstr == ""


def test_the_compiled_catalogues_follow_each_language():
    """What ``compile_translations`` built: French gets the spaces, English keeps its own."""
    with translation.override("fr"):
        assert gettext("Étape en cours :") == f"Étape en cours{NBSP}:"
        assert gettext("Qui peut candidater ?") == f"Qui peut candidater{NBSP}?"
        plural = ngettext("%(counter)s résultat pour « %(query)s »", "%(counter)s résultats pour « %(query)s »", 2)
        assert plural == f"%(counter)s résultats pour «{NBSP}%(query)s{NBSP}»"
    with translation.override("en"):
        assert gettext("Étape en cours :") == "Current phase:"


def test_french_counts_zero_and_one_in_the_singular():
    """French says "0 collecte réussie": the catalogue's own plural rule, not the English one."""
    with translation.override("fr"):
        assert [ngettext("collecte réussie", "collectes réussies", n) for n in (0, 1, 2)] == [
            "collecte réussie",
            "collecte réussie",
            "collectes réussies",
        ]
    with translation.override("en"):
        assert [ngettext("collecte réussie", "collectes réussies", n) for n in (0, 1, 2)] == [
            "successful campaigns",
            "successful campaign",
            "successful campaigns",
        ]


def test_the_french_catalogue_source_stays_plain():
    """The spaces live in the compiled file only: French msgstr stay empty in the .po."""
    from tests.test_i18n import LOCALE

    catalogue = polib.pofile(str(LOCALE / "fr" / "LC_MESSAGES" / "django.po"))
    assert all(not entry.msgstr for entry in catalogue if not entry.msgid_plural)


@pytest.mark.parametrize(
    ("names", "language", "expected"),
    [
        (["Inès Moreau", "Yanis Lefort"], "fr", "Inès Moreau et Yanis Lefort"),
        (["Inès Moreau", "Yanis Lefort"], "en", "Inès Moreau and Yanis Lefort"),
        (["A", "B", "C"], "fr", "A, B et C"),
        (["A", "B", "C"], "en", "A, B and C"),
        (["Chloé Bernard"], "en", "Chloé Bernard"),
        ([], "en", ""),
    ],
)
def test_join_names(names, language, expected):
    assert join_names(names, language) == expected


# --- pages, French and English ---------------------------------------------------------


@pytest.fixture
def one_of_each(site_tree):
    """A call with one laureate whose campaign ended funded on 1 March 2018, with one backer,
    and its English translation."""
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(
        parent=index,
        slug="makers-2018",
        title="Makers 2018",
        applications_count=1,
        eligibility="<p>Les makers de la métropole.</p>",
    )
    add_phase(call, PhaseKind.APPLICATIONS, datetime.date(2018, 2, 1), datetime.date(2018, 3, 1), "Dépôt.")
    campaign = FundingCampaignFactory(
        goal=Decimal("5000"),
        starts_at=datetime.datetime(2018, 2, 1, 9, 0, tzinfo=PARIS),
        ends_at=datetime.datetime(2018, 3, 1, 23, 0, tzinfo=PARIS),
        external_id="",
        entered_at=datetime.datetime(2018, 2, 1, 9, 0, tzinfo=PARIS),
    )
    record_figures(campaign, raised=Decimal("6110"), donors=1, source="manual", at=RECORDED)
    laureate = LaureatePageFactory(
        parent=call, slug="palettes", title="Palettes", campaign=campaign, makers="Inès Moreau et Yanis Lefort"
    )
    index_en = translate(index, "en", title="Calls", slug="calls")
    call_en = translate(call, "en", title="Makers 2018", slug="makers-2018")
    laureate_en = translate(
        laureate, "en", title="Pallets", slug="pallets", makers=join_names(["Inès Moreau", "Yanis Lefort"], "en")
    )
    return {"call": call, "laureate": laureate, "index_en": index_en, "call_en": call_en, "laureate_en": laureate_en}


def test_call_page_in_french(client, one_of_each):
    page = soup(client.get(one_of_each["call"].url))
    assert page.select_one(".timeline__dates").get_text(strip=True) == "du 1er février 2018 au 1er mars 2018"
    assert page.find(id="eligibility-title").get_text() == f"Qui peut candidater{NBSP}?"
    figures = key_figures(page)
    assert figures["candidature reçue"] == "1"
    assert figures["lauréat"] == "1"
    assert figures[f"collecte réussie sur 1 terminée (100{NBSP}%)"] == "1"
    assert figures["contributeur à la collecte réussie"] == "1"
    assert figures["collectés au total"] == "6\u202f110\u00a0€"
    title = page.select_one(".programme-results h2").get_text()
    assert title == f"Résultats du programme «{NBSP}Makers 2018{NBSP}»"


def test_call_page_in_english(client, one_of_each):
    page = soup(client.get(one_of_each["call_en"].url))
    assert page.select_one(".timeline__dates").get_text(strip=True) == "from 1 February 2018 to 1 March 2018"
    figures = key_figures(page)
    assert figures["application received"] == "1"
    assert figures["laureate"] == "1"
    assert figures["successful campaign out of 1 ended (100%)"] == "1"
    assert figures["backer of the successful campaign"] == "1"
    assert figures["collected in total"] == "€6,110"
    text = page.get_text(" ", strip=True)
    assert NBSP + ":" not in text and "«" not in text


def test_plurals_grow_with_the_counts(client, one_of_each):
    call = one_of_each["call"]
    for slug, raised in [("vaisselle", "100"), ("lampes", "7000")]:
        campaign = FundingCampaignFactory(
            goal=Decimal("5000"),
            starts_at=datetime.datetime(2018, 2, 1, 9, 0, tzinfo=PARIS),
            ends_at=datetime.datetime(2018, 3, 1, 23, 0, tzinfo=PARIS),
            external_id="",
            entered_at=datetime.datetime(2018, 2, 1, 9, 0, tzinfo=PARIS),
        )
        record_figures(campaign, raised=Decimal(raised), donors=3, source="manual", at=RECORDED)
        LaureatePageFactory(parent=call, slug=slug, campaign=campaign)
    call.applications_count = 40
    call.save_revision().publish()
    figures = key_figures(soup(client.get(call.url)))
    assert figures["candidatures reçues"] == "40"
    assert figures["lauréats"] == "3"
    assert figures[f"collectes réussies sur 3 terminées (67{NBSP}%)"] == "2"
    assert figures["contributeurs aux collectes réussies"] == "4"


def test_laureate_page_in_both_languages(client, one_of_each):
    french = soup(client.get(one_of_each["laureate"].url))
    widget = french.select_one(".laureate__funding .progress-widget")
    figures = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in widget.select("dl > div")}
    assert figures["contributeur"] == "1"
    assert figures["de l'objectif"] == f"122{NBSP}%"
    text = widget.get_text(" ", strip=True)
    assert "Collecte terminée le 1er mars 2018" in text
    assert f"de l'objectif{NBSP}: 6\u202f110\u00a0€" in widget.select_one('[role="progressbar"]')["aria-valuetext"]
    assert "Porté par Inès Moreau et Yanis Lefort" in french.get_text(" ", strip=True)

    english = soup(client.get(one_of_each["laureate_en"].url))
    widget = english.select_one(".laureate__funding .progress-widget")
    figures = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in widget.select("dl > div")}
    assert figures["donor"] == "1"
    assert figures["of the goal"] == "122%"
    assert "Campaign ended on 1 March 2018" in widget.get_text(" ", strip=True)
    assert "€6,110" in widget.get_text(" ", strip=True)
    assert "Inès Moreau and Yanis Lefort" in english.get_text(" ", strip=True)


def test_a_live_campaign_counts_days_and_backers_in_the_singular(client, site_tree):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(parent=index, slug="appel")
    campaign = FundingCampaignFactory(ends_at=timezone.now() + datetime.timedelta(hours=20), external_id="")
    record_figures(campaign, raised=Decimal("62"), donors=1, source="manual")
    laureate = LaureatePageFactory(parent=call, slug="velo", campaign=campaign)
    widget = soup(client.get(laureate.url)).select_one(".laureate__funding .progress-widget")
    labels = [dt.get_text(strip=True) for dt in widget.select("dt")]
    assert "contributeur" in labels and "jour restant" in labels


def test_the_demo_speaks_english_on_english_pages(client, demo):
    call_en = CallPage.objects.get(slug="mel-makers-2018", locale__language_code="en")
    page = soup(client.get(call_en.url))
    descriptions = [step.find_all("p")[-1].get_text(strip=True) for step in page.select(".timeline__step")]
    assert descriptions[0] == "40 applications from the area's makers."
    assert descriptions[-1] == "Nine projects out of ten funded."
    figures = key_figures(page)
    assert figures["views of the projects' pages on the platform"] == "100,000"
    # One name per site: the demo's is a proper name, with no French word around it.
    assert page.select_one(".site-logo__name").get_text(strip=True) == "Métropole européenne de Lille"
    assert all(" et " not in laureate.makers for laureate in LaureatePage.objects.filter(locale__language_code="en"))
    assert "Camille Verhaeghe and Julien Masset" in set(
        LaureatePage.objects.filter(locale__language_code="en").values_list("makers", flat=True)
    )

    call_fr = CallPage.objects.get(slug="mel-makers-2018", locale__language_code="fr")
    figures_fr = key_figures(soup(client.get(call_fr.url)))
    assert figures_fr["vues des pages des projets sur la plateforme"] == "100\u202f000"
    current_en = CallPage.objects.filter(locale__language_code="en").exclude(pk=call_en.pk).get()
    texts = [phase.description for phase in current_en.phases.all()]
    assert "Six weeks of donations." in texts and not any("collecte" in text for text in texts)
