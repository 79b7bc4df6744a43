import pytest

from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll

PAGES = [
    ("/appels-a-projets/", "fr"),
    ("/en/calls-for-projects/", "en"),
    ("/appels-a-projets/mel-makers-2018/", "fr"),
    ("/en/calls-for-projects/mel-makers-2018/", "en"),
    ("/appels-a-projets/mel-makers-2018/les-palettes-retrouvees/", "fr"),
    ("/en/calls-for-projects/mel-makers-2018/pallets-reborn/", "en"),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_campaign_pages_have_no_axe_violations(demo_site, page_at, width):
    page = page_at(width)
    for path, lang in PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)


def test_live_call_and_laureate_pages_have_no_axe_violations(demo_site, page_at):
    page = page_at(1280)
    page.goto(demo_site.url + "/appels-a-projets/")
    page.get_by_role("region", name="Appels en cours").get_by_role("link").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Soutenir les projets").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("region", name="Les lauréats").get_by_role("heading", level=3).first.get_by_role("link").click()
    page.wait_for_load_state()
    bar = page.get_by_role("progressbar")
    # Live and all-or-nothing (KissKissBankBank): pledges, paid only if the goal is met.
    assert "promis sur" in bar.get_attribute("aria-valuetext")
    assert page.get_by_role("link", name="Soutenir ce projet").is_visible()
    assert_no_axe_violations(page)


def test_chart_data_table_opens_with_the_keyboard(demo_site, page_at):
    page = page_at(1280)
    page.goto(demo_site.url + "/appels-a-projets/mel-makers-2018/les-palettes-retrouvees/")
    summary = page.get_by_text("Voir les données du graphique")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("table", name="Montant collecté et contributeurs, relevé par relevé").is_visible()
    assert page.get_by_role("img", name="Évolution du montant collecté").count() == 1
