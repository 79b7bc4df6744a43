"""Colour tokens: written once in home/theme.py, read by the site's CSS, the embeds' inline CSS,
the 500 page and the generated share images."""

import io
import re
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from campaigns.sharing import share_image
from home import theme
from tests.factories import CallIndexPageFactory, CallPageFactory, FundingCampaignFactory, LaureatePageFactory

STYLESHEETS = ["static/css/portal.css", "templates/embed/embed.css", "templates/500.html"]
COLOUR_LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(")


@pytest.mark.parametrize("path", STYLESHEETS)
def test_stylesheets_name_tokens_instead_of_colours(path):
    text = (Path(settings.BASE_DIR) / path).read_text()
    assert not COLOUR_LITERAL.findall(text), f"{path}: write var(--color-…) with a token of home/theme.py"
    used = set(re.findall(r"var\(--color-([a-z-]+)\)", text))
    assert used and used <= set(theme.COLOURS), used - set(theme.COLOURS)


def test_tokens_as_css_and_as_pillow_colours():
    css = theme.css_custom_properties()
    assert css.startswith(":root{--color-text:#1a1a1a;") and "--color-primary:#0b4f8a;" in css
    assert theme.rgb("primary") == (11, 79, 138)
    assert share_image.palette()["background"] == theme.rgb("primary")


def test_a_token_that_is_not_a_colour_is_refused(monkeypatch):
    monkeypatch.setitem(theme.COLOURS, "primary", "red;}body{display:none")
    with pytest.raises(ValueError, match="primary"):
        theme.css_custom_properties()


@pytest.mark.django_db
def test_changing_a_token_changes_the_site_the_embeds_and_the_share_images(client, site_tree, monkeypatch):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels")
    call = CallPageFactory(parent=index, slug="appel")
    laureate = LaureatePageFactory(parent=call, campaign=FundingCampaignFactory(raised=Decimal("1000")))
    before = share_image.fingerprint(laureate)

    monkeypatch.setitem(theme.COLOURS, "primary", "#123456")

    head = BeautifulSoup(client.get("/").content, "html.parser").head
    styles = [style.get_text() for style in head.find_all("style")]
    assert any("--color-primary:#123456;" in style for style in styles)
    # Printed before the stylesheet that reads it.
    assert head.find("style").find_next("link", rel="stylesheet")["href"].endswith("css/portal.css")

    embed = client.get(f"/embed/campaigns/{laureate.campaign_id}/").content.decode()
    assert "--color-primary:#123456;" in embed and "var(--color-primary)" in embed
    assert "--color-primary:#123456;" in render_to_string("500.html")

    picture = Image.open(io.BytesIO(share_image.render(laureate)))
    assert picture.getpixel((share_image.WIDTH - 5, 5)) == (0x12, 0x34, 0x56)
    assert share_image.fingerprint(laureate) != before  # stored pictures are redrawn
