"""Headers every answer carries (issue 14, "Headers"): Permissions-Policy, Content-Security-Policy."""

import base64
import hashlib
import http.client
import importlib.metadata
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.test import override_settings

import pytest
from bs4 import BeautifulSoup

from campaigns.models import CallIndexPage, CallPage, LaureatePage
from home import theme
from home.models import ContentPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from portal.headers import PERMISSIONS_POLICY, THEME_STYLE_SOURCE
from tests.helpers import production_header_settings


@pytest.mark.parametrize("url", ["/", "/en/", "/admin/login/", "/healthz", "/page-qui-n-existe-pas/"])
def test_every_answer_refuses_unused_browser_features(client, site_tree, url):
    response = client.get(url)
    policy = response["Permissions-Policy"]
    assert policy == PERMISSIONS_POLICY
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    # Framed videos still go fullscreen.
    assert "fullscreen" not in policy


# --- Content-Security-Policy -----------------------------------------------------------------


def directives(header):
    """{"script-src": ["'self'", ...], ...} from a Content-Security-Policy header."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name.lower()] = sources
    return parsed


def nonce_of(policy):
    """The answer's nonce (the same for scripts and styles), None when the page used none."""
    scripts, styles = (
        [source for source in policy[name] if source.startswith("'nonce-")] for name in ("script-src", "style-src")
    )
    assert scripts == styles and len(scripts) <= 1
    return scripts[0].removeprefix("'nonce-").removesuffix("'") if scripts else None


def public_pages():
    """One live page of every public page type of the demo, French and English."""
    urls = []
    for model in (ContentPage, CallIndexPage, CallPage, LaureatePage, NewsIndexPage, NewsPage, PartnerIndexPage):
        pages = model.objects.live().public()
        urls += [pages.filter(locale__language_code=code).first().url for code in ("fr", "en")]
    urls.append(PartnerPage.objects.live().public().first().url)
    return ["/", "/en/", "/recherche/?q=makers", *urls]


def test_every_html_page_has_the_strict_policy_and_only_allowed_inline_code(client, demo):
    for url in [*public_pages(), "/admin/login/", "/page-qui-n-existe-pas/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert policy["img-src"][0] == "'self'"
        page = BeautifulSoup(response.content, "html.parser")
        inline = [tag for tag in page.find_all(["script", "style"]) if not tag.get("src")]
        if url != "/admin/login/":  # (Wagtail's login page has no inline code)
            # Public pages go to the page cache and shared caches: no per-answer nonce on them. The
            # theme's <style> is allowed by its hash; JSON-LD is data, which browsers never run.
            assert nonce_of(policy) is None, url
            assert THEME_STYLE_SOURCE in policy["style-src"], url
            styles = [tag for tag in inline if tag.name == "style"]
            assert [str(tag.string) for tag in styles] == [theme.css_custom_properties()], url
            assert all(tag.get("type") == "application/ld+json" for tag in inline if tag.name == "script"), url
        # No inline style attribute, event handler or javascript: address (the policy refuses them).
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, (url, str(tag)[:120])
            assert not [name for name in tag.attrs if name.startswith("on")], (url, str(tag)[:120])
            for name in ("href", "src", "action", "formaction"):
                assert not str(tag.get(name, "")).strip().lower().startswith("javascript:"), url


def test_public_answers_share_one_policy_that_a_cache_may_replay(client, site_tree):
    policies = {client.get("/")["Content-Security-Policy"] for _ in range(3)}
    assert len(policies) == 1
    assert "nonce" not in policies.pop()


def test_the_theme_hash_is_the_hash_of_the_style_the_pages_print():
    digest = hashlib.sha256(theme.css_custom_properties().encode()).digest()
    assert f"'sha256-{base64.b64encode(digest).decode()}'" == THEME_STYLE_SOURCE


@override_settings(VIDEO_PEERTUBE_HOSTS=["framatube.org", "tube.example.fr:8443"])
def test_frames_allowed_are_ours_and_the_video_players_only(client, site_tree):
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert policy["frame-src"] == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://framatube.org",
        "https://tube.example.fr:8443",
    ]


@override_settings(VIDEO_PEERTUBE_HOSTS=[])
def test_without_peertube_instances_only_youtube_and_vimeo_are_framed(client, site_tree):
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert policy["frame-src"] == ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_embeds_have_their_own_policy_frameable_by_any_site(client, demo):
    campaign = LaureatePage.objects.live().exclude(campaign=None).first().campaign_id
    call = CallPage.objects.live().first().pk
    for url in (f"/embed/campaigns/{campaign}/", f"/en/embed/calls/{call}/results/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["*"], url
        assert policy["default-src"] == ["'none'"]
        assert policy["form-action"] == ["'none'"] and policy["base-uri"] == ["'none'"]
        [script_hash] = policy["script-src"]
        assert script_hash.startswith("'sha256-")
        # The site policy's additions (nonce, video players) stay out of the embed's.
        assert "frame-src" not in policy
        assert "nonce" not in response["Content-Security-Policy"]
        assert "X-Frame-Options" not in response.headers


def test_production_upgrades_insecure_requests_unless_it_serves_plain_http_on_purpose():
    assert production_header_settings()["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is True
    plain = production_header_settings(SECURE_SSL_REDIRECT="false")  # make serve-prod on loopback
    assert plain["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is False
    assert "upgrade-insecure-requests" not in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)


def test_no_template_has_an_event_handler_a_javascript_address_or_a_style_attribute():
    root = Path(settings.BASE_DIR)
    templates = sorted((root / "templates").rglob("*.html"))
    assert len(templates) > 30
    for path in templates:
        text = path.read_text()
        assert not INLINE_HANDLER.search(text), path
        assert "javascript:" not in text.lower(), path
        if path.parent.name != "embed":  # the embeds' policy allows inline styles
            assert not STYLE_ATTRIBUTE.search(text), path


# --- the application server -------------------------------------------------------------------


def free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_names_no_version(tmp_path):
    """make serve-prod's gunicorn, for real on a loopback port: its Server header says "gunicorn"
    and nothing more (the reverse proxy in front replaces it; see docs/deployment.md)."""
    port = free_loopback_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 60,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path}/portal.sqlite3",  # no tables: the health check's 503
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 (our own venv's gunicorn)
        [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                break
            except ConnectionRefusedError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        body = response.read().decode()
        assert response.status in (200, 503)
        assert response.getheader("Server") == "gunicorn"
        version = importlib.metadata.version("gunicorn")
        assert version not in "".join(f"{name}: {value}" for name, value in response.getheaders()) + body
        assert response.getheader("Permissions-Policy") == PERMISSIONS_POLICY  # our answer, through gunicorn
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_only_signed_in_admin_screens_allow_inline_code(client, site_tree, django_user_model):
    login = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in login["script-src"] + login["style-src"]
    client.force_login(django_user_model.objects.create_superuser("csp", "csp@example.org", "pw"))
    admin = directives(client.get("/admin/pages/")["Content-Security-Policy"])
    # Wagtail's inline scripts and styles (tests/browser/test_csp_browser.py); no nonce beside it,
    # which would make browsers ignore 'unsafe-inline'.
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["object-src"] == ["'none'"] and admin["frame-ancestors"] == ["'self'"]
    assert admin["form-action"] == ["'self'"] and admin["base-uri"] == ["'self'"]
    # The public site stays strict for a signed-in editor too (the userbar needs nothing inline).
    public = directives(client.get("/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in public["script-src"] + public["style-src"]
    assert THEME_STYLE_SOURCE in public["style-src"]
