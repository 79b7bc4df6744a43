"""The widget as another site shows it: a host page on another loopback origin pastes the embed
code copied from a laureate page; the iframe renders, resizes itself and passes axe."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from campaigns.models import CallPage
from tests.browser.conftest import WCAG_TAGS, _axe, assert_no_axe_violations

LAUREATE = "/appels-a-projets/mel-makers-2018/les-palettes-retrouvees/"
HOST_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Le journal du quartier</title></head>
<body><main><h1>Un projet près de chez vous</h1><p>Soutenez-le :</p>{code}</main></body></html>"""


@pytest.fixture
def host_site():
    """A site of another origin (127.0.0.1, own port) that serves whatever page the test sets."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield pages, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def copy_embed_code(page, url):
    page.goto(url)
    page.get_by_text("Intégrer ce widget").click()
    return page.get_by_label("Code d'intégration").input_value()


def iframe_height(page):
    return page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")


def frame_content_height(frame):
    return frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")


def assert_frame_fits(page, frame):
    page.wait_for_function(
        "h => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1",
        arg=frame_content_height(frame),
    )


def test_widget_embedded_on_another_origin_renders_resizes_and_passes_axe(demo_site, host_site, page_at):
    pages, host_url = host_site
    code = copy_embed_code(page_at(1280), demo_site.url + LAUREATE)
    assert demo_site.url.split("//")[1] not in host_url  # really another origin
    pages["/article.html"] = HOST_PAGE.format(code=code)

    page = page_at(1280)
    page.goto(host_url + "/article.html")
    frame = page.frame_locator("iframe")
    assert frame.get_by_role("heading", level=1).inner_text().startswith("Les Palettes Retrouvées")
    bar = frame.get_by_role("progressbar")
    assert "collectés sur" in bar.get_attribute("aria-valuetext")
    assert frame.get_by_role("link", name="Voir la collecte").is_visible()

    embedded = page.frames[1]
    assert embedded.url.startswith(demo_site.url + "/embed/campaigns/")
    # The iframe starts at the height in the code, then takes its content's height.
    assert 'height="440"' in code
    assert_frame_fits(page, embedded)
    wide = iframe_height(page)
    assert wide != 440

    # Narrower: the text wraps, the content grows, the iframe follows.
    page.set_viewport_size({"width": 320, "height": 900})
    page.wait_for_function("h => document.querySelector('iframe').getBoundingClientRect().height > h", arg=wide)
    assert_frame_fits(page, embedded)

    frame_results = _axe.run(embedded, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert frame_results.violations_count == 0, frame_results.generate_report()
    assert_no_axe_violations(page)


def test_widget_without_script_keeps_its_height_and_still_shows_the_figures(demo_site, host_site, page_at):
    pages, host_url = host_site
    code = copy_embed_code(page_at(1280), demo_site.url + LAUREATE)
    pages["/sans-script.html"] = HOST_PAGE.format(code=code.split("<script>")[0])
    page = page_at(1280)
    page.goto(host_url + "/sans-script.html")
    frame = page.frame_locator("iframe")
    assert frame.get_by_role("progressbar").is_visible()
    page.wait_for_timeout(300)
    assert iframe_height(page) == 440


@pytest.mark.parametrize("width", [320, 1280])
def test_embed_pages_have_no_axe_violations(demo_site, page_at, width):
    call = CallPage.objects.live().get(slug="mel-makers-2018", locale__language_code="fr")
    page = page_at(width)
    page.goto(demo_site.url + LAUREATE)
    campaign_path = page.get_by_label("Code d'intégration").input_value().split('src="')[1].split('"')[0]
    paths = [
        campaign_path.replace(demo_site.url, ""),
        "/en" + campaign_path.replace(demo_site.url, ""),
        f"/embed/calls/{call.pk}/results/",
        f"/en/embed/calls/{call.pk}/results/",
    ]
    for path in paths:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == ("en" if path.startswith("/en/") else "fr")
        assert_no_axe_violations(page)
