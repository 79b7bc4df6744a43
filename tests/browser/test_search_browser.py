import pytest

from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll


@pytest.mark.parametrize("width", [320, 1280])
def test_search_pages_have_no_axe_violations(demo_site, page_at, width):
    page = page_at(width)
    for path, lang in [
        ("/recherche/", "fr"),
        ("/recherche/?q=maker", "fr"),
        ("/recherche/?q=maker&type=partenaires", "fr"),
        ("/recherche/?q=zzzzzz", "fr"),
        ("/en/search/?q=makers", "en"),
    ]:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)


def test_header_search_box_works_without_and_with_suggestions(demo_site, page_at):
    page = page_at(1280)
    page.goto(demo_site.url + "/partenaires/")
    box = page.get_by_label("Rechercher sur le site")  # a combobox: it has a list of suggestions
    box.fill("palettes")
    with page.expect_response(lambda response: "/recherche/suggestions/" in response.url) as answer:
        box.press_sequentially(" ")  # typing triggers the (debounced) suggestions
    assert answer.value.json()["suggestions"]
    box.press("Enter")
    page.wait_for_load_state()
    assert "/recherche/?q=palettes" in page.url
    assert page.get_by_role("link", name="Les Palettes Retrouvées").is_visible()
