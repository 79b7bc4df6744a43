"""Site search: French that people type, bad input, scope, filters, promotions, freshness."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    translate,
)
from tests.helpers import assert_no_script

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree):
    home = site_tree["home"]
    news_index = NewsIndexPageFactory(parent=home, slug="actualites")
    partner_index = PartnerIndexPageFactory(parent=home, slug="partenaires")
    call_index = CallIndexPageFactory(parent=home, slug="appels")
    call = CallPageFactory(
        parent=call_index, slug="appel-2018", title="Appel MEL Makers 2018", theme="Économie circulaire"
    )
    laureate = LaureatePageFactory(
        parent=call,
        slug="palettes",
        title="Les Palettes Retrouvées",
        pitch="Un atelier de makers transforme des palettes en meubles.",
    )
    partner = PartnerPageFactory(
        parent=partner_index, slug="makers-lille", title="Makers Lille", short_description="Association de fabricants."
    )
    news = NewsPageFactory(
        parent=news_index,
        slug="collecte",
        title="La collecte est ouverte",
        intro="Six semaines pour soutenir les projets d'économie circulaire de la métropole.",
    )
    return {**site_tree, "news_index": news_index, "call": call, "laureate": laureate, "partner": partner, "news": news}


def search(client, query, prefix="/recherche/", **params):
    response = client.get(prefix, {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(document):
    return [a.get_text() for a in document.select(".search-result__title a")]


# --- French that people type (both databases) ----------------------------------------------


def test_maker_finds_makers_and_makers_lille(client, content):
    titles = result_titles(search(client, "maker"))
    assert "Makers Lille" in titles
    assert "Les Palettes Retrouvées" in titles  # its pitch speaks of "makers"


def test_without_accents_finds_accented_words(client, content):
    titles = result_titles(search(client, "economie circulaire"))
    assert "La collecte est ouverte" in titles
    assert "Appel MEL Makers 2018" in titles


def test_case_and_word_beginnings(client, content):
    assert "Les Palettes Retrouvées" in result_titles(search(client, "PALETTE"))
    assert "Les Palettes Retrouvées" in result_titles(search(client, "retrouv"))


# --- French stemming (PostgreSQL: CI and production) -----------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("projet", "La collecte est ouverte"),  # "projets" in the text
        ("économies circulaires", "La collecte est ouverte"),  # plural query, singular text
        ("palette", "Les Palettes Retrouvées"),
        ("retrouvée", "Les Palettes Retrouvées"),  # feminine singular, feminine plural in the title
        ("fabricant", "Makers Lille"),  # "fabricants"
        ("METROPOLES", "La collecte est ouverte"),
    ],
)
def test_plural_and_feminine_forms_match_on_postgresql(client, content, query, title):
    assert title in result_titles(search(client, query))


# --- bad input ----------------------------------------------------------------------------------


def test_empty_query_shows_tips(client, content):
    for query in ["", "   ", "\t"]:
        document = search(client, query)
        assert document.find(id="search-tips") is not None
        assert result_titles(document) == []


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%_%",
        "a" * 5000,
        "(économie) & | ! :*",
        "\x00\x1f",
        "🙂 maker",
        '"',
        "-",
    ],
)
def test_odd_queries_never_fail(client, content, query):
    document = search(client, query)
    assert_no_script(str(document))
    assert document.select_one(".results-count") or document.find(id="search-tips")


def test_long_query_is_shortened_with_a_notice(client, content):
    document = search(client, "maker " + "x" * 300)
    assert document.select_one(".notice") is not None
    assert len(document.select_one("#search-page-q")["value"]) == 200


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0"])
def test_bad_page_numbers(client, content, page):
    document = search(client, "maker", page=page)
    assert result_titles(document)


# --- scope, filters, pagination, excerpts -----------------------------------------------------------


def test_only_live_public_pages_of_the_active_language(client, content):
    draft = NewsPageFactory(parent=content["news_index"], title="Brouillon sur les makers", live=False)
    private = NewsPageFactory(parent=content["news_index"], title="Réservé aux makers")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate(content["news_index"], "en", slug="news", title="News")
    translate(content["news"], "en", slug="donations", title="Donations are open for makers")
    french = result_titles(search(client, "makers"))
    assert draft.title not in french and private.title not in french
    assert "Donations are open for makers" not in french
    english = result_titles(search(client, "makers", prefix="/en/search/"))
    assert english == ["Donations are open for makers"]


def test_filter_by_type_with_counts(client, content):
    document = search(client, "maker")
    filters = {a.get_text(strip=True) for a in document.select(".filter-nav a")}
    assert "Lauréats (1)" in filters and "Partenaires (1)" in filters
    only_partners = search(client, "maker", type="partenaires")
    assert result_titles(only_partners) == ["Makers Lille"]
    assert result_titles(search(client, "maker", type="nimporte")) == result_titles(document)


def test_pagination_and_excerpts(client, content):
    for n in range(23):
        NewsPageFactory(
            parent=content["news_index"], title=f"Atelier réparation {n}", intro="Un atelier de réparation ouvert."
        )
    first = search(client, "réparation")
    assert len(result_titles(first)) == 10
    assert "23 résultats" in first.select_one(".results-count").get_text()
    third = search(client, "réparation", page=3)
    assert len(result_titles(third)) == 3
    excerpt = first.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in excerpt.find_all("mark")] == ["réparation"]


def test_excerpt_is_escaped(client, content):
    NewsPageFactory(
        parent=content["news_index"], title="Piège", intro="Le mot <b>onclick</b> réparation <script>x</script>"
    )
    document = search(client, "réparation")
    excerpt = document.select_one(".search-result__excerpt")
    assert excerpt.find("b") is None and excerpt.find("script") is None
    assert "onclick réparation" in excerpt.get_text()


def test_results_page_queries_do_not_grow_with_hits(client, content):
    """Bounded whatever the number of hits: only the page types shown on one results page
    (at most one query each) can add to it."""

    def count():
        search(client, "réparation")  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            document = search(client, "réparation")
        return len(queries), document

    for n in range(3):
        NewsPageFactory(parent=content["news_index"], title=f"Réparation {n}")
    LaureatePageFactory(parent=content["call"], title="Réparation lauréat")
    small, document = count()
    assert "4 résultats" in document.select_one(".results-count").get_text()
    for n in range(60):
        NewsPageFactory(parent=content["news_index"], title=f"Réparation bis {n}")
        LaureatePageFactory(parent=content["call"], title=f"Réparation lauréat {n}")
    large, document = count()
    assert "124 résultats" in document.select_one(".results-count").get_text()
    assert large <= small + 1, (small, large)
    assert large <= 20


def test_editors_promoted_results_come_first_and_searching_stores_nothing(client, content):
    query = Query.objects.create(query_string="collecte")
    SearchPromotion.objects.create(
        query=query, page=content["partner"], description="Le partenaire à connaître.", sort_order=0
    )
    queries_before = Query.objects.count()
    document = search(client, "collecte")
    promoted = document.select_one(".search-promotions")
    assert promoted.find("a").get_text() == "Makers Lille"
    assert "Le partenaire à connaître." in promoted.get_text()
    search(client, "une recherche personnelle de Camille Dupont")
    assert Query.objects.count() == queries_before
    assert not Query.objects.filter(query_string__icontains="camille").exists()


# --- the index follows publishing -----------------------------------------------------------------------


def test_index_follows_publish_unpublish_and_translation(client, content):
    page = NewsPageFactory(parent=content["news_index"], title="Inauguration du repair café", live=False)
    assert result_titles(search(client, "inauguration")) == []
    page.save_revision().publish()
    assert result_titles(search(client, "inauguration")) == ["Inauguration du repair café"]
    page.refresh_from_db()
    page.unpublish()
    assert result_titles(search(client, "inauguration")) == []
    translate(content["news_index"], "en", slug="news", title="News")
    page.save_revision().publish()
    translate(page, "en", slug="opening", title="Opening of the repair café")
    assert result_titles(search(client, "opening", prefix="/en/search/")) == ["Opening of the repair café"]


# --- search box and suggestions --------------------------------------------------------------------------


def test_every_page_has_a_search_box_in_its_language(client, content):
    for url, action in [("/", "/recherche/"), ("/en/", "/en/search/"), ("/actualites/collecte/", "/recherche/")]:
        form = BeautifulSoup(client.get(url).content, "html.parser").select_one("header form[role=search]")
        assert form["action"] == action
        assert form["method"] == "get"
        assert form.find("label")["for"] == form.find("input", type="search")["id"]


def test_language_switcher_on_the_search_page(client, content):
    document = search(client, "maker")
    assert document.select_one('.language-switcher a[lang="en"]')["href"] == "/en/search/"


def test_suggestions_endpoint(client, content):
    data = client.get("/recherche/suggestions/", {"q": "palet"}).json()
    assert data["suggestions"] == [{"title": "Les Palettes Retrouvées", "url": content["laureate"].url}]
    assert client.get("/recherche/suggestions/", {"q": "p"}).json()["suggestions"] == []
    too_long = client.get("/recherche/suggestions/", {"q": "x" * 201})
    assert too_long.status_code == 400
    assert "200" in too_long.json()["error"]
    assert client.post("/recherche/suggestions/", {"q": "palet"}).status_code == 405


def test_search_sets_no_cookies_and_is_not_indexed(client, content):
    response = client.get("/recherche/", {"q": "maker"})
    assert response.cookies == {}
    assert '<meta name="robots" content="noindex">' in response.text
    assert get_user_model().objects.count() == 0
