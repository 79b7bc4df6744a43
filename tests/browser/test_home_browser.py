import pytest

from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(("path", "lang"), [("/", "fr"), ("/en/", "en")])
def test_home_has_no_axe_violations(demo_site, page_at, path, lang, width):
    page = page_at(width)
    response = page.goto(demo_site.url + path)
    assert response.status == 200
    assert page.get_attribute("html", "lang") == lang
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)


def test_skip_link_moves_focus_to_main_content(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu principal"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_reaches_the_english_page(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + "/mentions-legales/")
    page.get_by_role("navigation", name="Choix de la langue").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == demo_site.url + "/en/legal-notice/"
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Legal notice"


@pytest.mark.parametrize("width", [320, 1280])
def test_content_and_error_pages_have_no_axe_violations(demo_site, page_at, width):
    page = page_at(width)
    for path, lang, status in [
        ("/mentions-legales/", "fr", 200),
        ("/en/legal-notice/", "en", 200),
        ("/accessibilite/", "fr", 200),
        ("/nulle-part/", "fr", 404),
        ("/en/nowhere/", "en", 404),
    ]:
        response = page.goto(demo_site.url + path)
        assert response.status == status, path
        assert page.get_attribute("html", "lang") == lang
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)
