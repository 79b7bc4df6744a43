"""Score a page's security headers offline, by the MDN HTTP Observatory's published rules.

    python scripts/observatory.py https://portail.example.org/
    python scripts/observatory.py --behind-proxy http://127.0.0.1:8000/laureats/

prints each test's result and modifier, then the score and the grade. ``--behind-proxy`` is for an
application server reached over plain HTTP behind its TLS proxy (``make serve-prod``): the page is
asked with ``X-Forwarded-Proto: https`` as the proxy would, and scored as the https site.

The rules are those of the MDN HTTP Observatory's "Tests and scoring" page and its open-source
grader (ten tests, baseline 100, penalties first, bonuses only when the score is 90 or more, A+ from
100), written anew here. What this scorer cannot see offline, it says: the HSTS preload list is not
consulted (no preload bonus), a script's "same site" is its host's last two labels (no public suffix
list), and a CSP given in a <meta> tag is not read.

``score(...)`` is the function the tests call; it takes what was answered, fetches nothing."""

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

MINIMUM_SCORE_FOR_BONUSES = 90
SIX_MONTHS = 15_552_000  # the grader's figure ("a white lie" under 15 768 000)
GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+")]
GRADES += [(50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]

# Every result a test can give, with its modifier (the published score table).
MODIFIERS = {
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    "redirection-to-https": 0,
    "redirection-not-needed-no-http": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    "hsts-not-implemented-no-https": -20,
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-implemented-and-external-scripts-loaded-securely": 5,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-implemented-but-external-scripts-not-loaded-securely": -20,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-allow-from-origin": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    "cross-origin-resource-policy-implemented-with-same-origin": 10,
    "cross-origin-resource-policy-implemented-with-same-site": 10,
    "cross-origin-resource-policy-implemented-with-cross-origin": 0,
    "cross-origin-resource-policy-not-implemented": 0,
    "cross-origin-resource-policy-header-invalid": -5,
}
TESTS = [
    "content-security-policy",
    "cookies",
    "cross-origin-resource-sharing",
    "redirection",
    "referrer-policy",
    "strict-transport-security",
    "subresource-integrity",
    "x-content-type-options",
    "x-frame-options",
    "cross-origin-resource-policy",
]


@dataclass
class Answer:
    """What the site answered for one page: its address (after redirects), status, headers as
    (name, value) pairs (Set-Cookie may come several times), body; ``http_chain``: the addresses
    the plain-http address of the same page led to, itself first (None: no answer over http);
    ``origin_probe``: the headers answered to a request carrying a foreign Origin (CORS)."""

    url: str
    status: int
    headers: list
    body: str = ""
    http_chain: list | None = None
    origin_probe: list | None = None
    probe_origin: str = "https://observatory.invalid"

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def first(self, name):
        values = self.all(name)
        return values[0] if values else None

    @property
    def https(self):
        return urlsplit(self.url).scheme == "https"


@dataclass
class Report:
    results: dict = field(default_factory=dict)  # test name -> result name

    def modifier(self, test):
        return MODIFIERS[self.results[test]]

    @property
    def penalties(self):
        return sum(min(0, self.modifier(test)) for test in self.results)

    @property
    def score(self):
        score = 100 + self.penalties
        if score >= MINIMUM_SCORE_FOR_BONUSES:
            score += sum(max(0, self.modifier(test)) for test in self.results)
        return max(score, 0)

    @property
    def grade(self):
        return grade(self.score)

    def lines(self):
        for test in TESTS:
            yield f"{self.modifier(test):+4d}  {test}: {self.results[test]}"
        yield f"score {self.score}, grade {self.grade}"


def grade(score):
    return next(letter for floor, letter in GRADES if score >= floor)


# --- Content-Security-Policy -----------------------------------------------------------------

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'nonce-", "'sha256-", "'sha384-", "'sha512-")
DIRECTIVE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
SOURCE = re.compile(r"^[\x21-\x2b\x2d-\x3a\x3c-\x7e]+$")  # visible ASCII but "," and ";"


class InvalidPolicy(ValueError):
    pass


def parse_policy(headers):
    """{directive: set of sources} of the Content-Security-Policy headers (several policies:
    a directive counts from the first policy that sets it)."""
    policy = {}
    for header in headers:
        for text in header.split(","):
            seen = set()
            for part in text.split(";"):
                tokens = part.split()
                if not tokens:
                    continue
                name = tokens[0].lower()
                if not DIRECTIVE_NAME.match(name) or not all(SOURCE.match(token) for token in tokens[1:]):
                    raise InvalidPolicy(part)
                if name in seen:  # a browser ignores a repeated directive
                    continue
                seen.add(name)
                policy.setdefault(name, {token.lower() for token in tokens[1:]} or {"'none'"})
    return policy


def content_security_policy(answer):
    try:
        policy = parse_policy(answer.all("Content-Security-Policy"))
    except InvalidPolicy:
        return "csp-header-invalid"
    if not policy:
        return "csp-not-implemented"

    def sources(name, fallback=True):
        found = policy.get(name) or (policy.get("default-src") if fallback else None)
        return set(found) if found else {"*"}

    script, style, objects = sources("script-src"), sources("style-src"), sources("object-src")
    for sources_ in (script, style):  # a nonce or a hash turns 'unsafe-inline' off
        if any(source.startswith(NONCE_OR_HASH) for source in sources_):
            sources_.discard("'unsafe-inline'")
    if "'strict-dynamic'" in script:
        if not any(source.startswith(NONCE_OR_HASH) for source in script):
            return "csp-header-invalid"
        script = {
            source
            for source in script
            if source not in ("'self'", "'unsafe-inline'") and not any(source.startswith(b) for b in BROAD)
        }
    passive = {"img-src", "media-src"}
    active = [s for name, values in policy.items() if name not in passive | {"script-src"} for s in values]
    active += script
    passive_sources = [s for name in passive for s in (policy.get(name) or policy.get("default-src") or ())]

    def insecure(values):
        return any(source.startswith(("http:", "ftp:")) for source in values)

    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline"
    if answer.https and insecure(active):
        return "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval"
    if answer.https and insecure(passive_sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only"
    if policy.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none"
    return "csp-implemented-with-no-unsafe"


# --- cookies ------------------------------------------------------------------------------------

COOKIE_BADNESS = [  # best first: a cookie only ever makes the result worse
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
]


def parse_cookie(header):
    """(name, {attribute: value}) of one Set-Cookie header; flags have the value True."""
    name_value, *parts = header.split(";")
    attributes = {}
    for part in parts:
        key, has_value, value = part.strip().partition("=")
        attributes[key.strip().lower()] = value.strip() if has_value else True
    return name_value.split("=", 1)[0].strip(), attributes


def cookies(answer):
    found = [parse_cookie(header) for header in answer.all("Set-Cookie")]
    if not found:
        return "cookies-not-found"
    hsts = strict_transport_security(answer) == "hsts-implemented-max-age-at-least-six-months"
    worst = -1

    def worse(result):
        nonlocal worst
        worst = max(worst, COOKIE_BADNESS.index(result))

    all_same_site = True
    for name, attributes in found:
        session, anticsrf = any(word in name.lower() for word in ("login", "sess")), "csrf" in name.lower()
        secure, same_site = attributes.get("secure") is True, attributes.get("samesite")
        if same_site is not None and str(same_site).lower() not in ("lax", "strict", "none"):
            worse("cookies-samesite-flag-invalid")
        if not secure and str(same_site).lower() == "none":
            worse("cookies-samesite-flag-invalid")
        if not secure:
            worse("cookies-without-secure-flag-but-protected-by-hsts" if hsts else "cookies-without-secure-flag")
        if anticsrf and not same_site:
            worse("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts
                else "cookies-session-without-secure-flag"
            )
        if session and attributes.get("httponly") is not True:
            worse("cookies-session-without-httponly-flag")
        all_same_site = all_same_site and bool(same_site)
    if worst >= 0:
        return COOKIE_BADNESS[worst]
    return (
        "cookies-secure-with-httponly-sessions-and-samesite"
        if all_same_site
        else "cookies-secure-with-httponly-sessions"
    )


# --- the other headers -------------------------------------------------------------------------


def cross_origin_resource_sharing(answer):
    probe = Answer(answer.url, answer.status, answer.origin_probe or [])
    origin = probe.first("Access-Control-Allow-Origin") or answer.first("Access-Control-Allow-Origin")
    credentials = (probe.first("Access-Control-Allow-Credentials") or "").strip().lower() == "true"
    if origin is None:
        return "cross-origin-resource-sharing-not-implemented"
    if origin.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access"
    if origin.strip() == answer.probe_origin and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access"
    return "cross-origin-resource-sharing-implemented-with-restricted-access"


def redirection(answer):
    chain = answer.http_chain
    if chain is None:
        return "redirection-not-needed-no-http"
    if len(chain) == 1 or urlsplit(chain[-1]).scheme != "https":
        return "redirection-missing" if len(chain) == 1 else "redirection-not-to-https"
    first = urlsplit(chain[1])
    if first.scheme != "https":
        return "redirection-not-to-https-on-initial-redirection"
    if first.hostname != urlsplit(chain[0]).hostname:
        return "redirection-off-host-from-http"
    return "redirection-to-https"


REFERRER_PRIVATE = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
REFERRER_UNSAFE = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}


def referrer_policy(answer):
    values = answer.all("Referrer-Policy") + _page(answer).meta_referrer
    if not values:
        return "referrer-policy-not-implemented"
    known = [v.strip().lower() for value in values for v in value.split(",")]
    known = [v for v in known if v in REFERRER_PRIVATE | REFERRER_UNSAFE]
    if not known:
        return "referrer-policy-header-invalid"
    return "referrer-policy-private" if known[-1] in REFERRER_PRIVATE else "referrer-policy-unsafe"


def strict_transport_security(answer):
    if not answer.https:
        return "hsts-not-implemented-no-https"
    header = answer.first("Strict-Transport-Security")
    if header is None:
        return "hsts-not-implemented"
    if "," in header:
        return "hsts-header-invalid"
    max_age = None
    for parameter in header.split(";"):
        parameter = parameter.strip().lower()
        if parameter.startswith("max-age="):
            digits = re.match(r"\d+", parameter[8:].strip('"'))
            max_age = int(digits.group()) if digits else None
    if max_age is None:
        return "hsts-header-invalid"
    return (
        "hsts-implemented-max-age-at-least-six-months"
        if max_age >= SIX_MONTHS
        else "hsts-implemented-max-age-less-than-six-months"
    )


SRI_BADNESS = [
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-implemented-but-external-scripts-not-loaded-securely",
    "sri-not-implemented-but-external-scripts-loaded-securely",
    "sri-not-implemented-and-external-scripts-not-loaded-securely",
]


def _site(host):
    return ".".join((host or "").split(".")[-2:])


def subresource_integrity(answer):
    content_type = (answer.first("Content-Type") or "").split(";")[0].strip().lower()
    if content_type and content_type not in ("text/html", "application/xhtml+xml"):
        return "sri-not-implemented-response-not-html"
    page = _page(answer)
    if not page.scripts:
        return "sri-not-implemented-but-no-scripts-loaded"
    result, foreign = None, False

    def worse(candidate):
        nonlocal result
        if result is None or SRI_BADNESS.index(candidate) > SRI_BADNESS.index(result):
            result = candidate

    for src, integrity in page.scripts:
        if src is None:
            continue
        if src.startswith("//"):
            same_site, secure = True, False
            relative = False
        elif re.match(r"^https?://", src, re.IGNORECASE):
            same_site = _site(urlsplit(src).hostname) == _site(urlsplit(answer.url).hostname)
            secure, relative = src.lower().startswith("https://"), False
        else:
            same_site, relative = True, True
            secure = answer.https
        if relative or (same_site and not src.startswith("//")):
            if integrity and secure and result is None:
                result = "sri-implemented-and-all-scripts-loaded-securely"
            continue
        foreign = True
        if integrity and not secure:
            worse("sri-implemented-but-external-scripts-not-loaded-securely")
        elif not integrity and secure:
            worse("sri-not-implemented-but-external-scripts-loaded-securely")
        elif not integrity:
            worse("sri-not-implemented-and-external-scripts-not-loaded-securely")
    if result:
        return result
    if foreign:
        return "sri-implemented-and-external-scripts-loaded-securely"
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"


def x_content_type_options(answer):
    header = answer.first("X-Content-Type-Options")
    if header is None:
        return "x-content-type-options-not-implemented"
    return (
        "x-content-type-options-nosniff"
        if header.strip().lower() == "nosniff"
        else "x-content-type-options-header-invalid"
    )


def x_frame_options(answer):
    try:
        if "frame-ancestors" in parse_policy(answer.all("Content-Security-Policy")):
            return "x-frame-options-implemented-via-csp"
    except InvalidPolicy:
        pass
    header = answer.first("X-Frame-Options")
    if header is None:
        return "x-frame-options-not-implemented"
    value = header.strip().lower()
    if value in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny"
    return "x-frame-options-allow-from-origin" if value.startswith("allow-from") else "x-frame-options-header-invalid"


def cross_origin_resource_policy(answer):
    header = answer.first("Cross-Origin-Resource-Policy")
    if header is None:
        return "cross-origin-resource-policy-not-implemented"
    value = header.strip().lower()
    return {
        "same-origin": "cross-origin-resource-policy-implemented-with-same-origin",
        "same-site": "cross-origin-resource-policy-implemented-with-same-site",
        "cross-origin": "cross-origin-resource-policy-implemented-with-cross-origin",
    }.get(value, "cross-origin-resource-policy-header-invalid")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.meta_referrer = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append((attrs.get("src"), attrs.get("integrity")))
        elif tag == "meta" and (attrs.get("name") or "").lower() == "referrer" and attrs.get("content"):
            self.meta_referrer.append(attrs["content"])


def _page(answer):
    page = _Page()
    page.feed(answer.body or "")
    return page


SCORERS = {
    "content-security-policy": content_security_policy,
    "cookies": cookies,
    "cross-origin-resource-sharing": cross_origin_resource_sharing,
    "redirection": redirection,
    "referrer-policy": referrer_policy,
    "strict-transport-security": strict_transport_security,
    "subresource-integrity": subresource_integrity,
    "x-content-type-options": x_content_type_options,
    "x-frame-options": x_frame_options,
    "cross-origin-resource-policy": cross_origin_resource_policy,
}


def score(answer):
    """The Report (each test's result, score, grade) of one page's answer."""
    if not 200 <= answer.status < 300:
        raise ValueError(f"{answer.url} answered {answer.status}: the Observatory scores 2xx answers only")
    return Report({test: SCORERS[test](answer) for test in TESTS})


# --- against a running site ------------------------------------------------------------------------


def fetch(url, behind_proxy=False, timeout=10):
    """The Answer of a running site for ``url`` (redirects followed, as the Observatory does)."""
    import requests  # only the command needs it

    proxy = {"X-Forwarded-Proto": "https"} if behind_proxy else {}
    response = requests.get(url, headers=proxy, timeout=timeout)
    final = response.url
    if behind_proxy:
        final = "https://" + final.split("://", 1)[1]
    headers = list(response.raw.headers.items())  # every Set-Cookie, not requests' merged one
    parts = urlsplit(final)
    http_url = parts._replace(scheme="http").geturl() if not behind_proxy else url
    chain = [http_url]
    try:
        for _ in range(10):
            hop = requests.get(chain[-1], allow_redirects=False, timeout=timeout)
            if not hop.is_redirect:
                break
            chain.append(urljoin(chain[-1], hop.headers["Location"]))
            if urlsplit(chain[-1]).scheme == "https":
                break
    except requests.ConnectionError:
        chain = None
    probe = Answer.probe_origin
    origin = requests.get(final if not behind_proxy else url, headers={**proxy, "Origin": probe}, timeout=timeout)
    return Answer(final, response.status_code, headers, response.text, chain, list(origin.headers.items()))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="+")
    parser.add_argument("--behind-proxy", action="store_true", help="ask as the TLS proxy would")
    args = parser.parse_args(argv)
    grades = []
    for url in args.url:
        report = score(fetch(url, args.behind_proxy))
        print(url)
        for line in report.lines():
            print("  " + line)
        grades.append(report.grade)
    return 0 if all(letter == "A+" for letter in grades) else 1


if __name__ == "__main__":
    sys.exit(main())
