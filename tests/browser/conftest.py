"""Browser suite: Playwright drives Debian's Chromium against a live test server.

Without /usr/bin/chromium these tests are skipped with a clear reason, unless
REQUIRE_BROWSER=1 (CI), where a missing browser is a failure. No browser is
ever downloaded.

One live server per test process, and the demo site copied into each test's
database (the ``demo`` fixture: load_demo runs once per process). On SQLite's
in-memory test database the server thread shares the test's connection, so it
sees the test's transaction and the test's rollback undoes what the browser
changed; elsewhere (PostgreSQL) the server has its own connection, so these
tests are transactional: the copy is committed and flushed after the test.
"""

import contextlib
import io
import os
import time
from pathlib import Path

from django.db import connection, connections

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; the ORM calls made
# by fixtures here are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def server_shares_the_test_connection():
    """True when the live server thread will use the tests' own connection (pytest-django hands an
    in-memory SQLite connection over to the server thread)."""
    creation = connection.creation
    return connection.vendor == "sqlite" and creation.is_in_memory_db(creation._get_test_db_name())


@pytest.hookimpl(tryfirst=True)  # before pytest-django sorts the tests by these marks
def pytest_collection_modifyitems(config, items):
    transactional = not server_shares_the_test_connection()
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=transactional))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)"
        if REQUIRE_BROWSER:
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page_at(browser):
    """A factory for fresh pages of a given viewport width."""
    contexts = []

    def open_page(width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def _demo_server(request, django_db_setup, browser):
    """A live server for this test process (not pytest-django's live_server fixture, which makes
    every test that uses it transactional).

    Started after the browser: Playwright's event loop makes Django give the test thread another
    connection, and an in-memory SQLite connection handed to the server must be the tests' one.
    """
    address = request.config.getvalue("liveserver") or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(address)
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def demo_site(request, _demo_server, demo):
    """The demo site served live. Tests may change it: their changes go with the test.
    (The server first: without Chromium the test is skipped before the demo is built.)"""
    transactional = request.node.get_closest_marker("django_db").kwargs.get("transaction")
    shared = _demo_server.thread.connections_override.get(connection.alias)
    if not transactional and shared is not connections[connection.alias]:
        pytest.fail("the live server does not use the test's database connection: browser tests must be transactional")
    return _demo_server


_axe = Axe()

ANIMATIONS_DONE = "document.getAnimations().every((a) => a.playState !== 'running')"


def wait_for_animations(page, timeout=30_000):
    """Until no animation runs (a message fading in, a closing modal). Polled with page.evaluate:
    wait_for_function runs its predicate through eval(), which the Content-Security-Policy
    refuses (no 'unsafe-eval'); evaluate goes through the DevTools protocol, outside the policy."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(ANIMATIONS_DONE):
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"animations still running after {timeout} ms")
        page.wait_for_timeout(50)


def assert_no_axe_violations(page):
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"


def shoot(page, name):
    """Save what the page shows (the viewport) as ``$SCREENSHOTS_DIR/<name>.png``, only when
    SCREENSHOTS_DIR is set (e.g. ``SCREENSHOTS_DIR=docs/screenshots``); otherwise do nothing.
    The PNG is kept small: an adaptive palette of 128 colours, optimised. Returns the path or None."""
    directory = os.environ.get("SCREENSHOTS_DIR", "").strip()
    if not directory:
        return None
    path = Path(directory) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # A closing modal's backdrop or a fading message would dim the picture; an endless animation
    # (a spinner) does not stop the shot.
    with contextlib.suppress(PlaywrightTimeoutError):
        wait_for_animations(page, timeout=3000)
    image = Image.open(io.BytesIO(page.screenshot(full_page=False)))
    image.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE, colors=128).save(path, optimize=True)
    return path
