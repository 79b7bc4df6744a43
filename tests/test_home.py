"""The site shell: both languages, the switcher, hreflang, errors, cookies."""

from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.models import ContentPage, HomePage, SiteSettings
from tests.factories import ContentPageFactory, build_site, translate

pytestmark = pytest.mark.django_db


def test_home_renders_in_french_and_english(client, site_tree):
    french = client.get("/")
    english = client.get("/en/")
    assert french.status_code == 200
    assert english.status_code == 200
    assert '<html lang="fr">' in french.text
    assert '<html lang="en">' in english.text
    assert "Financer ensemble les projets du territoire" in french.text
    assert "Funding our projects together" in english.text


def test_switcher_links_to_the_translation_of_the_current_page(client, site_tree):
    page = ContentPageFactory(parent=site_tree["home"], title="Mentions légales", slug="mentions-legales")
    translate(page, "en", title="Legal notice", slug="legal-notice")

    french = client.get("/mentions-legales/")
    assert 'href="/en/legal-notice/" lang="en"' in french.text
    english = client.get("/en/legal-notice/")
    assert 'href="/mentions-legales/" lang="fr"' in english.text
    assert 'aria-current="true">English<' in english.text


def test_switcher_falls_back_to_the_other_home_without_translation(client, site_tree):
    ContentPageFactory(parent=site_tree["home"], title="Seulement en français", slug="seulement-fr")
    response = client.get("/seulement-fr/")
    assert response.status_code == 200
    assert 'href="/en/" lang="en"' in response.text
    # No English alternate is announced for a page that has none.
    assert 'hreflang="en" href=' not in response.text
    assert 'hreflang="fr" href="http://testserver/seulement-fr/"' in response.text


def test_hreflang_alternates_are_absolute_and_cover_both_languages(client, site_tree):
    response = client.get("/")
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/">' in response.text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in response.text


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/nulle-part/", "fr", "Page introuvable"), ("/en/nowhere/", "en", "Page not found")],
)
def test_404_in_both_languages(client, site_tree, url, lang, text):
    response = client.get(url)
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.text
    assert text in response.text


def test_500_page_renders_without_database(django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en">' in html
    assert "Server error" in html


def test_500_handler_serves_our_error_page(client, site_tree, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", boom)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.text


@pytest.mark.parametrize("url", ["/", "/en/", "/nulle-part/", "/en/nowhere/"])
def test_anonymous_visitors_get_no_cookies(client, site_tree, url):
    response = client.get(url)
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_main_menu_lists_live_menu_pages_of_the_current_language(client, site_tree):
    shown = ContentPageFactory(parent=site_tree["home"], title="Le programme", slug="programme", show_in_menus=True)
    translate(shown, "en", title="The programme", slug="programme")
    hidden = ContentPageFactory(parent=site_tree["home"], title="Brouillon", slug="brouillon", show_in_menus=True)
    hidden.unpublish()
    ContentPageFactory(parent=site_tree["home"], title="Hors menu", slug="hors-menu")

    french = client.get("/").text
    assert '<a href="/programme/">Le programme</a>' in french
    assert "Brouillon" not in french
    assert "Hors menu" not in french
    english = client.get("/en/").text
    assert '<a href="/en/programme/">The programme</a>' in english


def test_footer_reads_site_settings(client, site_tree):
    site = Site.objects.get(is_default_site=True)
    legal = ContentPageFactory(parent=site_tree["home"], title="Mentions légales", slug="mentions-legales")
    settings_row = SiteSettings.for_site(site)
    settings_row.organisation_name = "Métropole d'essai"
    settings_row.contact_email = "contact@example.org"
    settings_row.linkedin_url = "https://www.linkedin.com/company/example"
    settings_row.legal_notice_page = legal
    settings_row.accessibility_status = "full"
    settings_row.save()

    html = client.get("/").text
    assert "Métropole d&#x27;essai" in html
    assert 'href="mailto:contact@example.org"' in html
    assert 'href="https://www.linkedin.com/company/example"' in html
    assert 'href="/mentions-legales/">Mentions légales</a>' in html
    assert "Accessibilité\u00a0: totalement conforme" in html


def test_skip_link_targets_main(client, site_tree):
    html = client.get("/").text
    assert html.index('class="skip-link" href="#main"') < html.index('<main id="main"')


def test_home_page_query_count_is_bounded(client, site_tree, django_assert_max_num_queries):
    client.get("/")  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(18):
        response = client.get("/")
    assert response.status_code == 200


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        Page.objects.filter(depth=2, slug="home").delete()
        cls.home, cls.home_en = build_site()

    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_content_pages_live_under_home_or_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_pages_are_renderable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.home_en)
        page = ContentPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        post_data = nested_form_data({"title": "Aperçu", "slug": "apercu", "intro": "Chapeau", "body": streamfield([])})
        self.assertPageIsPreviewable(page, post_data=post_data)


def test_call_to_action_block_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean({"text": "Découvrir", "page": None, "url": ""})
    assert "url" in error.value.block_errors
    assert block.clean({"text": "Découvrir", "page": None, "url": "https://example.org/"})["url"]


def test_key_figures_and_figure_blocks_render(client, site_tree):
    import json

    from wagtail_factories import ImageFactory

    home = HomePage.objects.get(pk=site_tree["home"].pk)
    home.body = json.dumps(
        [
            {"type": "key_figures", "value": {"figures": [{"value": "55 000 €", "label": "collectés"}]}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": ImageFactory().pk, "alt_text": "Un atelier", "decorative": False},
                    "caption": "Légende",
                    "credit": "Photo MEL",
                },
            },
        ]
    )
    home.save_revision().publish()
    html = client.get("/").text
    assert '<div class="key-figure"><dt>collectés</dt><dd>55 000 €</dd></div>' in html
    assert 'alt="Un atelier"' in html
    assert "© Photo MEL" in html
