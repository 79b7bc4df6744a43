"""The citizen's pages: phase-aware display (results, upcoming calls and campaigns), compact
cards, "À quoi serviront les dons", the foldable header, no widget twice on the home page."""

import datetime
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from campaigns.models import LaureateFundUse, LaureatePage, PhaseKind
from funding.figures import record_figures
from home.models import HomePage
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    add_phase,
    translate,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def call_tree(site_tree):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(parent=index, slug="makers", title="Makers")
    return {**site_tree, "index": index, "call": call}


def ended_campaign(goal, raised, **fields):
    now = timezone.now()
    campaign = FundingCampaignFactory(
        goal=Decimal(goal), starts_at=now - 40 * DAY, ends_at=now - 2 * DAY, entered_at=now - 40 * DAY, **fields
    )
    record_figures(campaign, raised=Decimal(raised), donors=10, source="manual", at=now - 3 * DAY)
    return campaign


# --- results only once the collection has ended --------------------------------


def test_live_call_shows_no_results_but_says_when_they_come(client, call_tree):
    call = call_tree["call"]
    today = timezone.localdate()
    add_phase(call, PhaseKind.COLLECTION, today - 14 * DAY, today + 28 * DAY)
    add_phase(call, PhaseKind.RESULTS, today + 29 * DAY, today + 90 * DAY)
    funded = FundingCampaignFactory(goal=Decimal("1000"))
    record_figures(funded, raised=Decimal("1500"), donors=20, source="manual")
    LaureatePageFactory(parent=call, title="Déjà au-delà", campaign=funded)

    page = soup(client.get(call.url))
    assert page.select_one(".programme-results") is None
    assert "Résultats du programme" not in page.get_text()
    assert "collectes réussies" not in page.get_text()
    later = page.select_one(".results-later")
    end = (today + 28 * DAY).strftime("%Y")
    assert "seront publiés à la fin de la collecte" in text(later) and end in text(later)
    # The laureates are compact cards: no full widget on the call page.
    assert page.select(".laureate-card .compact-progress")
    assert page.select_one(".progress-widget") is None


def test_finished_call_shows_results_and_lists_laureates_by_amount_with_status(client, call_tree):
    call = call_tree["call"]
    today = timezone.localdate()
    add_phase(call, PhaseKind.COLLECTION, today - 40 * DAY, today - 2 * DAY)
    LaureatePageFactory(parent=call, title="Alpha", campaign=ended_campaign("5000", "2000"))
    LaureatePageFactory(parent=call, title="Bêta", campaign=ended_campaign("3000", "4100"))
    LaureatePageFactory(parent=call, title="Gamma", campaign=ended_campaign("6000", "6200"))

    page = soup(client.get(call.url))
    assert page.select_one(".programme-results") is not None
    rows = page.select("#laureats ol.card-list--rows > li")
    assert [text(row.select_one(".card__title")) for row in rows] == ["Gamma", "Bêta", "Alpha"]
    statuses = [text(row.select_one(".status-badge")) for row in rows]
    # KissKissBankBank is all-or-nothing: Alpha missed its goal and refunded its backers.
    assert statuses == ["financé", "financé", "non financé, contributeurs remboursés"]
    assert page.select_one(".progress-widget") is None


def test_results_block_waits_for_the_end_of_the_collection(client, call_tree):
    call = call_tree["call"]
    today = timezone.localdate()
    phase = add_phase(call, PhaseKind.COLLECTION, today - 3 * DAY, today + 3 * DAY)
    LaureatePageFactory(parent=call)
    home = HomePage.objects.get(pk=call_tree["home"].pk)
    home.body = [("programme_results", {"call": call})]
    home.save_revision().publish()
    assert soup(client.get("/")).select_one(".programme-results") is None

    phase.start_date, phase.end_date = today - 10 * DAY, today - DAY
    phase.save()
    assert soup(client.get("/")).select_one(".programme-results") is not None


# --- upcoming calls and campaigns ----------------------------------------------


def test_upcoming_call_has_its_own_heading_with_its_opening_date(client, call_tree):
    today = timezone.localdate()
    add_phase(call_tree["call"], PhaseKind.COLLECTION, today - DAY, today + 10 * DAY)
    upcoming = CallPageFactory(parent=call_tree["index"], title="Makers de demain", edition_year=today.year + 1)
    opens = today + 30 * DAY
    add_phase(upcoming, PhaseKind.APPLICATIONS, opens, opens + 30 * DAY)

    page = soup(client.get("/appels-a-projets/"))
    current = page.find(id="current-calls").parent
    assert [text(a) for a in current.select(".card__title a")] == ["Makers"]
    coming = page.find(id="upcoming-calls").parent
    assert text(page.find(id="upcoming-calls")) == "Appels à venir"
    assert [text(a) for a in coming.select(".card__title a")] == ["Makers de demain"]
    card = text(coming.select_one(".call-card"))
    assert "À venir" in card and f"Ouverture le {opens.day}" in card and str(opens.year) in card

    call_page = soup(client.get(upcoming.url))
    assert "À venir" in text(call_page.select_one(".page-header"))


def test_upcoming_campaign_says_when_it_opens_without_zero_figures_or_chart(client, call_tree):
    now = timezone.now()
    campaign = FundingCampaignFactory(goal=Decimal("4000"), starts_at=now + 5 * DAY, ends_at=now + 40 * DAY)
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="bientot", campaign=campaign)

    page = soup(client.get(laureate.url))
    widget = page.select_one(".progress-widget")
    assert "La collecte ouvrira le" in text(widget)
    assert "4\u00a0000\u00a0€" in widget.get_text() or "4\u202f000\u00a0€" in widget.get_text()
    assert "0\u00a0€" not in widget.get_text().replace("000\u00a0€", "")
    assert widget.select_one('[role="progressbar"]') is None
    assert "%" not in widget.get_text()
    assert page.select_one(".funding-chart") is None
    assert "Soutenir ce projet" not in page.get_text()

    # Its card on the call page says the same, briefly.
    card = soup(client.get(call_tree["call"].url)).select_one(".laureate-card")
    assert "Collecte à venir" in text(card)
    assert card.select_one('[role="progressbar"]') is None


# --- "À quoi serviront les dons" -----------------------------------------------


def test_fund_uses_are_listed_beside_the_widget_with_amounts_and_total(client, call_tree):
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="usages")
    laureate.fund_uses.add(LaureateFundUse(label="Scie à ruban", amount=Decimal("2200"), sort_order=0))
    laureate.fund_uses.add(LaureateFundUse(label="Remorque", amount=Decimal("800.50"), sort_order=1))
    laureate.save_revision().publish()

    page = soup(client.get(laureate.url))
    section = page.select_one(".laureate__funding .fund-uses")
    assert text(section.select_one("h2")) == "À quoi serviront les dons"
    rows = [(text(row.th), row.td.get_text()) for row in section.select("tbody tr")]
    assert [label for label, _ in rows] == ["Scie à ruban", "Remorque"]
    amounts = [amount.replace("\u202f", "\u00a0") for _, amount in rows]
    assert amounts[0] == "2\u00a0200\u00a0€"
    assert amounts[1].startswith("800,5")
    total = section.select_one("tfoot td").get_text().replace("\u202f", "\u00a0")
    assert total.startswith("3\u00a0000,5")


def test_laureate_without_fund_uses_shows_no_empty_list(client, call_tree):
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="sans")
    assert soup(client.get(laureate.url)).select_one(".fund-uses") is None


def test_fund_uses_are_translatable_child_objects(client, call_tree):
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="palettes")
    laureate.fund_uses.add(LaureateFundUse(label="Scie à ruban", amount=Decimal("2200"), sort_order=0))
    laureate.save_revision().publish()
    use = LaureateFundUse.objects.get()
    assert use.locale.language_code == "fr"  # from the page, by Wagtail's pre-save signal

    translate(call_tree["index"], "en", slug="calls")
    translate(call_tree["call"], "en", slug="makers")
    english = translate(laureate, "en", slug="pallets", title="Pallets")
    copy = english.fund_uses.get()
    assert copy.locale.language_code == "en"
    assert copy.translation_key == use.translation_key
    copy.label = "Band saw"
    copy.save()

    page = soup(client.get("/en/calls/makers/pallets/"))
    section = page.select_one(".fund-uses")
    assert text(section.select_one("h2")) == "What the donations will pay for"
    assert text(section.select_one("tbody th")) == "Band saw"
    assert section.select_one("tbody td").get_text() == "€2,200"
    # wagtail-localize extracts the label as a segment of the page.
    from wagtail_localize.segments.extract import extract_segments

    paths = [segment.path for segment in extract_segments(LaureatePage.objects.get(pk=laureate.pk))]
    assert f"fund_uses.{use.translation_key}.label" in paths


def test_demo_laureates_have_fund_uses_in_both_languages(demo):
    french = LaureatePage.objects.get(slug="les-palettes-retrouvees")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    labels_fr = [use.label for use in french.fund_uses.all()]
    labels_en = [use.label for use in english.fund_uses.all()]
    assert labels_fr and len(labels_fr) == len(labels_en)
    assert labels_fr != labels_en
    assert sum(use.amount for use in french.fund_uses.all()) == french.campaign.goal


# --- header and home page --------------------------------------------------------


def test_header_folds_search_and_menu_in_a_details_element(client, call_tree):
    call_tree["index"].show_in_menus = True
    call_tree["index"].save_revision().publish()
    page = soup(client.get("/"))
    header = page.select_one("header.site-header")
    menu = header.select_one("details.site-menu")
    assert menu is not None and not menu.has_attr("open")
    assert text(menu.select_one("summary")).startswith("Menu")
    assert menu.select_one('form[role="search"] input[name="q"]') is not None
    nav = menu.select_one('nav[aria-label="Menu principal"]')
    assert [text(a) for a in nav.select("a")] == ["Appels à projets"]
    # The language switcher stays outside: one tap to change language.
    assert header.select_one('.language-switcher a[lang="en"]') is not None
    assert header.select_one(".language-switcher").find_parent("details") is None


def test_home_page_never_shows_the_same_campaign_twice(client, demo):
    page = soup(client.get("/"))
    titles = [text(node) for node in page.select(".progress-widget__title, .laureate-card .card__title")]
    assert titles, "the demo home page shows live campaigns"
    assert len(titles) == len(set(titles)), titles
    # The full widget is the editor's block; the rest are compact cards.
    assert len(page.select(".progress-widget")) == 1
    assert page.select(".live-laureates .compact-progress")
