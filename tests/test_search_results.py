"""What one search result says: one excerpt from one field, the match in <mark>, whole words only;
pages named after the query first; a laureate's call and where its collection stands."""

import datetime
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from funding.figures import record_figures
from search.engine import EXCERPT_LENGTH, excerpt, page_texts, rank_by_title, title_rank
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

LONG_STORY = " ".join(
    [
        "Les palettes abandonnées sur les quais de la gare attendaient depuis des mois qu'on leur trouve un usage.",
        "Camille et Julien les ont démontées planche par planche, poncées, huilées, puis assemblées en bancs.",
        "Aujourd'hui le compostage collectif du quartier a ses bacs en bois de palette, fabriqués sur place.",
        "Chaque samedi matin, les voisins viennent apprendre à réparer, à assembler et à entretenir le mobilier.",
    ]
)


@pytest.fixture
def call(site_tree):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels")
    return CallPageFactory(parent=index, slug="appel-2018", title="Makers 2018")


def search(client, query, prefix="/recherche/", **params):
    response = client.get(prefix, {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(document):
    return document.select(".search-result")


def title_of(result):
    return result.select_one(".search-result__title a").get_text()


def words(text):
    return re.findall(r"\w+", text)


# --- the excerpt ---------------------------------------------------------------------------


def test_the_excerpt_quotes_one_field_once(client, call):
    """The demo's search descriptions are the pitch's first 150 characters: quoted once, not twice."""
    pitch = "Un atelier transforme des palettes abandonnées en meubles pour les jardins partagés du quartier."
    LaureatePageFactory(
        parent=call,
        slug="palettes",
        title="Les Palettes",
        pitch=pitch,
        search_description=pitch[:60],
        story=[("paragraph", f"<p>{LONG_STORY}</p>")],
    )
    [result] = results(search(client, "palettes"))
    quoted = result.select_one(".search-result__excerpt").get_text()
    assert quoted == pitch  # the first field with the word, whole: no search description before it
    assert quoted.count("palettes") == 1


def test_the_excerpt_comes_from_the_field_holding_the_words(client, call):
    LaureatePageFactory(
        parent=call,
        slug="bancs",
        title="Bancs",
        pitch="Du mobilier urbain.",
        story=[("paragraph", f"<p>{LONG_STORY}</p>")],
    )
    [result] = results(search(client, "compostage collectif"))
    quoted = result.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in quoted.find_all("mark")] == ["compostage", "collectif"]
    assert "Du mobilier urbain" not in quoted.get_text()


def test_the_excerpt_is_cut_between_words(client, call):
    story = LONG_STORY + " " + LONG_STORY.replace("compostage", "jardinage")
    LaureatePageFactory(
        parent=call, slug="bancs", title="Bancs", pitch="Du mobilier.", story=[("paragraph", f"<p>{story}</p>")]
    )
    [result] = results(search(client, "samedi"))
    quoted = result.select_one(".search-result__excerpt").get_text()
    assert quoted.startswith("… ") and quoted.endswith(" …")
    inner = quoted[2:-2]
    assert len(inner) <= EXCERPT_LENGTH
    assert f" {inner} " in f" {story} "  # starts and ends on whole words of the text
    assert "samedi" in inner


def test_a_title_match_quotes_the_beginning_of_the_summary(client, call):
    LaureatePageFactory(parent=call, slug="velo", title="Vélo cargo", pitch="Un atelier mobile de réparation.")
    [result] = results(search(client, "cargo"))
    excerpt_node = result.select_one(".search-result__excerpt")
    assert excerpt_node.get_text() == "Un atelier mobile de réparation."
    assert excerpt_node.find("mark") is None


def test_french_spaces_survive_in_excerpts(call):
    page = LaureatePageFactory(parent=call, slug="velo", pitch="Le principe\u00a0: réparer ensemble.")
    assert "principe\u00a0: <mark>réparer</mark>" in excerpt(page, "réparer")


def test_page_texts_drop_a_field_found_inside_another(call):
    page = LaureatePageFactory(
        parent=call,
        slug="velo",
        pitch="Un atelier de réparation de vélos.",
        search_description="Un atelier de réparation",
        makers="Camille Exemple",
    )
    assert page_texts(page) == ["Un atelier de réparation de vélos.", "Camille Exemple"]


# --- order -----------------------------------------------------------------------------------


def test_title_rank():
    assert title_rank("Compost à vélo", ["compost", "velo"]) == 0
    assert title_rank("Compost à vélo", ["compost", "cafe"]) == 1
    assert title_rank("Les Palettes", ["compost"]) == 2
    assert rank_by_title([1, 2, 3], {1: "Ateliers", 2: "Le compost", 3: "Compost à vélo"}, "compost vélo") == [3, 2, 1]


def test_title_matches_come_before_body_matches(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree["home"], slug="actualites")
    for n in range(3):
        NewsPageFactory(parent=index, title=f"Nouvelles {n}", intro="Le compost du quartier, le compost partagé.")
    NewsPageFactory(parent=index, title="Compost à vélo", intro="Une tournée à vélo.")
    titles = [title_of(result) for result in results(search(client, "compost"))]
    assert titles[0] == "Compost à vélo"
    assert len(titles) == 4


# --- a laureate's call and status ----------------------------------------------------------


@pytest.fixture
def four_laureates(call):
    now = timezone.now()
    day = datetime.timedelta(days=1)

    def laureate(slug, title, starts, ends, raised):
        campaign = FundingCampaignFactory(goal=Decimal("1000"), starts_at=starts, ends_at=ends, entered_at=starts)
        if raised:
            record_figures(campaign, raised=Decimal(raised), donors=3, source="manual", at=starts + day)
        return LaureatePageFactory(
            parent=call, slug=slug, title=title, pitch="Un projet de réemploi.", campaign=campaign
        )

    return {
        "live": laureate("live", "Réemploi en cours", now - 5 * day, now + 5 * day, "200"),
        "funded": laureate("funded", "Réemploi financé", now - 50 * day, now - 10 * day, "1500"),
        "missed": laureate("missed", "Réemploi manqué", now - 50 * day, now - 10 * day, "300"),
        "upcoming": laureate("upcoming", "Réemploi à venir", now + 5 * day, now + 50 * day, None),
    }


def test_laureate_results_show_their_call_and_status(client, call, four_laureates):
    document = search(client, "réemploi")
    by_title = {title_of(result): result for result in results(document)}
    statuses = {title: result.select_one(".status-badge").get_text() for title, result in by_title.items()}
    assert statuses == {
        "Réemploi en cours": "Collecte en cours",
        "Réemploi financé": "Projet financé",
        "Réemploi manqué": "Objectif non atteint",
        "Réemploi à venir": "Collecte à venir",
    }
    for result in by_title.values():
        link = result.select_one(".search-result__type a")
        assert link.get_text() == "Makers 2018" and link["href"] == call.url


def test_laureate_status_in_english(client, site_tree, call, four_laureates):
    index_en = translate(call.get_parent().specific, "en", title="Calls", slug="calls")
    call_en = translate(call, "en", title="Makers 2018 (EN)", slug="makers-2018")
    translate(four_laureates["funded"], "en", title="Re-use funded", slug="re-use-funded", pitch="A re-use project.")
    [result] = results(search(client, "funded", prefix="/en/search/"))
    assert result.select_one(".status-badge").get_text() == "Project funded"
    assert result.select_one(".search-result__type a").get_text() == "Makers 2018 (EN)"
    assert index_en.pk and call_en.pk


def test_other_results_have_no_call_or_status(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree["home"], slug="actualites")
    NewsPageFactory(parent=index, title="Réemploi au marché", intro="Un marché du réemploi.")
    [result] = results(search(client, "marché"))
    assert result.select_one(".status-badge") is None
    assert result.select_one(".search-result__type a") is None


def test_laureate_results_keep_queries_bounded(client, call, django_assert_max_num_queries):
    """A page of ten laureates costs what a page of one does: their calls and campaigns come in
    one query each, whatever the number of results."""
    LaureatePageFactory(parent=call, slug="reemploi", title="Réemploi", pitch="Du réemploi.")
    search(client, "réemploi")  # warm per-process caches
    with CaptureQueriesContext(connection) as one:
        search(client, "réemploi")
    for n in range(25):
        LaureatePageFactory(parent=call, slug=f"reemploi-{n}", title=f"Réemploi {n}", pitch="Du réemploi.")
    with django_assert_max_num_queries(len(one)):
        document = search(client, "réemploi")
    assert len(results(document)) == 10
    assert len(document.select(".search-result .status-badge")) == 10
    assert len(one) <= 17
