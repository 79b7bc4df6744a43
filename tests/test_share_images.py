"""Generated share images (og:image) of laureate pages: drawn when figures or pages change,
stored in MEDIA, never drawn during a page view, and named in the page's meta tags."""

import io
import logging
from decimal import Decimal
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from wagtail_factories import ImageFactory

from campaigns.models import LaureatePage
from campaigns.sharing import share_image
from campaigns.sharing.models import LaureateShareImage
from funding.figures import record_figures
from home.formatting import format_money, format_percentage
from home.models import BasePage, SiteSettings
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

BAR_Y = share_image.BAR_BOTTOM - share_image.BAR_HEIGHT // 2


@pytest.fixture
def call(site_tree):
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.organisation_name = "Métropole Européenne de Lille"
    settings_row.save()
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    return CallPageFactory(parent=index, slug="makers-2018", title="Makers 2018")


@pytest.fixture
def laureate(call):
    campaign = FundingCampaignFactory(goal=Decimal("5000"))
    return LaureatePageFactory(parent=call, slug="palettes", title="Mobilier en palettes", campaign=campaign)


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def row(page):
    return LaureateShareImage.objects.get(page=page)


def picture(share):
    with default_storage.open(share.file.name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def meta(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")

    def content(selector):
        tag = document.select_one(selector)
        return tag["content"] if tag else None

    return {
        "image": content('meta[property="og:image"]'),
        "width": content('meta[property="og:image:width"]'),
        "height": content('meta[property="og:image:height"]'),
        "alt": content('meta[property="og:image:alt"]'),
        "twitter": content('meta[name="twitter:image"]'),
    }


def share_files():
    folder = Path(settings.MEDIA_ROOT) / "share"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


# --- the picture ---------------------------------------------------------------


def test_share_image_is_a_1200_by_630_png_with_a_bar_that_stops_at_the_goal(laureate):
    campaign = laureate.campaign
    record_figures(campaign, raised=Decimal("1000"), donors=12, source="manual")  # 20 %
    share = share_image.refresh(laureate)
    image = picture(share)
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert share.fingerprint == share_image.fingerprint(laureate)
    assert share.fingerprint[:16] in share.file.name
    bar_left, bar_right = share_image.MARGIN, 1200 - share_image.MARGIN
    middle = (bar_left + bar_right) // 2
    assert image.getpixel((bar_left + 20, BAR_Y)) == share_image.palette()["bar"]
    assert image.getpixel((middle, BAR_Y)) == share_image.palette()["track"]  # 20 %: the middle is empty

    record_figures(campaign, raised=Decimal("6100"), donors=98, source="manual")  # 122 %
    image = picture(share_image.refresh(laureate))
    assert image.getpixel((middle, BAR_Y)) == share_image.palette()["bar"]
    assert image.getpixel((bar_right - 20, BAR_Y)) == share_image.palette()["bar"]
    assert image.getpixel((bar_right + 10, BAR_Y)) == share_image.palette()["background"]  # the bar stops at 100 %


def test_hero_image_fills_the_left_of_the_picture(laureate):
    laureate.hero_image = ImageFactory(file__width=800, file__height=600, file__color="red")
    laureate.save()
    image = picture(share_image.refresh(laureate))
    assert image.getpixel((10, 10))[0] > 200
    assert image.getpixel((10, 620))[0] > 200
    assert image.getpixel((share_image.HERO_WIDTH + 10, 10)) == share_image.palette()["background"]


def test_long_titles_are_cut_with_an_ellipsis():
    font = share_image._font(44, bold=True)
    lines, cut = share_image._wrap("Un très long nom de projet " * 10, font, 600, 3)
    assert cut and len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 600 for line in lines)
    lines, _cut = share_image._wrap("Atelier vélo du quartier : réparer", font, 560, 3)
    assert not any(line.startswith(":") for line in lines)


def test_fallback_font_without_system_fonts(laureate, tmp_path):
    share_image._font.cache_clear()
    try:
        with mock.patch.object(share_image, "FONT_DIR", tmp_path):
            image = Image.open(io.BytesIO(share_image.render(laureate)))
        assert image.size == (1200, 630)
    finally:
        share_image._font.cache_clear()


# --- when it is drawn ------------------------------------------------------------


def test_new_figures_draw_a_new_picture_and_the_meta_tags_follow(client, laureate, django_capture_on_commit_callbacks):
    publish(laureate, django_capture_on_commit_callbacks)
    first = row(laureate)
    assert default_storage.exists(first.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        record_figures(laureate.campaign, raised=Decimal("3250"), donors=52, source="manual")

    second = row(laureate)
    assert second.file.name != first.file.name
    assert default_storage.exists(second.file.name)
    assert not default_storage.exists(first.file.name)
    tags = meta(client, laureate)
    assert tags["image"] == f"http://testserver{settings.MEDIA_URL}{second.file.name}"
    assert tags["twitter"] == tags["image"]
    assert (tags["width"], tags["height"]) == ("1200", "630")
    assert tags["alt"] == (
        f"«\u00a0Mobilier en palettes\u00a0»\u00a0: {format_money(Decimal('3250'), language='fr')} collectés sur "
        f"{format_money(Decimal('5000'), language='fr')} ({format_percentage(65, language='fr')})"
    )


def test_percent_is_never_clamped_in_the_words(client, laureate):
    record_figures(laureate.campaign, raised=Decimal("6100"), donors=98, source="manual")
    share_image.refresh(laureate)
    assert format_percentage(122, language="fr") in meta(client, laureate)["alt"]


def test_nothing_is_redrawn_when_nothing_shown_changed(laureate, django_capture_on_commit_callbacks):
    publish(laureate, django_capture_on_commit_callbacks)
    first = row(laureate)
    with mock.patch.object(share_image, "_draw", wraps=share_image._draw) as draw:
        with django_capture_on_commit_callbacks(execute=True):
            laureate.campaign.name = "Autre nom interne"
            laureate.campaign.save()
        publish(laureate, django_capture_on_commit_callbacks)
        assert share_image.refresh(laureate).file.name == first.file.name
    assert draw.call_count == 0
    assert row(laureate).file.name == first.file.name
    assert default_storage.exists(first.file.name)


def test_a_public_page_view_draws_and_writes_nothing(client, laureate, django_capture_on_commit_callbacks):
    other = LaureatePageFactory(parent=laureate.get_parent(), slug="sans-image")
    publish(laureate, django_capture_on_commit_callbacks)
    before = share_files()
    count = LaureateShareImage.objects.count()
    failure = AssertionError("drawn during a page view")
    with (
        mock.patch.object(share_image, "_draw", side_effect=failure) as draw,
        mock.patch.object(share_image, "render", side_effect=failure) as render,
        mock.patch.object(FileSystemStorage, "_save", side_effect=failure) as save,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert meta(client, laureate)["image"].endswith(row(laureate).file.name)
        assert "/share/" not in (meta(client, other)["image"] or "")  # no picture yet: none is drawn
    assert (draw.call_count, render.call_count, save.call_count) == (0, 0, 0)
    assert share_files() == before
    assert LaureateShareImage.objects.count() == count


def test_english_translation_gets_its_own_picture(client, call, laureate, django_capture_on_commit_callbacks):
    publish(laureate, django_capture_on_commit_callbacks)
    translate(call.get_parent(), "en", slug="calls")
    translate(call, "en", slug="makers-2018")
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(laureate, "en", slug="pallets", title="Pallet furniture")
    french_share, english_share = row(laureate), row(english)
    assert english_share.file.name != french_share.file.name
    assert share_image._content(LaureatePage.objects.get(pk=english.pk))["title"] == "Pallet furniture"
    assert picture(english_share).tobytes() != picture(french_share).tobytes()
    tags = meta(client, english)
    assert tags["image"].endswith(english_share.file.name)
    assert "Pallet furniture" in tags["alt"]

    # Translations share the campaign: new figures redraw both.
    with django_capture_on_commit_callbacks(execute=True):
        record_figures(laureate.campaign, raised=Decimal("800"), donors=9, source="manual")
    assert row(laureate).file.name != french_share.file.name
    assert row(english).file.name != english_share.file.name


def test_a_new_focal_point_on_the_hero_image_redraws(laureate, django_capture_on_commit_callbacks):
    laureate.hero_image = ImageFactory(file__width=800, file__height=600)
    laureate.save()
    publish(laureate, django_capture_on_commit_callbacks)
    first = row(laureate).file.name
    hero = laureate.hero_image
    with django_capture_on_commit_callbacks(execute=True):
        hero.file_size = None
        hero.get_file_size()  # Wagtail saves the image to store its size: nothing shown changes
    assert row(laureate).file.name == first
    hero.focal_point_x, hero.focal_point_y, hero.focal_point_width, hero.focal_point_height = 700, 300, 100, 100
    with django_capture_on_commit_callbacks(execute=True):
        hero.save()
    assert row(laureate).file.name != first


# --- what the meta tags show --------------------------------------------------------


def test_an_image_chosen_by_an_editor_wins(client, laureate):
    chosen = ImageFactory(title="Affiche")
    laureate.social_image = chosen
    laureate.save()
    share_image.refresh(laureate)
    tags = meta(client, laureate)
    assert tags["image"] == f"http://testserver{chosen.get_rendition('fill-1200x630').url}"
    assert "/share/" not in tags["image"]


def test_laureate_without_campaign_falls_back_to_its_hero_image(client, laureate, django_capture_on_commit_callbacks):
    hero = ImageFactory(title="Atelier")
    laureate.hero_image = hero
    laureate.save()
    publish(laureate, django_capture_on_commit_callbacks)
    old = row(laureate).file.name

    laureate.campaign = None
    laureate.save()
    publish(laureate, django_capture_on_commit_callbacks)
    assert not LaureateShareImage.objects.filter(page=laureate).exists()
    assert not default_storage.exists(old)
    assert meta(client, laureate)["image"] == f"http://testserver{hero.get_rendition('fill-1200x630').url}"


def test_deleting_a_page_deletes_its_picture(laureate, django_capture_on_commit_callbacks):
    name = share_image.refresh(laureate).file.name
    with django_capture_on_commit_callbacks(execute=True):
        LaureatePage.objects.get(pk=laureate.pk).delete()
    assert not default_storage.exists(name)


def test_the_picture_costs_one_query_at_most(client, laureate):
    def queries():
        client.get(laureate.url)  # warm caches, as test_page_query_counts_are_bounded does
        with CaptureQueriesContext(connection) as context:
            meta(client, laureate)
        return len(context)

    for hero in (ImageFactory(), None):
        laureate.hero_image = hero
        laureate.save()
        LaureateShareImage.objects.filter(page=laureate).delete()
        with mock.patch.object(LaureatePage, "social_image_meta", BasePage.social_image_meta):
            before = queries()
        share_image.refresh(laureate)
        assert "/share/" in meta(client, laureate)["image"]
        assert queries() <= before + 1


# --- failures never reach the caller ---------------------------------------------------


def test_a_broken_hero_image_does_not_stop_figures(laureate, caplog, django_capture_on_commit_callbacks):
    hero = ImageFactory(title="Cassée")
    Path(hero.file.path).write_bytes(b"not an image at all")
    laureate.hero_image = hero
    laureate.save()
    with (
        caplog.at_level(logging.ERROR, logger="campaigns.sharing.share_image"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        record_figures(laureate.campaign, raised=Decimal("1500"), donors=20, source="manual")
    laureate.campaign.refresh_from_db()
    assert laureate.campaign.raised == Decimal("1500")
    assert any("unreadable" in record.getMessage() and record.exc_info for record in caplog.records)
    # Drawn without the hero, and stored so that the next refresh tries the hero again.
    share = row(laureate)
    assert picture(share).size == (1200, 630)
    assert share.fingerprint != share_image.fingerprint(laureate)


def test_a_storage_failure_is_logged_and_keeps_the_previous_picture(
    laureate, caplog, django_capture_on_commit_callbacks
):
    previous = share_image.refresh(laureate).file.name
    with (
        caplog.at_level(logging.ERROR, logger="campaigns.sharing.share_image"),
        mock.patch.object(FileSystemStorage, "_save", side_effect=OSError("disk full")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        record_figures(laureate.campaign, raised=Decimal("2000"), donors=25, source="manual")
    assert LaureatePage.objects.get(pk=laureate.pk).campaign.raised == Decimal("2000")
    assert any("could not be generated" in record.getMessage() for record in caplog.records)
    assert row(laureate).file.name == previous
    assert default_storage.exists(previous)


# --- command and demo ----------------------------------------------------------------


def test_refresh_share_images_command_is_idempotent(call, laureate, capsys):
    LaureatePageFactory(parent=call, slug="velo", title="Atelier vélo")
    LaureatePageFactory(parent=call, slug="sans-collecte", campaign=None)
    call_command("refresh_share_images")
    assert "share images in place: 2" in capsys.readouterr().out
    names = sorted(LaureateShareImage.objects.values_list("file", flat=True))
    assert len(names) == 2 and all(default_storage.exists(name) for name in names)

    with mock.patch.object(share_image, "_draw", wraps=share_image._draw) as draw:
        call_command("refresh_share_images")
        assert draw.call_count == 0
        assert sorted(LaureateShareImage.objects.values_list("file", flat=True)) == names
        call_command("refresh_share_images", "--force")
        assert draw.call_count == 2
    assert "share images in place: 2" in capsys.readouterr().out


def test_load_demo_leaves_a_picture_for_every_laureate_page(demo):
    pages = LaureatePage.objects.live().exclude(campaign=None)
    shares = {share.page_id: share.file.name for share in LaureateShareImage.objects.all()}
    assert pages.exists() and set(shares) == set(pages.values_list("pk", flat=True))
    assert all(default_storage.exists(name) for name in shares.values())
    call_command("load_demo", section=["home", "campaigns"])
    assert {share.page_id: share.file.name for share in LaureateShareImage.objects.all()} == shares


def test_laureate_edit_screen_shows_the_generated_share_image(client, laureate, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(admin)
    edit_url = f"/admin/pages/{laureate.pk}/edit/"
    response = client.get(edit_url)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(".campaign-share-image") is None
    share = share_image.refresh(laureate)
    figure = BeautifulSoup(client.get(edit_url).content, "html.parser").select_one(".campaign-share-image")
    assert figure.img["src"] == share.file.url
    assert figure.img["alt"]
