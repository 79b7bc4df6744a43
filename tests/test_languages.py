"""Languages are listed once, in settings (LANGUAGES, LANGUAGE_REGIONS): Open Graph locales,
number formats and the API's language enum derive from them."""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from home.formatting import format_money
from home.languages import check_language_regions, language_codes, regional_locale

APPS = ["home", "partners", "funding", "campaigns", "news", "search", "portal"]
LOCALE = re.compile(r"[a-z]{2}[_-][A-Za-z]{2}")
WITH_GERMAN = {
    "LANGUAGES": [*settings.LANGUAGES, ("de", "Deutsch")],
    "LANGUAGE_REGIONS": {**settings.LANGUAGE_REGIONS, "de": "AT"},
}


def test_regional_locales_come_from_settings():
    assert language_codes() == [code for code, _name in settings.LANGUAGES] == ["fr", "en"]
    assert settings.LANGUAGE_CODE == "fr"
    assert [regional_locale(code) for code in language_codes()] == ["fr_FR", "en_GB"]
    assert regional_locale("en-gb") == "en_GB"
    assert regional_locale("de") == "fr_FR"  # not offered: the default language's conventions
    with translation.override("en"):
        assert regional_locale() == "en_GB"


def test_a_language_added_in_settings_reaches_formats_and_open_graph(client, site_tree):
    with override_settings(**WITH_GERMAN):
        assert regional_locale("de") == "de_AT"
        assert format_money(6110, language="de") == "€\xa06.110"  # Austrian conventions
        head = BeautifulSoup(client.get("/").content, "html.parser").head
        alternates = [tag["content"] for tag in head.select('meta[property="og:locale:alternate"]')]
        assert head.select_one('meta[property="og:locale"]')["content"] == "fr_FR"
        assert alternates == ["en_GB", "de_AT"]
        spec = client.get(reverse("api_openapi")).json()
        assert spec["components"]["schemas"]["PageLink"]["properties"]["language"]["enum"] == ["fr", "en", "de"]
        assert check_language_regions() == []
    with override_settings(LANGUAGES=WITH_GERMAN["LANGUAGES"]):
        assert [error.id for error in check_language_regions()] == ["home.E001"]


@pytest.mark.django_db
def test_the_api_language_enum_is_the_site_languages(client):
    spec = client.get(reverse("api_openapi")).json()
    assert spec["components"]["schemas"]["PageLink"]["properties"]["language"]["enum"] == language_codes()


def test_no_app_spells_a_regional_locale_itself():
    """fr_FR, en_GB… are derived; an app whose code holds one has started a second list of languages."""
    found = []
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" in path.parts or path.name in ("demo.py", "demo_data.py"):
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and LOCALE.fullmatch(node.value):
                    found.append(f"{path}:{node.lineno}: {node.value}")
    assert found == []


@pytest.mark.parametrize(("url", "home"), [("/nulle-part/", "/"), ("/en/nowhere/", "/en/")])
def test_the_404_page_links_to_the_home_of_its_language(client, site_tree, url, home):
    document = BeautifulSoup(client.get(url).content, "html.parser")
    assert document.select_one("main a.button")["href"] == home
