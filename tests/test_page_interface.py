"""The small interface every page type answers (home.models.BasePage): card summary and image,
search texts; the meta description, social preview, cards and search results read only that."""

from django.apps import apps
from django.test import RequestFactory

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from home.blocks import stream_texts
from home.models import BasePage, ContentPage
from home.text import plain_text
from search.engine import page_text
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    ContentPageFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)

pytestmark = pytest.mark.django_db


def page_types():
    return sorted(
        (model for model in apps.get_models() if issubclass(model, BasePage) and model is not BasePage),
        key=lambda model: model._meta.label,
    )


def test_every_page_type_is_known_here():
    """A new page type must be added to the cases below (and answer the interface)."""
    assert {model._meta.label for model in page_types()} == {
        "home.HomePage",
        "home.ContentPage",
        "campaigns.CallIndexPage",
        "campaigns.CallPage",
        "campaigns.LaureatePage",
        "partners.PartnerIndexPage",
        "partners.PartnerPage",
        "news.NewsIndexPage",
        "news.NewsPage",
    }


@pytest.mark.parametrize("model", page_types(), ids=lambda model: model._meta.label)
def test_every_page_type_says_what_its_summary_is(model):
    """BasePage guesses nothing: each page type (or its abstract index base) names its summary field."""
    assert model.card_summary is not BasePage.card_summary


@pytest.fixture
def pages(site_tree):
    home = site_tree["home"]
    image, logo, photo = ImageFactory(title="Façade"), ImageFactory(title="logo.png"), ImageFactory(title="IMG_1")
    home.hero_image = image
    home.body = [("heading", {"text": "Un intertitre", "level": "h2"}), ("paragraph", "<p>Du texte.</p>")]
    home.save()
    calls = CallIndexPageFactory(parent=home, intro="Tous les appels.")
    call = CallPageFactory(parent=calls, summary="Un appel aux makers.", body=[("paragraph", "<p>Le règlement.</p>")])
    laureate = LaureatePageFactory(
        parent=call,
        pitch="Des meubles en palettes.",
        makers="Camille et Dominique",
        hero_image=photo,
        story=[("quote", {"quote": "On répare.", "attribution": "Camille"})],
    )
    partners = PartnerIndexPageFactory(parent=home, intro="Ceux qui nous aident.")
    partner = PartnerPageFactory(parent=partners, short_description="Un fablab.", logo=logo, logo_alt="Fablab L")
    news_index = NewsIndexPageFactory(parent=home, intro="Les nouvelles.")
    news = NewsPageFactory(parent=news_index, intro="La collecte est ouverte.", hero_image=image, hero_alt="Une façade")
    content = ContentPageFactory(parent=home, intro="Mentions.", body=[("paragraph", "<p>Éditeur &amp; hébergeur</p>")])
    return {
        "home": (home, "Une introduction.", image, "Façade"),
        "content": (content, "Mentions.", None, ""),
        "call_index": (calls, "Tous les appels.", None, ""),
        "call": (call, "Un appel aux makers.", None, ""),
        "laureate": (laureate, "Des meubles en palettes.", photo, "IMG_1"),
        "partner_index": (partners, "Ceux qui nous aident.", None, ""),
        "partner": (partner, "Un fablab.", logo, "Fablab L"),
        "news_index": (news_index, "Les nouvelles.", None, ""),
        "news": (news, "La collecte est ouverte.", image, "Une façade"),
    }


def test_each_page_type_answers_the_interface(pages):
    covered = set()
    for name, (page, summary, image, alt) in pages.items():
        page = Page.objects.get(pk=page.pk).specific
        covered.add(type(page))
        assert page.card_summary() == summary, name
        assert page.card_image() == image, name
        assert page.card_image_alt() == alt, name
        assert page.meta_description == summary, name
        texts = page.search_texts()
        assert all(isinstance(text, str) for text in texts) and summary in texts, name
    assert covered == set(page_types())


def test_search_texts_carry_each_page_types_running_text(pages):
    assert pages["home"][0].search_texts()[-2:] == ["Un intertitre", "Du texte."]
    assert "Le règlement." in pages["call"][0].search_texts()
    laureate_texts = pages["laureate"][0].search_texts()
    assert laureate_texts.index("Camille et Dominique") == laureate_texts.index("Des meubles en palettes.") + 1
    assert laureate_texts[-1] == "On répare. Camille"
    assert pages["content"][0].search_texts()[-1] == "Éditeur & hébergeur"


def test_social_preview_uses_the_card_image_unless_a_sharing_image_is_chosen(pages):
    request = RequestFactory().get("/")
    news = pages["news"][0]
    meta = news.social_image_meta(request)
    assert meta["alt"] == "Une façade" and meta["url"].startswith("http://testserver/")
    # The sharing image is described by its own text, not by the hero image's.
    news.social_image = ImageFactory(title="Affiche de la collecte")
    assert news.social_image_meta(request)["alt"] == "Affiche de la collecte"
    assert pages["call"][0].social_image_meta(request) is None  # the site logo then stands in (seo_tags)
    assert pages["partner"][0].social_image_meta(request)["alt"] == "Fablab L"


def test_meta_description_and_search_read_only_the_interface(client, site_tree, monkeypatch):
    """Renaming or adding a field changes nothing unless the page type says so in its methods."""
    page = ContentPageFactory(parent=site_tree["home"], slug="legal", intro="Le chapeau.")
    monkeypatch.setattr(ContentPage, "card_summary", lambda self: "Ce que la page déclare.")
    monkeypatch.setattr(ContentPage, "search_texts", lambda self: ["Les mots déclarés."])
    head = BeautifulSoup(client.get("/legal/").content, "html.parser").head
    assert head.select_one('meta[name="description"]')["content"] == "Ce que la page déclare."
    assert head.select_one('meta[property="og:description"]')["content"] == "Ce que la page déclare."
    assert page_text(page) == "Les mots déclarés."


def test_long_summaries_are_cut_for_the_meta_description(site_tree):
    page = ContentPageFactory(parent=site_tree["home"], intro="mot " * 100)
    assert len(page.meta_description) <= BasePage.META_DESCRIPTION_LENGTH
    assert page.meta_description.endswith("…")
    page.search_description = "Écrite pour les moteurs."
    assert page.meta_description == "Écrite pour les moteurs."


def test_cards_show_the_card_summary_and_image(client, pages, monkeypatch):
    from news.models import NewsPage

    monkeypatch.setattr(NewsPage, "card_summary", lambda self: "Résumé de carte.")
    monkeypatch.setattr(NewsPage, "card_image", lambda self: None)
    card = BeautifulSoup(client.get(pages["news_index"][0].url).content, "html.parser").select_one(".news-card")
    assert "Résumé de carte." in card.get_text()
    assert card.select_one(".card__media") is None


def test_plain_text_and_stream_texts():
    assert plain_text("<p>A &amp; B</p><p>C<br>D</p>") == "A & B C D"
    assert plain_text(None) == ""
    stream = ContentPage(
        body=[
            ("heading", {"text": "Titre", "level": "h3"}),
            ("call_to_action", {"text": "Bouton", "url": "https://example.org"}),
            ("paragraph", "<p>Un <b>paragraphe</b>.</p>"),
        ]
    ).body
    assert stream_texts(stream) == ["Titre", "Un paragraphe."]  # the heading's level is no word
