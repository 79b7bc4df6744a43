"""Helpers shared by test modules: the form data the Wagtail admin posts (for tests that drive the
admin like a browser), and migrating the test database to a given state."""

import functools
import json
import os
import subprocess
import sys

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from bs4 import BeautifulSoup
from csp.constants import NONCE


def partner_form(page, **overrides):
    """What the admin edit form posts for a partner page."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "logo": "",
        "logo_alt": page.logo_alt,
        "short_description": page.short_description,
        "body": streamfield([]),
        "website": page.website,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "commune": page.commune,
        "mastodon_url": "",
        "linkedin_url": "",
        "facebook_url": "",
        "instagram_url": "",
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def assert_no_script(html):
    """No script element with our payload, no on* handler, no javascript: URL anywhere."""
    document = BeautifulSoup(html, "html.parser")
    for tag in document.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        for name in ("href", "src", "action", "formaction"):
            assert not str(tag.get(name, "")).strip().lower().startswith("javascript:"), tag
    executable = [
        script
        for script in document.find_all("script")
        if script.get("type", "text/javascript") != "application/ld+json"
    ]
    assert not [script for script in executable if "alert" in script.get_text()]
    # JSON-LD is data, but a "</script>" inside it would end the element early.
    for data in document.find_all("script", type="application/ld+json"):
        assert "<" not in data.get_text()


def migrate_to(targets):
    """Migrate the database to ``targets``; returns the models as the migrations applied so far
    define them (what a database made then holds)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


def migrate_to_latest():
    """Apply every migration (what a deployment does after a test built an old state)."""
    return migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())


# The settings that make production's response headers, as production.py sets them.
PRODUCTION_HEADER_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
]


@functools.cache
def production_header_settings(**environment):
    """Those settings read from portal.settings.production in a fresh interpreter (it cannot be
    imported next to the test settings: base.py has already read SECRET_KEY), for override_settings.
    django-csp's NONCE marker travels as a string and comes back as itself."""
    code = (
        "import json; from django.conf import settings; from csp.constants import NONCE; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_HEADER_SETTINGS!r}}}, "
        "default=lambda value: '__NONCE__' if value is NONCE else list(value)))"
    )
    dropped = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 60, **environment)
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for name, sources in directives.items():
        if isinstance(sources, list):
            directives[name] = [NONCE if source == "__NONCE__" else source for source in sources]
    return values
