"""The Content-Security-Policy refuses nothing the portal needs (issue 14, "Headers").

Chromium reports every refusal as a ``securitypolicyviolation`` event, in the page and in each of
its frames (Wagtail's preview panel): an init script forwards them all to the test, which walks
the public pages of every page type, then the admin screens an officer and a partner use (page
editor with StreamField and Draftail, choosers, preview, image upload, snippets, settings,
reports, wagtail-localize's translation editor) and the userbar on a public page. No violation,
no script error."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale

import pytest
from PIL import Image

from campaigns.models import CallIndexPage, CallPage, LaureatePage
from home.models import ContentPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from partners.roles import OFFICERS_GROUP, ensure_partner_group
from tests.browser.test_partners_browser import login
from tests.factories import NewsPageFactory

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportCspViolation({
        page: String(document.location),
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
});
"""


class Watcher:
    """Violations and script errors of every page opened in its browser context."""

    def __init__(self, browser):
        self.violations, self.errors = [], []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        self.context.expose_binding("__reportCspViolation", lambda _source, report: self.violations.append(report))
        self.context.add_init_script(REPORT_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append((self.page.url, str(error))))
        self.page.on("console", self._console)

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.errors.append((self.page.url, message.text))

    def visit(self, url):
        response = self.page.goto(url)
        assert response.status < 400 or url.endswith("/page-qui-n-existe-pas/"), (url, response.status)
        self.page.wait_for_load_state("networkidle")
        return response

    def assert_clean(self):
        self.page.wait_for_timeout(300)  # events of the last screen
        assert self.violations == [], self.violations
        assert self.errors == [], self.errors


@pytest.fixture
def watcher(browser):
    watcher = Watcher(browser)
    yield watcher
    watcher.context.close()


def public_urls():
    urls = ["/", "/en/", "/recherche/?q=makers", "/page-qui-n-existe-pas/"]
    for model in (ContentPage, CallIndexPage, CallPage, LaureatePage, NewsIndexPage, NewsPage, PartnerIndexPage):
        pages = model.objects.live().public()
        urls += [pages.filter(locale__language_code=code).first().url for code in ("fr", "en")]
    urls.append(PartnerPage.objects.live().public().first().url)
    laureate = LaureatePage.objects.live().public().exclude(campaign=None).first()
    urls += [f"/embed/campaigns/{laureate.campaign_id}/", f"/embed/calls/{laureate.get_parent().pk}/results/"]
    return urls


def test_public_pages_of_every_type_run_under_the_policy(demo_site, watcher):
    for url in public_urls():
        watcher.visit(demo_site.url + url)
        # Scripts ran: the search box's suggestions and the video blocks' buttons are ours.
        if url.startswith("/embed/"):
            assert watcher.page.evaluate("typeof ResizeObserver") == "function"
    watcher.assert_clean()


def open_preview(page):
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame = page.frame_locator("iframe[title]").first
    frame.locator("body").wait_for()
    page.wait_for_timeout(1500)  # the preview's own scripts and styles load
    page.locator('[data-side-panel-toggle="preview"]').first.click()


def close_dialog(page):
    dialog = page.get_by_role("dialog")
    dialog.locator("[data-dismiss=modal], [data-w-dialog-target=close]").first.click()
    dialog.wait_for(state="hidden")


def open_a_chooser(page):
    """Open the first chooser the form offers (image, page, document or snippet), then close it."""
    for tab in page.get_by_role("tab").all():
        tab.click()
        button = page.locator("[data-chooser-action-choose]").filter(visible=True).first
        if button.count():
            button.click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_role("link").first.wait_for()
            close_dialog(page)
            return True
    return False


def test_officer_admin_screens_run_under_the_policy(demo_site, watcher, tmp_path):
    user = get_user_model().objects.create_user("officier-csp", "csp@example.org", "mot-de-passe-csp")
    user.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    base = demo_site.url
    page = watcher.page
    login(page, base, "officier-csp", "mot-de-passe-csp")
    call = CallPage.objects.live().filter(locale__language_code="fr").first()

    # The userbar on a public page, opened.
    watcher.visit(base + call.url)
    page.locator("wagtail-userbar").locator("[data-wagtail-userbar-trigger]").click()
    page.wait_for_timeout(500)

    # The page editor: StreamField block picker, Draftail, a chooser, the preview panel.
    watcher.visit(f"{base}/admin/pages/{call.pk}/edit/")
    page.locator(".DraftEditor-root").first.wait_for()
    add_block = page.locator("button.c-sf-add-button").filter(visible=True).first
    add_block.click()
    page.locator(".w-combobox, [role=listbox]").first.wait_for()
    page.keyboard.press("Escape")
    assert open_a_chooser(page), "no chooser on the call's form"
    page.get_by_role("tab").first.click()
    open_preview(page)

    # Images: the listing, and a real multiple upload (its preview and its edit form).
    watcher.visit(base + reverse("wagtailimages:index"))
    watcher.visit(base + reverse("wagtailimages:add_multiple"))
    picture = tmp_path / "atelier.png"
    Image.new("RGB", (64, 48), "#336699").save(picture)
    page.locator("input[type=file]").first.set_input_files(str(picture))
    page.locator("form.image-edit-form, .upload-list form").first.wait_for()

    # Snippets, documents, settings, reports, the search promotions.
    for name in (
        "wagtailsnippets:index",
        "wagtaildocs:index",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_explore_root",
    ):
        watcher.visit(base + reverse(name))
    watcher.visit(base + reverse("wagtailsettings:edit", args=["home", "sitesettings"]))

    # wagtail-localize's translation editor (React), on a fresh translation of a news page.
    from wagtail_localize.models import Translation, TranslationSource

    index = NewsIndexPage.objects.get(locale__language_code="fr")
    news = NewsPageFactory(parent=index, title="À traduire", slug="a-traduire")
    source, _ = TranslationSource.get_or_create_from_instance(news)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="en"))
    translation.save_target(publish=False)
    translated = translation.get_target_instance()
    watcher.visit(f"{base}/admin/pages/{translated.pk}/edit/")
    page.get_by_role("button", name="Traduire", exact=True).first.wait_for()
    page.get_by_role("button", name="Traduire", exact=True).first.click()
    page.locator("textarea").first.wait_for()
    watcher.assert_clean()


def test_partner_admin_screens_run_under_the_policy(demo_site, watcher):
    profile = PartnerPage.objects.get(slug="makers-lille", locale__language_code="fr")
    partner = get_user_model().objects.create_user("partenaire-csp", "pcsp@example.org", "mot-de-passe-pcsp")
    partner.groups.add(ensure_partner_group(profile).group)
    base = demo_site.url
    page = watcher.page
    login(page, base, "partenaire-csp", "mot-de-passe-pcsp")
    page.get_by_role("heading", name="Mon profil").wait_for()
    watcher.visit(f"{base}/admin/pages/{profile.pk}/edit/")
    page.locator(".DraftEditor-root").first.wait_for()
    page.get_by_role("button", name=re.compile("^(Remplacer|Choisir) le logo")).click()
    page.get_by_role("dialog").get_by_role("link").first.wait_for()
    close_dialog(page)
    open_preview(page)
    watcher.assert_clean()


def test_a_refused_inline_script_is_reported(demo_site, watcher):
    """The watcher itself: an inline script without the nonce is refused, and it is seen."""
    watcher.visit(demo_site.url + "/")
    watcher.page.evaluate("document.body.setAttribute('onclick', 'void 0'); document.body.click()")
    watcher.page.wait_for_timeout(300)
    assert [v["directive"] for v in watcher.violations] == ["script-src-attr"]
    watcher.violations.clear()
    watcher.errors.clear()
    ran = watcher.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        " document.head.append(s); return window.ran === 1; }"
    )
    assert ran is False
    watcher.page.wait_for_timeout(300)
    assert [v["directive"] for v in watcher.violations] == ["script-src-elem"]
