from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from partners.models import PartnerPage
from partners.roles import OFFICERS_GROUP, ensure_partner_group
from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll

PAGES = [
    ("/partenaires/", "fr"),
    ("/partenaires/?type=university", "fr"),
    ("/en/partners/", "en"),
    ("/partenaires/makers-lille/", "fr"),
    ("/en/partners/makers-lille/", "en"),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_partner_pages_have_no_axe_violations(demo_site, page_at, width):
    page = page_at(width)
    for path, lang in PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)


def login(page, base_url, username, password):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()


def test_partner_edit_goes_live_after_officer_approval(demo_site, browser):
    User = get_user_model()
    partner_page = PartnerPage.objects.get(slug="makers-lille", locale__language_code="fr")
    partner = User.objects.create_user("partenaire-test", "p@example.org", "mot-de-passe-partenaire")
    partner.groups.add(ensure_partner_group(partner_page).group)
    officer = User.objects.create_user("officier-test", "o@example.org", "mot-de-passe-officier")
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    new_text = "Un collectif de makers qui ouvre ses ateliers à toute la métropole."

    partner_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = partner_context.new_page()
    login(page, demo_site.url, "partenaire-test", "mot-de-passe-partenaire")
    assert page.get_by_role("heading", name="Mon profil").is_visible()
    page.get_by_role("link", name="Modifier mon profil").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/admin/pages/{partner_page.pk}/edit/")
    page.fill("#id_short_description", new_text)
    page.get_by_role("button", name="Envoyer pour validation").click()  # the main button for partners
    page.wait_for_load_state()
    public = partner_context.new_page()
    public.goto(demo_site.url + "/partenaires/makers-lille/")
    assert new_text not in public.content()  # not live before approval
    partner_context.close()

    officer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = officer_context.new_page()
    login(page, demo_site.url, "officier-test", "mot-de-passe-officier")
    page.goto(demo_site.url + f"/admin/pages/{partner_page.pk}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier").click()
    page.wait_for_load_state()
    page.goto(demo_site.url + "/partenaires/makers-lille/")
    assert new_text in page.get_by_role("main").inner_text()
    officer_context.close()
