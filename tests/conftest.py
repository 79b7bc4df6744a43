from io import StringIO

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from wagtail.models import Page

import pytest

from campaigns.models import LaureateSponsor
from home.models import _LOCALE_IDS
from partners.roles import OFFICERS_GROUP, ensure_partner_group, setup_roles
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    LaureatePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    build_site,
)
from tests.snapshots import TableSnapshots


def empty_caches():
    for cache in caches.all():
        cache.clear()
    _LOCALE_IDS.clear()
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Wagtail caches renditions by image id; ids come back after a rollback, so a test could
    otherwise see another test's rendition."""
    empty_caches()


class DemoBuild:
    """The demo site as ``load_demo`` built it once in this test process (each xdist worker has
    its own database, so its own build)."""

    def __init__(self, snapshots, output):
        self.snapshots = snapshots
        self.output = output  # what load_demo printed

    def restore(self):
        self.snapshots.restore("demo")
        empty_caches()


@pytest.fixture(scope="session")
def _demo_build(django_db_setup, django_db_blocker):
    """Runs load_demo once, keeps a copy of every table, and puts the database back as it was.

    Built on first use, before the test's own transaction is opened (session fixtures come first).
    Media files (images, share images) stay in this process's MEDIA_ROOT, as load_demo left them.
    """
    with django_db_blocker.unblock():
        snapshots = TableSnapshots(connection)
        snapshots.take("before")
        output = StringIO()
        call_command("load_demo", stdout=output)
        snapshots.take("demo")
        snapshots.restore("before")
        snapshots.drop("before")
    empty_caches()
    yield DemoBuild(snapshots, output.getvalue())
    with django_db_blocker.unblock():
        snapshots.drop_all()


@pytest.fixture
def demo(db, _demo_build):
    """The whole demo site (what ``manage.py load_demo`` builds), copied into this test's database.

    Copied, not rebuilt: the rows come back in milliseconds. In a plain test the copy is part of the
    test's transaction and goes with its rollback; in a transactional test (browser tests on
    PostgreSQL) it is committed and pytest-django's flush removes it afterwards.
    """
    _demo_build.restore()
    return _demo_build


@pytest.fixture
def site_tree(db):
    """French and English home pages; Wagtail's welcome page removed."""
    Page.objects.filter(depth=2, slug="home").delete()
    home, home_en = build_site()
    return {"home": home, "home_en": home_en}


@pytest.fixture
def partner_tree(site_tree, django_user_model):
    index = PartnerIndexPageFactory(parent=site_tree["home"], slug="partenaires")
    partner_a = PartnerPageFactory(parent=index, title="Atelier A", slug="atelier-a", kind="association")
    partner_b = PartnerPageFactory(parent=index, title="Bureau B", slug="bureau-b", kind="company")
    calls = CallIndexPageFactory(parent=site_tree["home"], slug="appels")
    call = CallPageFactory(parent=calls, slug="appel")
    laureate = LaureatePageFactory(parent=call, slug="laureat", title="Lauréat sponsorisé")
    LaureateSponsor.objects.create(laureate=laureate, partner=partner_a, role="parrain")
    setup_roles()
    officers = Group.objects.get(name=OFFICERS_GROUP)
    officer = django_user_model.objects.create_user("officer", "officer@example.org", "pw")
    officer.groups.add(officers)
    user_a = django_user_model.objects.create_user("user-a", "a@example.org", "pw")
    user_a.groups.add(ensure_partner_group(partner_a).group)
    return {
        **site_tree,
        "index": index,
        "a": partner_a,
        "b": partner_b,
        "call": call,
        "laureate": laureate,
        "officer": officer,
        "user_a": user_a,
    }


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests (French stemming) are deselected, and said so, on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if postgres_only:
        config.hook.pytest_deselected(items=postgres_only)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        if hasattr(config, "workeroutput"):
            # An xdist worker: nobody sees its terminal; the controller says it (see below).
            config.workeroutput["postgres_deselected"] = [item.nodeid for item in postgres_only]
        else:
            config.get_terminal_writer().line(postgres_deselected_message(len(postgres_only)))


def postgres_deselected_message(count):
    return f"{count} PostgreSQL-only search tests deselected (SQLite has no French stemmer)."


_deselected_by_workers = set()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist controller: collect what the workers deselected (each collects the whole suite)."""
    _deselected_by_workers.update(getattr(node, "workeroutput", {}).get("postgres_deselected", []))


def pytest_terminal_summary(terminalreporter):
    if _deselected_by_workers:
        terminalreporter.write_line(postgres_deselected_message(len(_deselected_by_workers)))
        # Counted in the closing "N passed, N deselected" line, as without xdist.
        terminalreporter.stats.setdefault("deselected", []).extend(sorted(_deselected_by_workers))
