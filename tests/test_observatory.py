"""MDN HTTP Observatory grade A+ (issue 14, "Headers"), scored offline by scripts/observatory.py
on the answers of the production settings; and the scorer itself, on crafted headers."""

from django.test import override_settings

import pytest

from campaigns.models import LaureatePage
from news.models import NewsPage
from scripts.observatory import MODIFIERS, TESTS, Answer, grade, score
from tests.helpers import production_header_settings

# --- the portal's pages, with production's settings -----------------------------------------------


def answer_of(client, path):
    """The Answer for ``path`` as the Observatory would get it through the TLS proxy: the https
    page (the proxy says so in X-Forwarded-Proto), its plain-http address, a foreign Origin."""
    proxy = {"x-forwarded-proto": "https"}
    response = client.get(path, headers=proxy)
    headers = [*response.items(), *(("Set-Cookie", morsel.OutputString()) for morsel in response.cookies.values())]
    chain = [f"http://testserver{path}"]
    plain = client.get(path)
    if plain.status_code in (301, 302, 307, 308):
        chain.append(plain["Location"])
    probe = client.get(path, headers={**proxy, "origin": Answer.probe_origin})
    return Answer(f"https://testserver{path}", response.status_code, headers, response.text, chain, list(probe.items()))


@pytest.fixture
def production(demo):
    with override_settings(**production_header_settings()):
        yield demo


def test_production_headers_score_a_plus_on_every_kind_of_page(client, production):
    laureate = LaureatePage.objects.live().public().exclude(campaign=None).first()
    pages = {
        "home": "/",
        "news": NewsPage.objects.live().public().first().url,
        "laureate": laureate.url,
        "admin login": "/admin/login/",
        "embed": f"/embed/campaigns/{laureate.campaign_id}/",
    }
    for name, path in pages.items():
        report = score(answer_of(client, path))
        assert report.grade == "A+", (name, path, list(report.lines()))
        assert report.penalties == 0, (name, list(report.lines()))
        results = report.results
        assert results["strict-transport-security"] == "hsts-implemented-max-age-at-least-six-months"
        assert results["redirection"] == "redirection-to-https"
        assert results["x-frame-options"] == "x-frame-options-implemented-via-csp"
        assert results["referrer-policy"] == "referrer-policy-private"
        if name == "embed":  # default-src 'none', but inline styles (not counted against it)
            assert results["content-security-policy"] == "csp-implemented-with-unsafe-inline-in-style-src-only"
        else:
            assert results["content-security-policy"] == "csp-implemented-with-no-unsafe", name
    # The login page sets the CSRF cookie: Secure and SameSite as production sets them.
    assert score(answer_of(client, "/admin/login/")).results["cookies"] == (
        "cookies-secure-with-httponly-sessions-and-samesite"
    )


def test_production_settings_are_the_real_ones():
    values = production_header_settings()
    assert values["SECURE_HSTS_SECONDS"] >= 15_552_000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True


# --- the scorer, on crafted answers ----------------------------------------------------------------

GOOD = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'self'"),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
]
REDIRECTED = ["http://site.example/", "https://site.example/"]


def crafted(replace=None, drop=(), add=(), body="<script src='/app.js'></script>", url="https://site.example/", **kw):
    replace = replace or {}
    headers = [(name, replace.get(name, value)) for name, value in GOOD if name not in drop and name not in replace]
    headers += [(name, value) for name, value in replace.items()] + list(add)
    return score(Answer(url, 200, headers, body, kw.pop("chain", REDIRECTED), **kw))


def test_a_good_answer_gets_its_bonuses_and_a_plus():
    report = crafted()
    assert report.results["content-security-policy"] == "csp-implemented-with-no-unsafe"
    assert report.penalties == 0
    assert report.score == 100 + 5 + 5 + 5  # CSP, frame-ancestors, referrer policy
    assert report.grade == "A+"
    assert set(report.results) == set(TESTS)


def test_a_missing_policy_costs_25_and_the_bonuses():
    report = crafted(drop={"Content-Security-Policy"})
    assert report.results["content-security-policy"] == "csp-not-implemented"
    assert report.modifier("content-security-policy") == -25
    assert report.results["x-frame-options"] == "x-frame-options-sameorigin-or-deny"
    assert report.score == 75 and report.grade == "B"  # under 90: no bonus for the referrer policy


def test_unsafe_inline_scripts_cost_20_unless_a_nonce_or_hash_disables_it():
    unsafe = crafted({"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"})
    assert unsafe.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert unsafe.score == 80 and unsafe.grade == "B+"
    nonce = crafted({"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline' 'nonce-abc'"})
    assert nonce.results["content-security-policy"] == "csp-implemented-with-no-unsafe"
    no_script_src = crafted({"Content-Security-Policy": "img-src 'self'"})  # scripts from anywhere
    assert no_script_src.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"


def test_unsafe_inline_in_style_src_alone_costs_nothing_but_earns_nothing():
    report = crafted({"Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'"})
    assert report.results["content-security-policy"] == "csp-implemented-with-unsafe-inline-in-style-src-only"
    assert report.modifier("content-security-policy") == 0


def test_other_policy_results():
    def csp(policy):
        return crafted({"Content-Security-Policy": policy}).results["content-security-policy"]

    assert csp("default-src 'none'; img-src 'self'") == "csp-implemented-with-no-unsafe-default-src-none"
    assert csp("default-src 'self'; script-src 'self' 'unsafe-eval'") == "csp-implemented-with-unsafe-eval"
    assert csp("default-src 'self'; script-src http://cdn.example") == "csp-implemented-with-insecure-scheme"
    assert csp("default-src 'self'; img-src http:") == "csp-implemented-with-insecure-scheme-in-passive-content-only"
    assert csp("default-src 'self'; object-src *") == "csp-implemented-with-unsafe-inline"
    assert csp("default-src 'self'; script-src 'strict-dynamic'") == "csp-header-invalid"
    assert csp("default-src 'self'; script-src 'nonce-x' 'strict-dynamic' https:") == "csp-implemented-with-no-unsafe"
    assert csp("default-src 'self' \x7f") == "csp-header-invalid"


def test_hsts_shorter_than_six_months_missing_or_over_http_is_penalised():
    def hsts(value=None, **kw):
        replace = {"Strict-Transport-Security": value} if value else {}
        drop = {"Strict-Transport-Security"} if value is None else ()
        report = crafted(replace, drop=drop, **kw)
        return report.results["strict-transport-security"], report.modifier("strict-transport-security")

    assert hsts("max-age=15552000") == ("hsts-implemented-max-age-at-least-six-months", 0)
    assert hsts("max-age=15551999") == ("hsts-implemented-max-age-less-than-six-months", -10)
    assert hsts("includeSubDomains") == ("hsts-header-invalid", -20)
    assert hsts() == ("hsts-not-implemented", -20)
    assert hsts("max-age=31536000", url="http://site.example/", chain=["http://site.example/"]) == (
        "hsts-not-implemented-no-https",
        -20,
    )


def test_cookies():
    def cookie(*values):
        report = crafted(add=[("Set-Cookie", value) for value in values])
        return report.results["cookies"]

    assert cookie() == "cookies-not-found"
    assert cookie("sessionid=1; Secure; HttpOnly; SameSite=Lax") == "cookies-secure-with-httponly-sessions-and-samesite"
    assert cookie("theme=dark; Secure") == "cookies-secure-with-httponly-sessions"
    assert cookie("sessionid=1; Secure; SameSite=Lax") == "cookies-session-without-httponly-flag"
    assert cookie("csrftoken=1; Secure") == "cookies-anticsrf-without-samesite-flag"
    assert cookie("theme=dark; SameSite=Lax") == "cookies-without-secure-flag-but-protected-by-hsts"
    assert cookie("theme=dark; Secure; SameSite=Sometimes") == "cookies-samesite-flag-invalid"
    # The worst cookie decides.
    assert cookie("theme=dark; Secure; SameSite=Lax", "sessionid=1; HttpOnly; SameSite=Lax") == (
        "cookies-session-without-secure-flag-but-protected-by-hsts"
    )
    assert MODIFIERS["cookies-session-without-secure-flag"] == -40


def test_frame_options_referrer_policy_and_content_type_options():
    bare = crafted(drop={"X-Frame-Options", "Content-Security-Policy"})
    assert bare.results["x-frame-options"] == "x-frame-options-not-implemented"
    assert bare.modifier("x-frame-options") == -20
    assert crafted({"Referrer-Policy": "unsafe-url"}).results["referrer-policy"] == "referrer-policy-unsafe"
    assert crafted({"Referrer-Policy": "no-referrer, whatever"}).results["referrer-policy"] == "referrer-policy-private"
    assert crafted(drop={"X-Content-Type-Options"}).modifier("x-content-type-options") == -5


def test_cross_origin_headers():
    assert crafted(add=[("Cross-Origin-Resource-Policy", "same-origin")]).score == 125
    assert crafted(add=[("Cross-Origin-Resource-Policy", "nobody")]).modifier("cross-origin-resource-policy") == -5
    reflected = [("Access-Control-Allow-Origin", Answer.probe_origin), ("Access-Control-Allow-Credentials", "true")]
    universal = crafted(origin_probe=reflected)
    assert universal.results["cross-origin-resource-sharing"] == (
        "cross-origin-resource-sharing-implemented-with-universal-access"
    )
    assert universal.score == 50
    public = crafted(add=[("Access-Control-Allow-Origin", "*")])
    assert public.modifier("cross-origin-resource-sharing") == 0


def test_redirections():
    def redirection(chain):
        return crafted(chain=chain).results["redirection"]

    assert redirection(["http://site.example/"]) == "redirection-missing"
    assert redirection(["http://site.example/", "https://www.site.example/"]) == "redirection-off-host-from-http"
    assert redirection(["http://site.example/", "http://www.site.example/", "https://www.site.example/"]) == (
        "redirection-not-to-https-on-initial-redirection"
    )
    assert redirection(None) == "redirection-not-needed-no-http"


def test_subresource_integrity():
    def sri(body):
        return crafted(body=body).results["subresource-integrity"]

    assert sri("<p>no script</p>") == "sri-not-implemented-but-no-scripts-loaded"
    assert sri('<script src="/a.js"></script>') == "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
    assert sri('<script src="https://cdn.other.example/a.js"></script>') == (
        "sri-not-implemented-but-external-scripts-loaded-securely"
    )
    assert sri('<script src="https://cdn.other.example/a.js" integrity="sha384-x"></script>') == (
        "sri-implemented-and-external-scripts-loaded-securely"
    )
    assert sri('<script src="http://cdn.other.example/a.js"></script>') == (
        "sri-not-implemented-and-external-scripts-not-loaded-securely"
    )


def test_grades_follow_the_published_chart():
    chart = {145: "A+", 100: "A+", 99: "A", 90: "A", 89: "A-", 85: "A-", 84: "B+", 79: "B", 65: "B-", 64: "C+"}
    chart |= {50: "C", 49: "C-", 44: "D+", 39: "D", 29: "D-", 24: "F", 0: "F"}
    for value, letter in chart.items():
        assert grade(value) == letter, value


def test_only_successful_answers_are_scored():
    with pytest.raises(ValueError, match="2xx"):
        score(Answer("https://site.example/", 404, GOOD))
