"""Journey 3 (issue #13): a partner, alone, updates its profile through the officers' review.

The partner logs in, edits, sends for review and lands on its dashboard; the officer asks for a
change with a comment; the partner reads it in a banner on the form, changes the text and
resubmits; the officer approves and the profile is live. Every screen the partner sees passes axe.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from playwright.sync_api import expect

from partners.models import PartnerPage
from partners.roles import OFFICERS_GROUP, ensure_partner_group
from tests.browser.conftest import assert_no_axe_violations, shoot, wait_for_animations
from tests.browser.test_partners_browser import login

FIRST_TEXT = "Un collectif de makers qui ouvre ses ateliers à toute la métropole."
SECOND_TEXT = "Un collectif de makers qui ouvre ses ateliers du mardi au samedi, de 14 h à 19 h."
COMMENT = "Merci d'indiquer vos horaires d'ouverture."


def check_accessibility(page):
    """axe once Wagtail's messages have faded in (mid-animation their colours are too pale)."""
    wait_for_animations(page)
    assert_no_axe_violations(page)


def test_partner_edits_submits_gets_a_change_request_and_is_published(demo_site, browser):
    User = get_user_model()
    profile = PartnerPage.objects.get(slug="makers-lille", locale__language_code="fr")
    partner = User.objects.create_user("partenaire-parcours", "pp@example.org", "mot-de-passe-partenaire")
    partner.groups.add(ensure_partner_group(profile).group)
    officer = User.objects.create_user("officier-parcours", "op@example.org", "mot-de-passe-officier")
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    edit_path = f"/admin/pages/{profile.pk}/edit/"

    partner_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = partner_context.new_page()
    login(page, demo_site.url, "partenaire-parcours", "mot-de-passe-partenaire")

    # The dashboard: the profile, a readable button, no site counts nor explorer.
    expect(page.get_by_role("heading", name="Mon profil")).to_be_visible()
    assert page.locator(".w-summary").count() == 0
    check_accessibility(page)
    shoot(page, "partner-dashboard-1280")
    page.get_by_role("link", name="Modifier mon profil").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(edit_path)

    # The form: the review notice, "Envoyer pour validation" as the main button, no Promotion tab.
    expect(page.locator(".partner-notice")).to_contain_text("l’équipe de communication relit votre profil")
    assert page.get_by_role("tab", name=re.compile("^Promotion")).count() == 0
    expect(page.get_by_role("button", name="Remplacer le logo")).to_be_visible()
    check_accessibility(page)
    page.fill("#id_short_description", FIRST_TEXT)
    page.get_by_role("button", name="Envoyer pour validation").click()
    page.wait_for_load_state()
    assert page.url == demo_site.url + "/admin/"  # back on the dashboard
    expect(page.locator(".partner-dashboard")).to_contain_text("attend la validation")
    check_accessibility(page)

    # The officer asks for a change, with a comment.
    officer_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    review = officer_context.new_page()
    login(review, demo_site.url, "officier-parcours", "mot-de-passe-officier")
    review.goto(demo_site.url + edit_path)
    review.get_by_role("button", name="Plus d'actions").click()
    review.get_by_role("button", name="Demander des modifications").click()
    review.locator(".modal textarea[name=comment]").fill(COMMENT)
    review.locator(".modal button[type=submit]").click()
    review.wait_for_load_state()
    expect(review.locator(".messages")).to_be_visible()

    # The partner reads the comment where it must act, and resubmits.
    page.reload()
    expect(page.locator(".partner-dashboard")).to_contain_text(COMMENT)
    page.goto(demo_site.url + edit_path)
    banner = page.locator(".partner-notice--changes")
    expect(banner).to_contain_text(COMMENT)
    expect(banner).to_contain_text("Renvoyer pour validation")
    check_accessibility(page)
    shoot(page, "partner-edit-change-request-1280")
    page.fill("#id_short_description", SECOND_TEXT)
    page.get_by_role("button", name="Renvoyer pour validation").click()
    page.wait_for_load_state()
    assert page.url == demo_site.url + "/admin/"
    public = partner_context.new_page()
    public.goto(demo_site.url + "/partenaires/makers-lille/")
    assert SECOND_TEXT not in public.content()  # not live before approval

    # The officer approves: the profile is published.
    review.goto(demo_site.url + edit_path)
    review.get_by_role("button", name="Plus d'actions").click()
    review.get_by_role("button", name=re.compile("^Approuver et publier", re.IGNORECASE)).click()
    review.wait_for_load_state()
    public.goto(demo_site.url + "/partenaires/makers-lille/")
    expect(public.get_by_role("main")).to_contain_text(SECOND_TEXT)
    page.reload()
    expect(page.locator(".partner-dashboard")).to_contain_text("validée et publiée")
    check_accessibility(page)
    shoot(page, "partner-dashboard-approved-1280")
    officer_context.close()
    partner_context.close()
