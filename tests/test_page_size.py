"""Pages that stay light as the programme grows (issue 15): the call page, the partners index and
the search results run the same number of SQL queries, and send about as many bytes, with 10 items
or with hundreds; their lists are paginated."""

import datetime
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from campaigns.models import CallPartner, PhaseKind
from funding.models import FundingCampaign
from home.formatting import format_money
from search.views import RESULTS_PER_PAGE
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    add_phase,
)

pytestmark = pytest.mark.django_db

CALL_URL = "/appels-a-projets/makers-2018/"
PARTNERS_URL = "/partenaires/"
KINDS = ["public", "company", "university", "association", "platform"]


def measure(client, url, **params):
    """(queries, bytes) of a second request (the first one warms the per-process caches)."""
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), len(response.content)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def call_tree(site_tree):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(parent=index, slug="makers-2018", title="Makers 2018")
    partners = PartnerIndexPageFactory(parent=site_tree["home"], slug="partenaires")
    for number in range(3):
        partner = PartnerPageFactory(parent=partners, title=f"Soutien {number}")
        CallPartner.objects.create(call=call, partner=partner)
    return {**site_tree, "call": call, "partners": partners}


def add_laureates(call, count, start=0):
    for number in range(start, start + count):
        LaureatePageFactory(
            parent=call,
            title=f"Projet {number:03d}",
            slug=f"projet-{number:03d}",
            campaign=FundingCampaignFactory(raised=Decimal(100 * number), donors=number),
        )


def add_partners(index, count, start=0):
    for number in range(start, start + count):
        PartnerPageFactory(
            parent=index, title=f"Partenaire {number:03d}", slug=f"partenaire-{number:03d}", kind=KINDS[number % 5]
        )


def card_titles(document):
    return [a.get_text(strip=True) for a in document.select("#laureats .laureate-card .card__title a")]


# --- the call page ----------------------------------------------------------------------------


@pytest.mark.parametrize("results_out", [False, True], ids=["collecting", "results"])
def test_call_page_stays_light_with_300_laureates(client, call_tree, results_out):
    call = call_tree["call"]
    if results_out:
        today = timezone.localdate()
        add_phase(call, PhaseKind.COLLECTION, today - datetime.timedelta(days=60), today - datetime.timedelta(days=1))
    add_laureates(call, 10)
    small_queries, small_size = measure(client, CALL_URL)
    add_laureates(call, 290, start=10)
    large_queries, large_size = measure(client, CALL_URL)
    print(f"call page ({'results' if results_out else 'collecting'}): 10 laureates {small_queries} queries, "
          f"{small_size} bytes; 300 laureates {large_queries} queries, {large_size} bytes")
    assert large_queries == small_queries
    assert large_size < 1.5 * small_size
    page_2_queries, _size = measure(client, CALL_URL, page=2)
    assert page_2_queries == small_queries


def test_call_page_paginates_its_laureates(client, call_tree):
    add_laureates(call_tree["call"], 30)
    first = soup(client.get(CALL_URL))
    assert card_titles(first) == [f"Projet {n:03d}" for n in range(24)]
    nav = first.select_one("#laureats nav.pagination")
    assert nav is not None and nav["aria-label"] == "Pagination des lauréats"
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "1"
    assert nav.select_one('a[rel="prev"]') is None
    next_link = nav.select_one('a[rel="next"]')
    assert next_link["href"] == "?page=2#laureats"
    assert "Lauréats suivants" in next_link.get_text()
    assert "30 lauréats" in first.select_one("#laureats .pagination__summary").get_text()

    second = soup(client.get(CALL_URL, {"page": 2}))
    assert card_titles(second) == [f"Projet {n:03d}" for n in range(24, 30)]
    nav = second.select_one("#laureats nav.pagination")
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "2"
    assert nav.select_one('a[rel="prev"]')["href"] == "?page=1#laureats"
    assert nav.select_one('a[rel="next"]') is None


def test_call_page_in_english_says_its_pagination_in_english(client, call_tree):
    from tests.factories import translate

    call = call_tree["call"]
    add_laureates(call, 30)
    translate(call.get_parent(), "en", slug="calls", title="Calls")
    english = translate(call, "en", slug="makers-2018", title="Makers 2018")
    for laureate in call.get_children().specific():
        translate(laureate, "en", slug=laureate.slug)
    document = soup(client.get(english.url))
    nav = document.select_one("#laureats nav.pagination")
    assert nav["aria-label"] == "Laureates pagination"
    assert "Next laureates" in nav.select_one('a[rel="next"]').get_text()


def test_results_ranking_continues_on_the_next_page(client, call_tree):
    call = call_tree["call"]
    today = timezone.localdate()
    add_phase(call, PhaseKind.COLLECTION, today - datetime.timedelta(days=60), today - datetime.timedelta(days=1))
    add_laureates(call, 30)
    first = soup(client.get(CALL_URL))
    # By amount raised, the most first: Projet 029 raised the most.
    assert card_titles(first)[:2] == ["Projet 029", "Projet 028"]
    second = soup(client.get(CALL_URL, {"page": 2}))
    assert second.select_one("#laureats ol.card-list--rows")["start"] == "25"
    assert card_titles(second) == [f"Projet {n:03d}" for n in range(5, -1, -1)]
    # The programme results still count every laureate.
    assert "30" in second.select_one(".key-figure dd").get_text()


def test_a_call_with_few_laureates_has_no_pagination(client, call_tree):
    add_laureates(call_tree["call"], 5)
    document = soup(client.get(CALL_URL))
    assert len(card_titles(document)) == 5
    assert document.select_one("#laureats nav.pagination") is None


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999", "", "2.5"])
def test_call_page_bad_page_numbers_never_fail(client, call_tree, page):
    add_laureates(call_tree["call"], 30)
    response = client.get(CALL_URL, {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert len(card_titles(soup(response))) in (24, 6)


def test_each_card_formats_each_amount_once(client, call_tree, monkeypatch):
    """Babel is asked once per amount shown (raised and goal), not once more for a zero never shown."""
    from campaigns.templatetags import campaign_tags

    add_laureates(call_tree["call"], 3)
    calls = []

    def counting(amount, *args, **kwargs):
        calls.append(amount)
        return format_money(amount, *args, **kwargs)

    monkeypatch.setattr(campaign_tags, "format_money", counting)
    client.get(CALL_URL)
    campaigns = FundingCampaign.objects.count()
    assert len(calls) == 2 * campaigns, calls


def test_format_money_is_unchanged():
    from django.utils import translation

    assert format_money(Decimal("6110")) == "6\u202f110\xa0€"
    assert format_money(Decimal("2560"), cents=True) == "2\u202f560,00\xa0€"
    assert format_money(Decimal("12.5")) == "12,50\xa0€"
    assert format_money(None) == ""
    with translation.override("en"):
        assert format_money(Decimal("6110")) == "€6,110"
        assert format_money(Decimal("6110"), "GBP") == "£6,110"
        assert format_money(Decimal("12.5")) == "€12.50"


# --- the partners index ------------------------------------------------------------------------


@pytest.fixture
def partner_index(site_tree):
    return PartnerIndexPageFactory(parent=site_tree["home"], slug="partenaires")


def partner_names(document):
    return [node.get_text(strip=True) for node in document.select(".logo-wall__name")]


def test_partner_index_stays_light_with_100_partners(client, partner_index):
    add_partners(partner_index, 10)
    small_queries, small_size = measure(client, PARTNERS_URL)
    add_partners(partner_index, 90, start=10)
    large_queries, large_size = measure(client, PARTNERS_URL)
    print(f"partner index: 10 partners {small_queries} queries, {small_size} bytes; "
          f"100 partners {large_queries} queries, {large_size} bytes")
    assert large_queries == small_queries
    assert large_size < 1.5 * small_size
    assert measure(client, PARTNERS_URL, type="company")[0] == small_queries


def test_partner_index_paginates_and_keeps_its_filter(client, partner_index):
    add_partners(partner_index, 100)
    first = soup(client.get(PARTNERS_URL))
    assert len(partner_names(first)) == 24
    # Grouped by kind, in the kinds' order: public bodies first.
    assert first.select_one("section h2").get_text(strip=True) == "Collectivité ou organisme public"
    assert "Tous (100)" in [a.get_text(strip=True) for a in first.select(".filter-nav a")]
    nav = first.select_one("nav.pagination")
    assert nav["aria-label"] == "Pagination des partenaires"
    assert nav.select_one('a[rel="next"]')["href"] == "?page=2"
    pages = [soup(client.get(PARTNERS_URL, {"page": n})) for n in range(1, 6)]
    names = [name for page in pages for name in partner_names(page)]
    assert len(names) == len(set(names)) == 100

    companies = soup(client.get(PARTNERS_URL, {"type": "company"}))
    assert len(partner_names(companies)) == 20
    assert companies.select_one("nav.pagination") is None
    assert [h.get_text(strip=True) for h in companies.select("section h2")] == ["Entreprise"]


def test_partner_index_pagination_keeps_the_kind(client, partner_index):
    add_partners(partner_index, 150)
    document = soup(client.get(PARTNERS_URL, {"type": "company"}))
    assert document.select_one('nav.pagination a[rel="next"]')["href"] == "?type=company&page=2"
    second = soup(client.get(PARTNERS_URL, {"type": "company", "page": 2}))
    assert len(partner_names(second)) == 6


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999"])
def test_partner_index_bad_page_numbers_never_fail(client, partner_index, page):
    add_partners(partner_index, 30)
    response = client.get(PARTNERS_URL, {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert len(partner_names(soup(response))) in (24, 6)


# --- search -----------------------------------------------------------------------------------


def test_search_builds_only_the_pages_it_shows(client, site_tree, monkeypatch):
    """With 15 or 150 matches: the same queries, and page objects for the 10 shown only."""
    from wagtail.models import Page

    news_index = NewsIndexPageFactory(parent=site_tree["home"], slug="actualites")

    def add_news(count, start):
        for number in range(start, start + count):
            NewsPageFactory(parent=news_index, title=f"Réparation {number}", intro="Un atelier de réparation.")

    built = []
    original_init = Page.__init__

    def counting_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        built.append(type(self))

    def run():
        client.get("/recherche/", {"q": "réparation"})
        built.clear()
        with CaptureQueriesContext(connection) as queries:
            document = soup(client.get("/recherche/", {"q": "réparation"}))
        return len(queries), len(built), document

    add_news(15, 0)
    monkeypatch.setattr(Page, "__init__", counting_init)
    small_queries, small_built, document = run()
    assert "15 résultats" in document.select_one(".results-count").get_text()
    monkeypatch.undo()
    add_news(135, 15)
    monkeypatch.setattr(Page, "__init__", counting_init)
    large_queries, large_built, document = run()
    print(f"search: 15 hits {small_queries} queries, {small_built} pages built; "
          f"150 hits {large_queries} queries, {large_built} pages built")
    assert "150 résultats" in document.select_one(".results-count").get_text()
    assert len(document.select(".search-result")) == RESULTS_PER_PAGE
    assert large_queries == small_queries
    # The shown results (and the site's own pages: home, menus), never one per hit.
    assert large_built == small_built
    assert large_built <= RESULTS_PER_PAGE + 10


def test_search_keeps_its_order_across_pages(client, site_tree):
    news_index = NewsIndexPageFactory(parent=site_tree["home"], slug="actualites")
    for number in range(25):
        NewsPageFactory(parent=news_index, title=f"Atelier {number}", intro="Une réparation de vélos.")
    NewsPageFactory(parent=news_index, title="Réparation de vélos", intro="Un atelier.")
    titles = []
    for page in (1, 2, 3):
        document = soup(client.get("/recherche/", {"q": "réparation", "page": page}))
        titles += [a.get_text() for a in document.select(".search-result__title a")]
    assert titles[0] == "Réparation de vélos"  # named after the query: first
    assert len(titles) == len(set(titles)) == 26
    assert re.search(r"26 résultats", document.select_one(".results-count").get_text())
