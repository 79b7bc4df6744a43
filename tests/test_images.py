"""Responsive images on the public pages (issue 15): each image a <picture> with AVIF and WebP
sources over a JPEG (photos) or PNG (logos) fallback, several widths where the shown width varies,
lazy below the fold but never the page's hero, and width and height on every <img> so nothing shifts."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from home.models import HomePage, SiteSettings
from tests.conftest import empty_caches

pytestmark = pytest.mark.django_db

HOME = "/"
NEWS_INDEX = "/actualites/"
NEWS = "/actualites/dix-laureats-choisis/"
CALL = "/appels-a-projets/mel-makers-2018/"
LAUREATE = "/appels-a-projets/mel-makers-2018/compost-a-velo/"
PARTNERS = "/partenaires/"
PARTNER = "/partenaires/makers-lille/"
PUBLIC_PAGES = [HOME, "/en/", NEWS_INDEX, NEWS, CALL, LAUREATE, PARTNERS, PARTNER]


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def widths(srcset):
    """The width descriptors of a srcset ("a.jpg 480w, b.jpg 800w" -> [480, 800])."""
    if not srcset:
        return []
    candidates = [candidate.split() for candidate in srcset.split(",")]
    assert all(len(candidate) == 2 and re.fullmatch(r"\d+w", candidate[1]) for candidate in candidates), srcset
    return [int(candidate[1][:-1]) for candidate in candidates]


def assert_picture(img, fallback):
    """img is the fallback of a <picture> whose sources are AVIF then WebP; fallback: "jpg" or "png"."""
    picture = img.parent
    assert picture.name == "picture", img
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"], picture
    for source, extension in zip(sources, ["avif", "webp"], strict=True):
        urls = [candidate.split()[0] for candidate in source["srcset"].split(",")]
        assert urls and all(url.endswith("." + extension) for url in urls), source
    assert img["src"].endswith("." + fallback), img
    assert picture.find_all(recursive=False)[-1] is img, picture  # the img comes after its sources


def assert_several_widths(img):
    """The img and each of its sources offer the same several widths, with a sizes to choose by."""
    offered = widths(img.get("srcset"))
    assert len(set(offered)) >= 2, img
    assert img.get("sizes"), img
    for source in img.parent.find_all("source"):
        assert sorted(widths(source["srcset"])) == sorted(offered), source
        assert source.get("sizes") == img["sizes"], source


def only(page, selector):
    found = page.select(selector)
    assert found, selector
    return found


# --- every image of the public pages -------------------------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_image_of_a_public_page_is_a_picture_with_its_size(client, demo, path):
    images = soup(client, path).find_all("img")
    assert images, path
    for img in images:
        assert_picture(img, "png" if "logo" in " ".join(img.get("class", [])) + img["src"] else "jpg")
        assert int(img["width"]) > 0 and int(img["height"]) > 0, img


def test_photos_fall_back_to_jpeg_and_logos_to_png(client, demo):
    laureate = soup(client, LAUREATE)
    assert_picture(only(laureate, ".laureate__media img")[0], "jpg")
    for logo in only(laureate, "img.sponsors__logo"):
        assert_picture(logo, "png")  # a logo may have transparency
    call = soup(client, CALL)
    for logo in only(call, "img.logo-wall__logo"):
        assert_picture(logo, "png")
    for photo in only(call, ".laureate-card .card__media img"):
        assert_picture(photo, "jpg")
    assert_picture(only(soup(client, PARTNER), ".partner-header__logo img")[0], "png")


# --- widths ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        (HOME, ".hero__media img"),
        (HOME, ".laureate-card .card__media img"),
        (HOME, ".news-card .card__media img"),
        (NEWS_INDEX, ".news-card .card__media img"),
        (NEWS, ".image-block img"),
        (CALL, ".laureate-card--row .card__media img"),
        (CALL, "img.logo-wall__logo"),
        (LAUREATE, ".laureate__media img"),
        (LAUREATE, "img.sponsors__logo"),
        (PARTNERS, "img.logo-wall__logo"),
        (PARTNER, ".partner-header__logo img"),
    ],
)
def test_images_offer_several_widths(client, demo, path, selector):
    for img in only(soup(client, path), selector):
        assert_several_widths(img)


def test_the_fallback_keeps_the_size_the_page_was_drawn_for(client, demo):
    """width and height are the first (former) rendition's, not the smallest one's: the CSS lets an
    image shrink to its column, never grow past its width attribute."""
    home = soup(client, HOME)
    hero = only(home, ".hero__media img")[0]
    assert (hero["width"], hero["height"]) == ("640", "400")
    assert ".fill-640x400." in hero["src"]
    card = only(home, ".laureate-card .card__media img")[0]
    assert (card["width"], card["height"]) == ("480", "270")
    news = only(soup(client, NEWS), ".image-block img")[0]
    assert news["width"] == "1000" and ".width-1000." in news["src"]


# --- loading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "hero", "below"),
    [
        (HOME, ".hero__media img", [".laureate-card .card__media img", ".news-card .card__media img"]),
        (NEWS, ".image-block img", [".news-card .card__media img"]),
        (CALL, None, [".laureate-card .card__media img", "img.logo-wall__logo"]),
        (LAUREATE, ".laureate__media img", ["img.sponsors__logo"]),
        (PARTNERS, None, ["img.logo-wall__logo"]),
        (PARTNER, ".partner-header__logo img", [".laureate-card .card__media img"]),
    ],
)
def test_below_the_fold_images_are_lazy_and_the_hero_is_not(client, demo, path, hero, below):
    page = soup(client, path)
    if hero:
        first = only(page, hero)[0]
        assert first.get("loading") is None, first
    for selector in below:
        for img in only(page, selector):
            assert img.get("loading") == "lazy", img


def test_photo_heroes_are_fetched_first(client, demo):
    for path, selector in [(HOME, ".hero__media img"), (NEWS, ".image-block img"), (LAUREATE, ".laureate__media img")]:
        assert only(soup(client, path), selector)[0].get("fetchpriority") == "high", path


# --- stream blocks and the site logo ----------------------------------------------------------------


def test_image_and_figure_blocks_are_lazy_pictures_with_several_widths(client, site_tree):
    home = HomePage.objects.get(pk=site_tree["home"].pk)
    photo = ImageFactory(file__width=1200, file__height=800)
    home.body = json.dumps(
        [
            {"type": "image", "value": {"image": photo.pk, "alt_text": "Une ruche", "decorative": False}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": photo.pk, "alt_text": "Un atelier", "decorative": False},
                    "caption": "Légende",
                    "credit": "",
                },
            },
        ]
    )
    home.save_revision().publish()
    images = only(soup(client, "/"), ".image-block img")
    assert [img["alt"] for img in images] == ["Une ruche", "Un atelier"]
    for img in images:
        assert_picture(img, "jpg")
        assert_several_widths(img)
        assert sorted(widths(img["srcset"])) == [480, 800, 1000]
        assert img.get("loading") == "lazy", img
        assert (img["width"], img["height"]) == ("1000", "666")


def test_the_site_logo_is_a_png_picture_fetched_at_once(client, site_tree):
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.logo = ImageFactory(file__width=300, file__height=120)
    settings_row.save()
    logo = only(soup(client, "/"), "img.site-logo__image")[0]
    assert_picture(logo, "png")
    assert (logo["width"], logo["height"]) == ("160", "64")
    assert logo.get("loading") is None  # in the header, on screen from the start


# --- cost ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lists"), [(HOME, 2), (NEWS_INDEX, 1), (CALL, 2), (PARTNERS, 1)])
def test_a_list_page_reads_its_renditions_once_per_list(client, demo, path, lists):
    """Prefetched renditions: one query per list of cards or logos, not one per image (nor per
    format). Besides the lists, at most two reads for the page's own image: its hero's renditions
    and its share image's."""
    client.get(path)  # the renditions drawn once
    empty_caches()  # none remembered: each must come from the database
    with CaptureQueriesContext(connection) as queries:
        page = soup(client, path)
    reads = [query["sql"] for query in queries if 'FROM "wagtailimages_rendition"' in query["sql"]]
    allowed = lists + 2
    assert len(page.find_all("img")) > allowed, path  # one read per image would go over
    assert len(reads) <= allowed, "\n".join(read[-120:] for read in reads)
