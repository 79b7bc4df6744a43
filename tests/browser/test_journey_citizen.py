"""Journey 1: a citizen arrives on a phone (375 × 740) from a bus poster.

The header is short, a laureate page shows the amount, the bar and the donate button on the
first screen, the home, call and laureate pages pass axe, an upcoming call says "À venir",
a finished call lists its laureates by amount, and opening "Intégrer ce widget" moves nothing."""

import datetime

from django.utils import timezone

from campaigns.models import CallIndexPage, PhaseKind
from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll, shoot
from tests.factories import CallPageFactory, add_phase

PHONE = (375, 740)
HEADER_MAX = 100  # px at 375 wide: it was 280 before the menu and search were folded
LIVE_LAUREATE = "/appels-a-projets/makers-du-reemploi-{year}/atelier-velo-du-quartier/"
LIVE_LAUREATE_EN = "/en/calls-for-projects/re-use-makers-{year}/neighbourhood-bike-workshop/"
FINISHED_LAUREATE = "/appels-a-projets/mel-makers-2018/les-palettes-retrouvees/"


def within_first_screen(page, locator):
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE[1], f"{box} is not within the first {PHONE[1]} px"
    return box


def document_box(page, selector):
    """Where an element is in the document (not the viewport: clicking may scroll)."""
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return [r.left + scrollX, r.top + scrollY, r.width, r.height].map(Math.round); }"
    )


def parse_amount(text):
    return int("".join(ch for ch in text if ch.isdigit()))


def test_phone_journey_from_home_to_donate(demo_site, page_at):
    page = page_at(*PHONE)
    year = timezone.localdate().year

    # Home: compact header, menu and search folded, no campaign shown twice.
    page.goto(demo_site.url + "/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= HEADER_MAX, f"header is {header['height']} px tall"
    shoot(page, "citizen-home-375-fr")
    search = page.get_by_label("Rechercher sur le site")
    assert not search.is_visible()
    toggle = page.locator("summary.site-menu__toggle")
    assert toggle.inner_text().startswith("Menu")
    toggle.click()
    assert search.is_visible()
    menu = page.get_by_role("navigation", name="Menu principal")
    assert menu.get_by_role("link", name="Appels à projets").is_visible()
    toggle.click()
    assert not search.is_visible()
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)
    titles = page.locator(".progress-widget__title, .laureate-card .card__title").all_inner_texts()
    assert titles and len(titles) == len(set(titles)), titles

    # Live call: compact cards, no results yet.
    page.goto(demo_site.url + f"/appels-a-projets/makers-du-reemploi-{year}/")
    assert page.locator(".laureate-card .compact-progress").count() == 3
    assert page.locator(".progress-widget").count() == 0
    assert page.locator(".programme-results").count() == 0
    assert page.get_by_text("collectes réussies").count() == 0
    assert page.get_by_text("seront publiés à la fin de la collecte").is_visible()
    shoot(page, "citizen-call-live-375-fr")
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)

    # Live laureate: amount, bar and "Soutenir ce projet" without scrolling.
    page.goto(demo_site.url + LIVE_LAUREATE.format(year=year))
    assert page.evaluate("window.scrollY") == 0
    funding = page.locator(".laureate__funding")
    within_first_screen(page, funding.locator(".progress-widget__amount"))
    within_first_screen(page, funding.get_by_role("progressbar"))
    within_first_screen(page, funding.get_by_role("link", name="Soutenir ce projet"))
    assert funding.get_by_role("heading", name="À quoi serviront les dons").is_visible()
    shoot(page, "citizen-laureate-live-375-fr")
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)

    # The same laureate in English: the same first screen, in English.
    page.goto(demo_site.url + LIVE_LAUREATE_EN.format(year=year))
    assert page.get_attribute("html", "lang") == "en"
    funding = page.locator(".laureate__funding")
    within_first_screen(page, funding.locator(".progress-widget__amount"))
    within_first_screen(page, funding.get_by_role("link", name="Support this project"))
    assert funding.get_by_role("heading", name="What the donations will pay for").is_visible()
    shoot(page, "citizen-laureate-live-375-en")
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)


def test_finished_call_lists_laureates_by_amount_and_results(demo_site, page_at):
    page = page_at(*PHONE)
    page.goto(demo_site.url + "/appels-a-projets/mel-makers-2018/")
    rows = page.locator("#laureats ol.card-list--rows > li")
    assert rows.count() == 10
    amounts = [parse_amount(text) for text in rows.locator(".compact-progress__amount strong").all_inner_texts()]
    statuses = rows.locator(".status-badge").all_inner_texts()
    # The refunded one shows 0 € collected: it comes last.
    assert amounts == sorted(amounts, reverse=True), amounts
    assert statuses.count("financé") == 9
    assert statuses[-1] == "non financé, contributeurs remboursés"
    assert page.get_by_role("heading", name="Résultats du programme « MEL Makers 2018 »").is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 8000, f"the 2018 call page is {height} px tall on a phone (was 14,452)"
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page)

    page.goto(demo_site.url + FINISHED_LAUREATE)
    within_first_screen(page, page.locator(".laureate__funding .progress-widget__amount"))
    within_first_screen(page, page.locator(".laureate__funding").get_by_role("link", name="Voir la collecte"))
    assert_no_axe_violations(page)


def test_upcoming_call_is_announced_with_its_opening_date(demo_site, page_at):
    index = CallIndexPage.objects.get(slug="appels-a-projets", locale__language_code="fr")
    opens = timezone.localdate() + datetime.timedelta(days=45)
    call = CallPageFactory(parent=index, title="Makers de demain", slug="makers-de-demain", edition_year=opens.year)
    add_phase(call, PhaseKind.APPLICATIONS, opens, opens + datetime.timedelta(days=30))

    page = page_at(*PHONE)
    page.goto(demo_site.url + "/appels-a-projets/")
    upcoming = page.get_by_role("region", name="Appels à venir")
    assert upcoming.get_by_role("link", name="Makers de demain").is_visible()
    assert "À venir" in upcoming.inner_text()
    assert page.get_by_role("region", name="Appels en cours").get_by_role("link", name="Makers de demain").count() == 0
    assert_no_axe_violations(page)

    page.goto(demo_site.url + "/appels-a-projets/makers-de-demain/")
    assert "À venir" in page.locator(".page-header").inner_text()
    assert page.locator(".programme-results").count() == 0


def test_opening_the_embed_code_moves_nothing(demo_site, page_at):
    for width, height in (PHONE, (1280, 800)):
        page = page_at(width, height)
        page.goto(demo_site.url + FINISHED_LAUREATE)
        watched = [".laureate__header h1", ".laureate__funding .progress-widget", ".laureate__main .lead"]
        if width < 960:
            watched.remove(".laureate__main .lead")  # below the box on a phone: it may move down
        before = [document_box(page, selector) for selector in watched]
        page.get_by_text("Intégrer ce widget").click()
        assert page.get_by_label("Code d'intégration").is_visible()
        after = [document_box(page, selector) for selector in watched]
        assert before == after, f"{width} px: {before} -> {after}"
