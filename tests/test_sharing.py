"""Campaigns beyond the portal: embeddable widgets, oEmbed, the JSON API and open data."""

import base64
import csv
import datetime
import hashlib
import io
import json
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from campaigns.models import PhaseKind, ProgrammeResults
from funding.figures import record_figures
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    add_phase,
    make_site_tree,
    translate,
)

pytestmark = pytest.mark.django_db

EMBED_MAX_BYTES = 10 * 1024


def make_programme():
    """A call with three laureates (one funded, one live, one cancelled) and its English translation."""
    site_tree = make_site_tree()
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets", title="Appels à projets")
    call = CallPageFactory(parent=index, slug="makers", title="Makers 2018", applications_count=40)
    past = timezone.now() - datetime.timedelta(days=60)
    funded = LaureatePageFactory(
        parent=call,
        slug="palettes",
        title="Les Palettes",
        commune="Lille",
        campaign=FundingCampaignFactory(
            name="Palettes",
            goal=Decimal("5000"),
            raised=Decimal("6110.50"),
            donors=95,
            starts_at=past,
            ends_at=past + datetime.timedelta(days=42),
        ),
    )
    live = LaureatePageFactory(
        parent=call,
        slug="velo",
        title="Atelier vélo",
        campaign=FundingCampaignFactory(name="Vélo", goal=Decimal("4000"), raised=Decimal("1000"), donors=20),
    )
    cancelled = LaureatePageFactory(
        parent=call,
        slug="annule",
        title="Projet annulé",
        campaign=FundingCampaignFactory(name="Annulée", raised=Decimal("300"), donors=3, cancelled=True),
    )
    index_en = translate(index, "en", title="Calls for projects", slug="calls")
    call_en = translate(call, "en", title="Makers 2018 (EN)", slug="makers-en")
    funded_en = translate(funded, "en", title="The Pallets", slug="pallets")
    return {
        **site_tree,
        "index": index,
        "index_en": index_en,
        "call": call,
        "call_en": call_en,
        "funded": funded,
        "funded_en": funded_en,
        "live": live,
        "cancelled": cancelled,
    }


@pytest.fixture(scope="session")
def _programme_build(build_once):
    return build_once("sharing programme", make_programme)


@pytest.fixture
def programme(db, _programme_build):
    """make_programme's rows, built once per test process and copied into each test."""
    return _programme_build.restore()


def results_published(call):
    """The call's collection phase is over: its page shows the results (and their embed code)."""
    today = timezone.localdate()
    add_phase(call, PhaseKind.COLLECTION, today - datetime.timedelta(days=30), today - datetime.timedelta(days=1))


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def embed_path(campaign_id, language="fr"):
    prefix = "" if language == "fr" else f"/{language}"
    return f"{prefix}/embed/campaigns/{campaign_id}/"


# --- embeds ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "title"), [("fr", "Les Palettes"), ("en", "The Pallets")])
def test_campaign_embed_shows_the_accessible_progress_in_each_language(client, programme, language, title):
    response = client.get(embed_path(programme["funded"].campaign_id, language))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    heading = page.find("h1")
    assert heading.get_text(" ", strip=True).startswith(title)
    assert heading.a["href"] == (programme["funded"] if language == "fr" else programme["funded_en"]).url
    bar = page.find(attrs={"role": "progressbar"})
    assert bar["aria-valuenow"] == "100"  # the bar stops at 100 %, the words do not
    assert "122" in bar["aria-valuetext"]
    platform_link = page.select_one(".progress-widget__action a")
    assert platform_link["href"] == programme["funded"].campaign.public_url
    assert platform_link["target"] == "_blank"


def test_embeds_are_small_self_contained_and_frameable_without_cookies(client, programme):
    paths = [
        embed_path(programme["funded"].campaign_id),
        embed_path(programme["live"].campaign_id, "en"),
        reverse("embed_results", kwargs={"pk": programme["call"].pk}),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(response.content) < EMBED_MAX_BYTES, (path, len(response.content))
        assert "Set-Cookie" not in response.headers, path
        assert not response.cookies
        assert "X-Frame-Options" not in response.headers, path
        policy = response.headers["Content-Security-Policy"]
        assert "frame-ancestors *" in policy
        assert "default-src 'none'" in policy
        page = soup(response)
        # Nothing that would make the browser fetch another file.
        assert not page.select("link[rel=stylesheet], img, iframe, script[src], audio, video, object")
        assert "url(" not in page.style.get_text() and "@import" not in page.style.get_text()
        scripts = page.find_all("script")
        assert len(scripts) == 1
        digest = base64.b64encode(hashlib.sha256(scripts[0].get_text().encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy  # the only script allowed is the one on the page
        assert "postMessage" in scripts[0].get_text()


def test_embed_sets_no_cookie_for_a_logged_in_visitor_either(client, programme, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(user)
    response = client.get(embed_path(programme["funded"].campaign_id))
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.headers.get("Vary", "")


def test_results_embed_matches_the_programme_results(client, programme):
    results_published(programme["call"])
    response = client.get(reverse("embed_results", kwargs={"pk": programme["call"].pk}))
    text = soup(response).get_text(" ", strip=True)
    results = ProgrammeResults.for_call(programme["call"])
    assert results.funded == 1 and results.campaigns == 2 and results.ended == 1
    assert "collecte réussie sur 1 terminée (100\u00a0%)" in text  # one of each: both singular
    # Collected: the funded campaign only; the live all-or-nothing one is said as pledges apart.
    assert "6\u202f110,50\u00a0€" in text and "7\u202f110,50" not in text
    assert "1\u202f000\u00a0€ promis" in text
    english = client.get("/en" + reverse("embed_results", kwargs={"pk": programme["call"].pk}))
    assert "Makers 2018 (EN)" in soup(english).h1.get_text()


def test_results_embed_waits_for_the_end_of_the_collection(client, programme):
    today = timezone.localdate()
    call = programme["call"]
    add_phase(call, PhaseKind.COLLECTION, today - datetime.timedelta(days=10), today + datetime.timedelta(days=3))
    text = soup(client.get(reverse("embed_results", kwargs={"pk": call.pk}))).get_text(" ", strip=True)
    assert "seront publiés à la fin de la collecte" in text
    assert "collecte réussie" not in text and "€" not in text
    call.phases.filter(kind=PhaseKind.COLLECTION).update(end_date=today - datetime.timedelta(days=1))
    text = soup(client.get(reverse("embed_results", kwargs={"pk": call.pk}))).get_text(" ", strip=True)
    assert "collecte réussie" in text


def test_unpublished_or_unknown_campaigns_and_calls_have_no_embed(client, programme):
    draft = programme["live"]
    draft.unpublish()
    orphan = FundingCampaignFactory()
    for path in [
        embed_path(draft.campaign_id),
        embed_path(orphan.pk),
        embed_path(999_999),
        reverse("embed_results", kwargs={"pk": programme["funded"].pk}),  # not a call
        reverse("embed_results", kwargs={"pk": 999_999}),
    ]:
        assert client.get(path).status_code == 404, path


def test_embed_answers_get_only(client, programme):
    response = client.post(embed_path(programme["funded"].campaign_id))
    assert response.status_code == 405


def test_framing_stays_denied_everywhere_else(client, programme):
    paths = [
        programme["funded"].url,
        programme["call"].url,
        "/",
        reverse("api_campaign", kwargs={"pk": programme["funded"].campaign_id}),
        reverse("opendata_call_csv", kwargs={"pk": programme["call"].pk}),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["X-Frame-Options"] == "DENY", path


def test_embed_runs_a_bounded_number_of_queries(client, programme, django_assert_max_num_queries):
    campaign_url = embed_path(programme["funded"].campaign_id)
    results_url = reverse("embed_results", kwargs={"pk": programme["call"].pk})
    for url in (campaign_url, results_url):
        client.get(url)  # warm the per-process caches (locales, site root paths)
    with django_assert_max_num_queries(4):
        client.get(campaign_url)
    with django_assert_max_num_queries(9):
        client.get(results_url)


# --- embed code on the pages -------------------------------------------------------------


def embed_code_of(response):
    box = soup(response).select_one(".embed-code")
    assert box is not None
    code = BeautifulSoup(box.textarea.get_text(), "html.parser")
    return box, code


def test_laureate_page_offers_the_embed_code(client, programme):
    box, code = embed_code_of(client.get(programme["funded"].url))
    assert box.summary.get_text(strip=True) == "Intégrer ce widget"
    assert box.label["for"] == box.textarea["id"]
    iframe = code.iframe
    assert iframe["src"] == "http://testserver" + embed_path(programme["funded"].campaign_id)
    assert iframe["title"] == "Collecte de «\u00a0Les Palettes\u00a0»"
    assert "e.origin!=='http://testserver'" in code.script.get_text()
    _box, code_en = embed_code_of(client.get(programme["funded_en"].url))
    assert code_en.iframe["src"].endswith(embed_path(programme["funded"].campaign_id, "en"))


def test_call_page_offers_the_results_embed_code_and_a_laureate_without_campaign_none(client, programme):
    results_published(programme["call"])
    _box, code = embed_code_of(client.get(programme["call"].url))
    assert code.iframe["src"].endswith(reverse("embed_results", kwargs={"pk": programme["call"].pk}))
    bare = LaureatePageFactory(parent=programme["call"], slug="sans-collecte", campaign=None)
    assert soup(client.get(bare.url)).select_one(".embed-code") is None


def test_embed_code_escapes_the_title(client, programme):
    laureate = programme["live"]
    laureate.title = 'Vélo "><script>alert(1)</script>'
    laureate.save_revision().publish()
    _box, code = embed_code_of(client.get(laureate.url))
    assert code.find_all("script") == [code.script]  # only the resize listener
    assert "alert" not in code.script.get_text()
    assert code.iframe["title"] == 'Collecte de «\u00a0Vélo "><script>alert(1)</script>\u00a0»'


# --- oEmbed ------------------------------------------------------------------------------


def oembed(client, url, **params):
    return client.get(reverse("oembed"), {"url": url, **params})


def test_oembed_answers_for_a_laureate_url_in_its_language(client, programme):
    response = oembed(client, "http://testserver" + programme["funded_en"].url)
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "The Pallets"
    iframe = BeautifulSoup(data["html"], "html.parser").iframe
    assert iframe["src"] == "http://testserver" + embed_path(programme["funded"].campaign_id, "en")
    assert (data["width"], data["height"]) == (int(iframe["width"]), int(iframe["height"]))
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_oembed_respects_maxwidth_and_maxheight(client, programme):
    data = oembed(client, "http://testserver" + programme["funded"].url, maxwidth="300", maxheight="2000").json()
    assert data["width"] == 300
    assert data["height"] <= 2000
    iframe = BeautifulSoup(data["html"], "html.parser").iframe
    assert iframe["width"] == "300"


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/appels-a-projets/makers/",  # a call, not a laureate
        "http://testserver/",
        "http://testserver/appels-a-projets/makers/inconnu/",
        "http://autre-site.example.org/appels-a-projets/makers/palettes/",  # another host
        "ftp://testserver/appels-a-projets/makers/palettes/",
        "http://testserver/recherche/",
        "not a url",
    ],
)
def test_oembed_is_404_for_anything_but_a_published_laureate_page(client, programme, url):
    response = oembed(client, url)
    assert response.status_code == 404
    assert "error" in response.json()


def test_oembed_is_404_for_an_unpublished_laureate(client, programme):
    url = "http://testserver" + programme["live"].url
    programme["live"].unpublish()
    assert oembed(client, url).status_code == 404


@pytest.mark.parametrize(
    ("params", "status"),
    [({"url": ""}, 400), ({"maxwidth": "abc"}, 400), ({"maxheight": "-5"}, 400), ({"format": "xml"}, 501)],
)
def test_oembed_bad_requests_get_a_json_reason(client, programme, params, status):
    query = {"url": "http://testserver" + programme["funded"].url, **params}
    response = client.get(reverse("oembed"), query)
    assert response.status_code == status
    assert response.json()["error"]


def test_laureate_pages_announce_oembed_and_other_pages_do_not(client, programme):
    link = soup(client.get(programme["funded"].url)).find("link", type="application/json+oembed")
    assert link is not None
    target = urlsplit(link["href"])
    assert target.path == reverse("oembed")
    assert parse_qs(target.query)["url"] == ["http://testserver" + programme["funded"].url]
    assert client.get(f"{target.path}?{target.query}").status_code == 200
    assert soup(client.get(programme["call"].url)).find("link", type="application/json+oembed") is None


# --- JSON API ----------------------------------------------------------------------------


def test_campaign_api_gives_exact_figures_status_dates_and_pages(client, programme):
    campaign = programme["funded"].campaign
    response = client.get(reverse("api_campaign", kwargs={"pk": campaign.pk}))
    assert response.status_code == 200
    data = response.json()
    assert data["pledged_amount"] == "6110.50" and data["goal"] == "5000.00" and data["currency"] == "EUR"
    assert data["collected_amount"] == "6110.50" and data["amount_kind"] == "collected"
    assert data["funding_model"] == "all_or_nothing"
    assert data["percent"] == "122.2"  # never clamped
    assert data["pledged_donors"] == data["collected_donors"] == 95
    assert "raised" not in data and "donors" not in data  # the ambiguous names are gone
    assert data["status"] == "succeeded" and data["goal_reached"] is True
    assert data["days_left"] == 0
    assert datetime.datetime.fromisoformat(data["ends_at"]) == campaign.ends_at
    assert {(page["language"], page["url"]) for page in data["pages"]} == {
        ("fr", "http://testserver" + programme["funded"].url),
        ("en", "http://testserver" + programme["funded_en"].url),
    }
    # No personal data: the makers' names are not published by the API.
    assert programme["funded"].makers not in response.content.decode()


def test_api_sets_a_short_cache_an_etag_and_answers_304(client, programme):
    campaign = programme["live"].campaign
    url = reverse("api_campaign", kwargs={"pk": campaign.pk})
    first = client.get(url)
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert "max-age=60" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    record_figures(campaign, raised=Decimal("1250"), donors=25, source="manual")
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert changed.json()["pledged_amount"] == "1250.00"


def test_api_is_open_to_every_origin_for_reading_only(client, programme):
    url = reverse("api_call", kwargs={"pk": programme["call"].pk})
    response = client.get(url, headers={"Origin": "https://journal.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response.headers
    preflight = client.options(url, headers={"Origin": "https://journal.example.org"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(client, method)(url)
        assert refused.status_code == 405, method
        assert refused.json()["error"]
        assert "POST" not in refused.headers["Allow"]


def test_api_answers_404_in_json_for_what_is_not_published(client, programme):
    draft = programme["live"]
    draft.unpublish()
    for url in [
        reverse("api_campaign", kwargs={"pk": draft.campaign_id}),
        reverse("api_campaign", kwargs={"pk": FundingCampaignFactory().pk}),
        reverse("api_call", kwargs={"pk": programme["funded"].pk}),
        reverse("api_call", kwargs={"pk": 999_999}),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.json()["error"]


def test_call_api_results_match_the_programme_results(client, programme):
    data = client.get(reverse("api_call", kwargs={"pk": programme["call"].pk})).json()
    results = ProgrammeResults.for_call(programme["call"])
    assert data["results"]["collected_amount"] == f"{results.collected:.2f}" == "6110.50"
    assert data["results"]["pledged_amount"] == f"{results.pledged:.2f}" == "1000.00"  # live, all-or-nothing
    assert data["results"]["funded"] == results.funded == 1
    assert data["results"]["campaigns"] == results.campaigns == 2
    assert data["results"]["collected_donors"] == results.collected_donors == 95
    assert data["results"]["pledged_donors"] == 20
    assert data["results"]["applications"] == 40
    assert [laureate["title"] for laureate in data["laureates"]] == ["Atelier vélo", "Les Palettes", "Projet annulé"]
    assert data["laureates"][2]["campaign"]["status"] == "cancelled"
    english = client.get(reverse("api_call", kwargs={"pk": programme["call_en"].pk})).json()
    assert english["language"] == "en"
    assert [laureate["title"] for laureate in english["laureates"]] == ["The Pallets"]


def test_call_list_gives_every_published_call_and_its_data_addresses(client, programme):
    draft = CallPageFactory(parent=programme["index"], slug="brouillon", title="Appel pas encore publié")
    draft.unpublish()
    response = client.get(reverse("api_calls"))
    assert response.status_code == 200
    calls = response.json()["calls"]
    assert {(call["id"], call["language"], call["title"]) for call in calls} == {
        (programme["call"].pk, "fr", "Makers 2018"),
        (programme["call_en"].pk, "en", "Makers 2018 (EN)"),
    }
    french = next(call for call in calls if call["language"] == "fr")
    assert french["url"] == "http://testserver" + programme["call"].url
    for key in ("api_url", "csv_url", "json_url"):
        assert client.get(french[key]).status_code == 200, key
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_call_list_queries_do_not_grow_with_calls(client, programme, django_assert_max_num_queries):
    client.get(reverse("api_calls"))
    for number in range(12):
        CallPageFactory(parent=programme["index"], slug=f"appel-{number}")
    with django_assert_max_num_queries(4):
        assert len(client.get(reverse("api_calls")).json()["calls"]) == 14


def test_call_api_leaves_totals_out_when_currencies_differ(client, programme):
    campaign = programme["live"].campaign
    campaign.currency = "CHF"
    campaign.save()
    results = client.get(reverse("api_call", kwargs={"pk": programme["call"].pk})).json()["results"]
    assert results["mixed_currencies"] is True
    assert results["collected_amount"] is None and results["currency"] is None


def test_call_api_and_open_data_queries_do_not_grow_with_laureates(client, programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = [
        reverse("api_call", kwargs={"pk": programme["call"].pk}),
        reverse("opendata_call_csv", kwargs={"pk": programme["call"].pk}),
        reverse("opendata_call_json", kwargs={"pk": programme["call"].pk}),
    ]
    counts = {}
    for round_ in ("few", "many"):
        if round_ == "many":
            for number in range(15):
                LaureatePageFactory(parent=programme["call"], slug=f"plus-{number}")
        for url in urls:
            client.get(url)  # warm the site root cache
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[(round_, url)] = len(queries)
    for url in urls:
        assert counts[("many", url)] == counts[("few", url)], url
        assert counts[("few", url)] <= 9, url


# --- OpenAPI -----------------------------------------------------------------------------


def test_openapi_description_is_valid_and_matches_the_answers(client, programme):
    spec = client.get(reverse("api_openapi")).json()
    validate_openapi(spec)
    documented = set(spec["paths"])
    assert reverse("api_calls") in documented and reverse("oembed") in documented
    for name in ("api_campaign", "api_call", "opendata_call_json", "opendata_call_csv"):
        assert reverse(name, kwargs={"pk": 0}).replace("/0/", "/{id}/") in documented

    def schema(name):
        return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})

    answers = {
        "CallList": reverse("api_calls"),
        "Campaign": reverse("api_campaign", kwargs={"pk": programme["funded"].campaign_id}),
        "Call": reverse("api_call", kwargs={"pk": programme["call"].pk}),
        "Dataset": reverse("opendata_call_json", kwargs={"pk": programme["call"].pk}),
    }
    for name, url in answers.items():
        errors = list(schema(name).iter_errors(client.get(url).json()))
        assert errors == [], (name, errors[:3])
    oembed_answer = oembed(client, "http://testserver" + programme["funded"].url).json()
    assert list(schema("OEmbed").iter_errors(oembed_answer)) == []
    # The schemas are strict enough to catch a wrong answer.
    assert list(schema("Campaign").iter_errors({"pledged_amount": 12.5}))


# --- open data ---------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_open_data_csv_matches_the_programme_results(client, programme):
    rows = read_csv(client.get(reverse("opendata_call_csv", kwargs={"pk": programme["call"].pk})))
    results = ProgrammeResults.for_call(programme["call"])
    assert len(rows) == results.laureates == 3
    counted = [row for row in rows if row["status"] != "cancelled"]
    assert sum(Decimal(row["collected_amount"]) for row in counted) == results.collected
    assert sum(int(row["collected_donors"]) for row in counted) == results.collected_donors
    pledges = [row for row in counted if row["amount_kind"] == "pledged"]
    assert sum(Decimal(row["pledged_amount"]) for row in pledges) == results.pledged
    assert sum(row["goal_reached"] == "true" and row["status"] == "succeeded" for row in counted) == results.funded
    palettes = next(row for row in rows if row["laureate"] == "Les Palettes")
    assert palettes["collected_amount"] == "6110.50" and palettes["percent"] == "122.2"
    assert palettes["funding_model"] == "all_or_nothing"
    assert palettes["page_url"] == "http://testserver" + programme["funded"].url
    assert "makers" not in rows[0]


def test_open_data_json_matches_the_csv_and_carries_the_licence(client, programme):
    pk = programme["call"].pk
    with override_settings(OPEN_DATA_LICENCE={"name": "ODbL 1.0", "url": "https://opendatacommons.org/odbl/"}):
        response = client.get(reverse("opendata_call_json", kwargs={"pk": pk}))
        rows = read_csv(client.get(reverse("opendata_call_csv", kwargs={"pk": pk})))
        csv_response = client.get(reverse("opendata_call_csv", kwargs={"pk": pk}))
    data = response.json()
    assert data["licence"] == {"name": "ODbL 1.0", "url": "https://opendatacommons.org/odbl/"}
    assert response.headers["Link"] == '<https://opendatacommons.org/odbl/>; rel="license"'
    assert csv_response.headers["Link"] == '<https://opendatacommons.org/odbl/>; rel="license"'
    assert data["source"] == "http://testserver" + programme["call"].url
    by_title = {laureate["title"]: laureate for laureate in data["laureates"]}
    for row in rows:
        campaign = by_title[row["laureate"]]["campaign"]
        assert (row["collected_amount"], row["goal"], int(row["pledged_donors"]), row["status"]) == (
            campaign["collected_amount"],
            campaign["goal"],
            campaign["pledged_donors"],
            campaign["status"],
        )
    assert data["results"]["collected_amount"] == "6110.50"


def test_open_data_is_linked_from_the_results_block_with_its_licence(client, programme):
    results_published(programme["call"])
    results = soup(client.get(programme["call"].url)).select_one(".programme-results")
    links = {link.get_text(" ", strip=True).split(" ")[0]: link["href"] for link in results.select("a")}
    assert links["CSV"] == reverse("opendata_call_csv", kwargs={"pk": programme["call"].pk})
    assert links["JSON"] == reverse("opendata_call_json", kwargs={"pk": programme["call"].pk})
    licence = results.find("a", rel="license")
    assert licence.get_text() == "Licence Ouverte / Open Licence 2.0"
    for href in links.values():
        if href.startswith("/"):
            assert client.get(href).status_code == 200


def test_open_data_of_an_unknown_call_is_404(client, programme):
    for name in ("opendata_call_csv", "opendata_call_json"):
        response = client.get(reverse(name, kwargs={"pk": programme["funded"].pk}))
        assert response.status_code == 404
        assert json.loads(response.content)["error"]
