import pytest

from news.models import NewsIndexPage
from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll
from tests.factories import NewsPageFactory

PAGES = [
    ("/", "fr"),
    ("/en/", "en"),
    ("/actualites/", "fr"),
    ("/actualites/?categorie=resultats", "fr"),
    ("/en/news/", "en"),
    ("/actualites/neuf-projets-sur-dix-finances/", "fr"),
    ("/en/news/nine-projects-out-of-ten-funded/", "en"),
    ("/actualites/la-collecte-est-ouverte/", "fr"),
]


@pytest.mark.parametrize("width", [320, 1280])
def test_news_and_home_pages_have_no_axe_violations(demo_site, page_at, width):
    page = page_at(width)
    for path, lang in PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)


def test_video_loads_nothing_from_its_host_until_clicked(demo_site, page_at):
    index = NewsIndexPage.objects.get(slug="actualites")
    story = NewsPageFactory(parent=index, slug="video", title="En vidéo")
    story.body = [
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Le film des lauréats",
                "transcript": "Texte.",
            },
        )
    ]
    story.save_revision().publish()

    page = page_at(1280)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # Nothing may leave this machine: the player's address is answered here, never fetched.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(status=204, body=""))
    page.goto(demo_site.url + "/actualites/video/")
    assert all(url.startswith(demo_site.url) for url in requested), requested
    assert page.locator("iframe").count() == 0
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Lire la vidéo « Le film des lauréats » (YouTube)").click()
    iframe = page.locator("iframe")
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert iframe.get_attribute("title") == "Le film des lauréats"
    # Sandboxed from the start (the attribute came with the iframe, before its address).
    assert iframe.get_attribute("sandbox") == "allow-scripts allow-same-origin allow-presentation allow-popups"
    assert iframe.get_attribute("allow") == "autoplay; fullscreen; picture-in-picture"
    assert iframe.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert iframe.get_attribute("data-src") is None
