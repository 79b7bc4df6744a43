"""Journey 2, the communication officer, in Chromium: French first, then English.

Signed in as an officer (not a superuser), they create a call and a laureate with its campaign,
publish both, translate the call with its subtree into English through wagtail-localize's screens,
type the English in the translation editor, publish, and every English page answers 200 in English.
Buttons, tabs and fields are found by role and label; the fields by their form ids."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Page

import pytest

from campaigns.models import CallIndexPage, CallPage, LaureatePage
from partners.roles import OFFICERS_GROUP
from tests.browser.conftest import shoot
from tests.factories import FundingCampaignFactory

PASSWORD = "mot-de-passe-officier"

# What the officer types for each French string the translation editor shows.
ENGLISH = {
    "Makers du vélo 2027": "Bike makers 2027",
    "makers-du-velo-2027": "bike-makers-2027",
    "Un appel aux makers qui réparent les vélos du quartier.": "A call to makers who repair the neighbourhood's bikes.",
    "Vélos réparés": "Repaired bikes",
    "velos-repares": "repaired-bikes",
    "Inès Moreau et Yanis Lefort": "Inès Moreau and Yanis Lefort",
    "Un atelier où chacun apprend à réparer son vélo.": "A workshop where everyone learns to repair their bike.",
}
FRENCH_WORDS = ["réparent", "Vélos réparés", "chacun apprend", "Moreau et Yanis"]


def login(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()


def set_slug(page, slug):
    """An ASCII slug, typed on the Promotion tab (the title may have filled it with accents)."""
    page.get_by_role("tab", name="Promotion").click()
    page.fill("#id_slug", slug)
    page.get_by_role("tab", name="Contenu").click()


def publish(page):
    publish_button = page.get_by_role("button", name="Publier", exact=True)
    if not publish_button.is_visible():
        page.get_by_role("button", name="Plus d'actions").click()
    publish_button.click()
    page.wait_for_load_state()


def choose_in_chooser(page, opener, name):
    """Open a chooser and pick the row called ``name`` (searching for it if a search box is offered)."""
    page.get_by_role("button", name=opener).click()
    dialog = page.get_by_role("dialog")
    choice = dialog.get_by_role("link", name=name, exact=True)
    search = dialog.get_by_role("textbox")
    try:
        choice.wait_for(timeout=5000)
    except Exception:
        if search.count():
            search.first.fill(name)
        choice.wait_for()
    choice.click()
    dialog.wait_for(state="hidden")


def translate_every_string(page):
    """In wagtail-localize's editor: for each "Traduire", type the English of the French shown."""
    for tab in ("Contenu", "Promotion"):
        tab_button = page.get_by_role("tab", name=tab)
        if tab_button.count():
            tab_button.first.click()
        panel = page.get_by_role("tabpanel").filter(visible=True).first if tab_button.count() else page
        translate = panel.get_by_role("button", name="Traduire", exact=True)
        while translate.count():
            translate.first.click()
            segment = page.locator("li").filter(has=page.locator("textarea")).last
            source = segment.locator("p").first.inner_text().strip()
            assert source in ENGLISH, f"no English for {source!r}"
            segment.locator("textarea").fill(ENGLISH[source])
            segment.get_by_role("button", name="Enregistrer").click()
            page.locator("textarea").first.wait_for(state="detached")


def publish_translation(page, capture):
    """ "Publier la version : English": our override of wagtail-localize's "Publier dansEnglish", with a
    non-breaking space before the colon (a plain space in the accessible name, hence ``\\s``).
    wagtail-localize publishes after the commit; on SQLite the live server shares the test's
    transaction, which never commits, so its callbacks are run here."""
    with capture(execute=True), page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"^Publier la version\s: English$")).click()


@pytest.fixture
def officer(demo_site):
    user = get_user_model().objects.create_user("officier-journee", "officier@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    return user


def test_officer_publishes_a_call_in_french_then_translates_it_into_english(
    demo_site, officer, page_at, django_capture_on_commit_callbacks
):
    base = demo_site.url
    index = CallIndexPage.objects.get(locale__language_code="fr")
    FundingCampaignFactory(name="Vélos réparés (2027)")
    page = page_at(1280, 900)
    login(page, base, officer.username)

    # A call, in French, published.
    page.goto(f"{base}/admin/pages/{index.pk}/")
    page.goto(f"{base}/admin/pages/add/campaigns/callpage/{index.pk}/")
    page.fill("#id_title", "Makers du vélo 2027")
    page.fill("#id_edition_year", "2027")
    page.fill("#id_summary", "Un appel aux makers qui réparent les vélos du quartier.")
    set_slug(page, "makers-du-velo-2027")
    publish(page)
    call = CallPage.objects.get(slug="makers-du-velo-2027")
    assert call.live

    # A laureate under it, with a theme and its campaign, published.
    page.goto(f"{base}/admin/pages/add/campaigns/laureatepage/{call.pk}/")
    page.fill("#id_title", "Vélos réparés")
    page.fill("#id_makers", "Inès Moreau et Yanis Lefort")
    page.fill("#id_pitch", "Un atelier où chacun apprend à réparer son vélo.")
    page.get_by_role("button", name=re.compile("^Ajouter .*Thème")).click()
    choose_in_chooser(page, re.compile("(Choisir|Choose) .*thème"), "mobilité")
    choose_in_chooser(page, re.compile("(Choisir|Choose) .*collecte"), "Vélos réparés (2027)")
    # Closing the chooser leaves Wagtail's content column scrolled 80 px sideways (its folded minimap
    # sits past the edge, under overflow-x: hidden): put it back for the picture.
    page.locator("main.content-wrapper").evaluate("(main) => { main.scrollLeft = 0; }")
    shoot(page, "officer-laureate-campaign-chosen")
    set_slug(page, "velos-repares")
    publish(page)
    laureate = LaureatePage.objects.get(slug="velos-repares")
    assert laureate.live and laureate.campaign.name == "Vélos réparés (2027)"
    assert page.context.request.get(f"{base}/appels-a-projets/makers-du-velo-2027/velos-repares/").ok

    # "Traduire cette page" from the call's listing, with its subtree, into English.
    page.goto(f"{base}/admin/pages/{call.pk}/")
    page.locator("header").get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name=re.compile("^Traduire")).first.click()
    page.wait_for_load_state()
    page.get_by_label("English").check()
    page.get_by_label(re.compile("sous-arbre|subtree")).check()
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_load_state()

    # Drafts: nothing public in English yet, still French inside.
    call_en = CallPage.objects.get(translation_key=call.translation_key, locale__language_code="en")
    laureate_en = LaureatePage.objects.get(translation_key=laureate.translation_key, locale__language_code="en")
    assert not call_en.live and not laureate_en.live
    assert call_en.numchild == 1

    # The officer lands in the English call's translation editor: types the English, publishes.
    assert page.url.endswith(f"/admin/pages/{call_en.pk}/edit/")
    translate_every_string(page)
    page.get_by_role("tab", name="Contenu").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "officer-translation-editor")
    publish_translation(page, django_capture_on_commit_callbacks)
    page.goto(f"{base}/admin/pages/{laureate_en.pk}/edit/")
    translate_every_string(page)
    publish_translation(page, django_capture_on_commit_callbacks)

    call_en = CallPage.objects.get(pk=call_en.pk)
    laureate_en = LaureatePage.objects.get(pk=laureate_en.pk)
    assert call_en.live and laureate_en.live
    assert call_en.numchild == 1
    assert Page.find_problems() == ([], [], [], [], [])

    # Every English page answers 200, in English, for anyone.
    visitor = page_at(1280, 900)
    for url, title in (
        ("/en/calls-for-projects/bike-makers-2027/", "Bike makers 2027"),
        ("/en/calls-for-projects/bike-makers-2027/repaired-bikes/", "Repaired bikes"),
    ):
        response = visitor.goto(base + url)
        assert response.status == 200, url
        assert visitor.get_attribute("html", "lang") == "en"
        assert visitor.get_by_role("heading", level=1).inner_text().strip() == title
        text = visitor.locator("main").inner_text()
        for french in FRENCH_WORDS:
            assert french not in text, (url, french)
    shoot(visitor, "officer-english-laureate")
    assert "Inès Moreau and Yanis Lefort" in visitor.locator("main").inner_text()
    # The theme, in English: its list now sits under the pitch, no longer in the page's header.
    themes = visitor.get_by_role("list", name="Themes").inner_text()
    assert "mobility" in themes and "mobilité" not in themes
