import sys
from contextlib import redirect_stdout
from io import StringIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, models
from django.utils import translation

import pytest

from home.models import _LOCALE_IDS
from tests.factories import make_partner_tree, make_site_tree
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


@pytest.fixture(autouse=True)
def _french_first():
    """Each test starts in French, the site's first language: a request leaves its language active
    in the thread, and a test reading a lazy string must not see the previous test's language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def refetch(value):
    """The same objects read again from the database (containers rebuilt, model instances re-read)."""
    if isinstance(value, models.Model):
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: refetch(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(refetch(item) for item in value)
    return value


class Build:
    """What a function left in the database, built once in this test process (each xdist worker
    has its own database, so its own builds) and copied into each test that asks for it."""

    def __init__(self, snapshots, name, result, output, counts_before):
        self.snapshots = snapshots
        self.name = name
        self.result = result
        self.output = output  # what the function printed on stdout
        self.counts_before = counts_before

    def restore(self):
        """Copy the rows in (within the test's transaction, if it has one) and return the
        function's result, its model instances read again."""
        if connection.in_atomic_block and self.snapshots.row_counts() != self.counts_before:
            # The copy replaces every row: something the test made before would silently vanish.
            raise RuntimeError(f"{self.name}: request this fixture before any fixture that writes to the database")
        self.snapshots.restore(self.name)
        empty_caches()
        return refetch(self.result)


@pytest.fixture(scope="session")
def build_once(django_db_setup, django_db_blocker):
    """build_once(name, function): run function once per test process, outside any test, keep a
    copy of every table as it leaves them, and put the database back as it was; returns a Build.

    Session fixtures come before the test's own transaction, so a fixture that calls this must be
    session-scoped too. Media files the function wrote stay in this process's MEDIA_ROOT.
    """
    snapshots = TableSnapshots(connection)
    builds = {}

    def build(name, function):
        if name not in builds:
            with django_db_blocker.unblock():
                counts_before = snapshots.row_counts()
                snapshots.take("before")
                try:
                    with redirect_stdout(StringIO()) as output:
                        result = function()
                    snapshots.take(name)
                finally:
                    snapshots.restore("before")
                    snapshots.drop("before")
            empty_caches()
            builds[name] = Build(snapshots, name, result, output.getvalue(), counts_before)
        return builds[name]

    yield build
    with django_db_blocker.unblock():
        snapshots.drop_all()


@pytest.fixture(scope="session")
def _demo_build(build_once):
    return build_once("demo", lambda: call_command("load_demo", stdout=sys.stdout))


@pytest.fixture
def demo(db, _demo_build):
    """The whole demo site (what ``manage.py load_demo`` builds, run once per test process),
    copied into this test's database; ``demo.output`` is what load_demo printed.

    Copied, not rebuilt: the rows come back in milliseconds. In a plain test the copy is part of the
    test's transaction and goes with its rollback; in a transactional test (browser tests on
    PostgreSQL) it is committed and pytest-django's flush removes it afterwards.
    """
    _demo_build.restore()
    return _demo_build


@pytest.fixture
def site_tree(db):
    return make_site_tree()


@pytest.fixture
def partner_tree(site_tree):
    return make_partner_tree(site_tree)


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
