"""The demo's visual identity: drawn illustrations, partner wordmarks, the site mark and favicons."""

import hashlib
import io
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

import pytest
from PIL import Image

from campaigns.demo import CURRENT_LAUREATES
from campaigns.demo_data import LAUREATES
from campaigns.models import LaureatePage
from home import brand, illustrations
from home.demo import demo_image
from home.models import SiteSettings
from news.models import NewsPage
from partners.demo import PARTNERS
from partners.models import PartnerPage

ROOT = Path(settings.BASE_DIR)


def picture(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def colour_count(image):
    return len(image.convert("RGB").getcolors(maxcolors=1 << 16) or [])


# --- drawings, without database -------------------------------------------------


@pytest.mark.parametrize("scene", sorted(illustrations.SCENES))
def test_every_scene_is_a_small_drawn_png_with_a_description(scene):
    data = illustrations.render(scene)
    image = picture(data)
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert 4_000 < len(data) < 120_000
    # A drawing, not a plain colour with hatching (the old placeholders had two colours).
    assert colour_count(image) >= 12
    description = illustrations.describe(scene)
    assert description.startswith("Illustration\u00a0: ")
    assert len(description.split()) >= 8


def test_scenes_are_deterministic_and_all_different():
    drawn = {scene: hashlib.sha256(illustrations.render(scene)).hexdigest() for scene in illustrations.SCENES}
    assert len(set(drawn.values())) == len(drawn)
    assert hashlib.sha256(illustrations.render("compost-a-velo")).hexdigest() == drawn["compost-a-velo"]


def test_every_demo_laureate_and_news_story_has_its_own_scene():
    from news.demo import STORIES

    slugs = [data["slug"] for data in [*LAUREATES, *CURRENT_LAUREATES]] + [story[0] for story in STORIES]
    assert set(slugs) <= set(illustrations.SCENES)


def test_scene_descriptions_are_translated_into_english():
    for scene in illustrations.SCENES:
        english = illustrations.describe(scene, "en")
        assert english.startswith("Illustration: "), scene
        assert english != illustrations.describe(scene)


@pytest.mark.parametrize(("slug", "name", "_kind", "_commune", "_website"), PARTNERS)
def test_wordmarks_keep_the_whole_name_with_a_blank_margin(slug, name, _kind, _commune, _website):
    from partners.demo import LOGO_STYLES

    colour, symbol, *lines = LOGO_STYLES[slug]
    image = picture(illustrations.wordmark(name, colour, symbol, lines[0] if lines else None)).convert("RGB")
    assert image.width > 2 * image.height  # a wordmark: the mark and the name beside it
    white = (255, 255, 255)
    # Cropped to what is drawn plus a margin: nothing touches an edge, so no letter was cut off.
    for x in (0, image.width - 1):
        assert all(image.getpixel((x, y)) == white for y in range(image.height)), (name, x)
    for y in (0, image.height - 1):
        assert all(image.getpixel((x, y)) == white for x in range(image.width)), (name, y)


def test_a_long_name_goes_on_two_lines_rather_than_shrinking():
    short = picture(illustrations.wordmark("Boulanger", "orange"))
    long = picture(illustrations.wordmark("Université Catholique de Lille", "blue"))
    # Two lines: the long name's logo is not much wider than a one-word name's.
    assert long.width < short.width * 1.4


# --- brand assets -----------------------------------------------------------------


def test_committed_brand_files_are_what_home_brand_draws():
    for relative, data in brand.assets().items():
        path = ROOT / relative
        assert path.exists(), f"{relative} missing: run scripts/make_brand_assets.py"
        if relative.endswith(".png"):
            committed, drawn = picture(path.read_bytes()), picture(data)
            assert committed.size == drawn.size
            assert committed.tobytes() == drawn.tobytes(), f"{relative} is stale: run scripts/make_brand_assets.py"
        else:
            assert path.read_bytes() == data, f"{relative} is stale: run scripts/make_brand_assets.py"


@pytest.mark.parametrize(
    ("name", "size"), [("favicon-32.png", 32), ("icon-192.png", 192), ("apple-touch-icon.png", 180)]
)
def test_icons_are_found_by_staticfiles_at_their_size(name, size):
    path = finders.find(f"brand/{name}")
    assert path
    image = Image.open(path)
    assert image.size == (size, size)
    centre = image.convert("RGB").getpixel((size // 2, size // 2 + size // 12))
    assert min(centre) > 240  # the white heart
    assert finders.find("brand/favicon.svg")


def test_the_apple_touch_icon_has_no_transparent_corner_and_the_favicon_has():
    assert Image.open(finders.find("brand/apple-touch-icon.png")).convert("RGBA").getpixel((0, 0))[3] == 255
    assert Image.open(finders.find("brand/favicon-32.png")).convert("RGBA").getpixel((0, 0))[3] < 128


def test_logos_are_shown_whole_in_the_stylesheet():
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "static/css/portal.css").read_text(), flags=re.S)
    for selector in (".logo-wall__logo", ".sponsors__logo", ".partner-header__logo img", ".site-logo__image"):
        rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
        matching = [body for selectors, body in rules if selector in [s.strip() for s in selectors.split(",")]]
        assert any("object-fit: contain" in body for body in matching), selector


# --- pages -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/", "/partenaires/", "/appels-a-projets/mel-makers-2018/"])
def test_pages_link_the_favicons_and_show_the_site_logo(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    head = html.split("</head>")[0]
    assert re.search(r'<link rel="icon" href="/static/brand/favicon\.svg" type="image/svg\+xml">', head)
    assert re.search(r'<link rel="icon" href="/static/brand/favicon-32\.png" sizes="32x32"', head)
    assert '<link rel="apple-touch-icon" href="/static/brand/apple-touch-icon.png">' in head
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    brand_link = header.split('rel="home">')[1].split("</a>")[0]
    # The mark is decorative; the name gives the link its accessible name.
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" class="site-logo__mark" aria-hidden="true"' in (
        brand_link
    )
    organisation = SiteSettings.for_site(Site.objects.get(is_default_site=True)).organisation_name
    assert f'<span class="site-logo__name">{organisation}</span>' in brand_link


def test_an_uploaded_logo_replaces_the_drawn_mark(client, demo):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = PartnerPage.objects.filter(locale__language_code="fr").first().logo
    site_settings.save()
    header = client.get("/").text.split('<header class="site-header">')[1].split("</header>")[0]
    assert 'class="site-logo__image"' in header
    assert "site-logo__mark" not in header


def test_favicon_ico_leads_to_the_png_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/brand/favicon-32.png"


def test_the_server_error_page_links_the_favicon(client, db):
    from django.template.loader import render_to_string

    assert 'href="/static/brand/favicon-32.png"' in render_to_string("500.html")


# --- demo content --------------------------------------------------------------------


def test_demo_laureates_each_show_their_own_illustration(demo):
    laureates = list(LaureatePage.objects.filter(locale__language_code="fr").select_related("hero_image"))
    assert len(laureates) == len(LAUREATES) + len(CURRENT_LAUREATES)
    hashes = set()
    for page in laureates:
        image = page.hero_image
        with image.open_file() as file:
            data = file.read()
        hashes.add(hashlib.sha256(data).hexdigest())
        drawn = picture(data)
        assert drawn.format == "PNG" and drawn.size == (1200, 630)
        assert len(data) < 120_000
        assert colour_count(drawn) >= 12
        assert image.description == illustrations.describe(page.slug)
        # Translations share the picture.
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert english.specific.hero_image_id == image.pk
    assert len(hashes) == len(laureates)


def test_laureate_pages_describe_their_illustration_in_each_language(client, demo):
    french = LaureatePage.objects.get(slug="chutes-de-fil", locale__language_code="fr")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(french.url).text
    assert 'alt="Illustration\u00a0: un atelier de couture aux grandes fenêtres' in html
    html = client.get(english.url).text
    assert 'alt="Illustration: a sewing workshop with tall windows' in html
    with translation.override("en"):
        assert english.specific.card_image_alt().startswith("Illustration: a sewing workshop")


def test_news_illustrations_are_described_in_both_languages(demo):
    pages = NewsPage.objects.select_related("hero_image", "locale")
    assert pages.count() == 10
    for page in pages:
        assert page.hero_image.description.startswith("Illustration\u00a0: ")
        if page.locale.language_code == "fr":
            assert page.hero_alt == page.hero_image.description
        else:
            assert page.hero_alt.startswith("Illustration: ")


def test_partner_logos_are_wordmarks_described_by_their_accented_names(client, demo):
    for slug, name, *_rest in PARTNERS:
        page = PartnerPage.objects.select_related("logo").get(slug=slug, locale__language_code="fr")
        assert page.logo_alt == name
        assert page.logo.description == f"Logo de {name}"
        assert page.logo.width > 2 * page.logo.height
    html = client.get("/partenaires/").text
    assert 'alt="Métropole européenne de Lille"' in html
    assert 'alt="Université Catholique de Lille"' in html


def test_an_old_placeholder_picture_is_redrawn_in_place(db):
    Image_ = get_image_model()
    old = demo_image("Lauréat – Chutes de Fil", "chutes-de-fil")
    old.description = "Lauréat – Chutes de Fil"  # what the hatched placeholders said
    old.save()
    old.get_rendition("fill-480x270")
    redrawn = demo_image("Lauréat – Chutes de Fil", "chutes-de-fil")
    assert redrawn.pk == old.pk
    assert redrawn.description == illustrations.describe("chutes-de-fil")
    assert not redrawn.renditions.exists()
    assert Image_.objects.filter(title="Lauréat – Chutes de Fil").count() == 1
    # Up to date now: asking again changes nothing.
    file_name = redrawn.file.name
    assert demo_image("Lauréat – Chutes de Fil", "chutes-de-fil").file.name == file_name


def test_a_picture_whose_file_is_gone_is_redrawn_in_place(db):
    """A database kept without its media (another checkout, a restore): the demo draws the file
    again rather than leave pages and share images pointing at nothing."""
    old = demo_image("Lauréat – Chutes de Fil", "chutes-de-fil")
    old.file.storage.delete(old.file.name)
    redrawn = demo_image("Lauréat – Chutes de Fil", "chutes-de-fil")
    assert redrawn.pk == old.pk
    assert redrawn.file.storage.exists(redrawn.file.name)
    with redrawn.open_file() as file:
        assert file.read(8) == b"\x89PNG\r\n\x1a\n"


def _paragraphs(stream):
    texts = [re.sub(r"<[^>]+>", "", str(block.value)) for block in stream if block.block_type == "paragraph"]
    return [text for text in texts if "démonstration" not in text and "demo" not in text.lower()]


def test_demo_stories_are_real_paragraphs_in_both_languages(demo):
    for page in LaureatePage.objects.all():
        paragraphs = _paragraphs(page.story)
        assert len(paragraphs) >= 2, page.title
        words = sum(len(text.split()) for text in paragraphs)
        sentences = sum(len(re.findall(r"[.!?](\s|$)", text)) for text in paragraphs)
        assert words >= 80 and sentences >= 4, (page.title, page.locale.language_code, words, sentences)


def test_demo_news_have_several_paragraphs(demo):
    for page in NewsPage.objects.all():
        paragraphs = _paragraphs(page.body)
        assert len(paragraphs) >= 2, page.title
        assert sum(len(text.split()) for text in paragraphs) >= 45, page.title
