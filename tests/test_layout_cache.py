"""The site's shell (menu, language homes, footer, site settings, private pages) is built once per
site and language and built afresh when something it shows changes (home.layout)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home import layout
from home.models import SiteSettings
from tests.factories import ContentPageFactory


def menu_titles(client, url="/"):
    html = client.get(url).content.decode()
    if 'class="main-nav__list"' not in html:
        return ""  # (no entry: no menu)
    return html.split('class="main-nav__list"', 1)[1].split("</ul>", 1)[0]


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_shell_costs_no_query_once_built(client, site_tree):
    ContentPageFactory(parent=site_tree["home"], title="Le programme", slug="programme", show_in_menus=True)
    first = queries(client, "/")
    second = queries(client, "/")
    assert second < first
    layout.invalidate()
    assert queries(client, "/") > second


def test_a_published_page_enters_the_menu_at_once(client, site_tree):
    page = ContentPageFactory(parent=site_tree["home"], title="Le programme", slug="programme", show_in_menus=True)
    assert "Le programme" in menu_titles(client)
    page.title = "Le règlement"
    page.save_revision().publish()
    nav = menu_titles(client)
    assert "Le règlement" in nav and "Le programme" not in nav


def test_an_unpublished_or_deleted_page_leaves_the_menu(client, site_tree):
    kept = ContentPageFactory(parent=site_tree["home"], title="Gardée", slug="gardee", show_in_menus=True)
    gone = ContentPageFactory(parent=site_tree["home"], title="Retirée", slug="retiree", show_in_menus=True)
    deleted = ContentPageFactory(parent=site_tree["home"], title="Supprimée", slug="supprimee", show_in_menus=True)
    assert "Retirée" in menu_titles(client) and "Supprimée" in menu_titles(client)
    gone.unpublish()
    deleted.delete()
    nav = menu_titles(client)
    assert "Gardée" in nav and "Retirée" not in nav and "Supprimée" not in nav
    assert kept.live


def test_a_private_page_leaves_the_menu_once_restricted(client, site_tree):
    page = ContentPageFactory(parent=site_tree["home"], title="Réservée", slug="reservee", show_in_menus=True)
    assert "Réservée" in menu_titles(client)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Réservée" not in menu_titles(client)
    assert not layout.is_public(page)


def test_site_settings_changes_show_on_the_next_page(client, site_tree):
    settings = SiteSettings.for_site(site_tree["home"].get_site())
    settings.organisation_name = "Métropole d'essai"
    settings.save()
    assert "Métropole d&#x27;essai" in client.get("/").content.decode()
    settings.organisation_name = "Autre collectivité"
    settings.save()
    html = client.get("/").content.decode()
    assert "Autre collectivité" in html and "essai" not in html


def test_each_language_has_its_own_shell(client, site_tree):
    ContentPageFactory(parent=site_tree["home"], title="Le programme", slug="programme", show_in_menus=True)
    ContentPageFactory(parent=site_tree["home_en"], title="The programme", slug="programme", show_in_menus=True)
    assert "Le programme" in menu_titles(client, "/")
    english = menu_titles(client, "/en/")
    assert "The programme" in english and "Le programme" not in english
    assert "Le programme" in menu_titles(client, "/")


def test_the_current_menu_entry_is_worked_out_per_request(client, site_tree):
    ContentPageFactory(parent=site_tree["home"], title="Le programme", slug="programme", show_in_menus=True)
    assert 'aria-current="page"' not in menu_titles(client, "/")
    assert 'aria-current="page"' in menu_titles(client, "/programme/")
    assert 'aria-current="page"' not in menu_titles(client, "/")


def test_anonymous_pages_do_not_vary_on_the_cookie(client, site_tree):
    response = client.get("/")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
