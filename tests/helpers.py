"""Helpers shared by test modules: the form data the Wagtail admin posts (for tests that drive the
admin like a browser), and migrating the test database to a given state."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from bs4 import BeautifulSoup


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
