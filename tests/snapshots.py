"""Copies of every table of the test database, to put a whole state back in a fraction of a second.

Building the demo site (``load_demo``) takes seconds; copying its rows back takes milliseconds. A
test process builds the demo once, keeps a copy of its tables, and each test that wants the demo
gets the rows copied into its own transaction (rolled back with the test) or, for a transactional
test, committed (and flushed by pytest-django afterwards).

The copies live in the test database itself, so every connection to it sees them (Playwright's
event loop makes Django open a second connection in the test thread): on PostgreSQL in a schema of
their own, on SQLite as tables whose names start with ``_snapshot_``. Neither is a Django model's
table, so flush and introspection of the models leave them alone; they go with the test database.
"""

import re

from django.apps import apps
from django.core.management.color import no_style
from django.db import transaction

PREFIX = "_snapshot_"
# Not copied: the record of applied migrations, which flush leaves alone too.
SKIPPED_TABLES = {"django_migrations"}


def quote(name):
    return '"' + name.replace('"', '""') + '"'


class TableSnapshots:
    """Named copies of the rows of every table; ``restore(name)`` makes the tables hold exactly those rows."""

    def __init__(self, connection):
        if connection.vendor not in ("sqlite", "postgresql"):
            raise NotImplementedError(f"no table snapshots for {connection.vendor}")
        self.connection = connection
        self.names = []

    @property
    def is_sqlite(self):
        return self.connection.vendor == "sqlite"

    def copy_of(self, name, table):
        """The quoted name of the copy of ``table`` in snapshot ``name``."""
        if self.is_sqlite:
            return quote(f"{PREFIX}{name}__{table}")
        return f"{quote(PREFIX + name)}.{quote(table)}"

    def tables(self):
        """[(table, columns)] of the live database; columns is None for "all of them, in order"."""
        with self.connection.cursor() as cursor:
            if not self.is_sqlite:
                cursor.execute(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                )
                return [(name, None) for (name,) in sorted(cursor.fetchall()) if name not in SKIPPED_TABLES]
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            rows = cursor.fetchall()
            virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
            trigger_bodies = " ".join(sql.split("BEGIN", 1)[-1] for (sql,) in cursor.fetchall())
            tables = []
            for name, _sql in sorted(rows):
                if name.startswith(("sqlite_", PREFIX)) or name in SKIPPED_TABLES:
                    continue
                if any(name.startswith(f"{v}_") for v in virtual if v != name):
                    continue  # shadow tables of a full-text index are written through the index itself
                if re.search(rf"\b{re.escape(name)}\b", trigger_bodies):
                    continue  # kept up to date by triggers (Wagtail's full-text index on SQLite)
                columns = None
                if name in virtual:  # a virtual table's rowid is not part of "*"
                    cursor.execute(f"PRAGMA table_info({quote(name)})")
                    columns = ["rowid", *(row[1] for row in cursor.fetchall())]
                tables.append((name, columns))
            return tables

    def row_counts(self):
        """{table: number of rows}, in one query."""
        tables = [table for table, _columns in self.tables()]
        counts = ", ".join(f"(SELECT count(*) FROM {quote(table)})" for table in tables)  # noqa: S608
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {counts}")
            return dict(zip(tables, cursor.fetchone(), strict=True))

    def take(self, name):
        """Copy every table as it is now."""
        self.drop(name)
        tables = self.tables()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            if not self.is_sqlite:
                cursor.execute(f"CREATE SCHEMA {quote(PREFIX + name)}")
            for table, columns in tables:
                names = ", ".join(quote(column) for column in columns) if columns else "*"
                cursor.execute(f"CREATE TABLE {self.copy_of(name, table)} AS SELECT {names} FROM {quote(table)}")  # noqa: S608
            if self.is_sqlite:
                cursor.execute(f"CREATE TABLE {self.copy_of(name, 'sqlite_sequence')} AS SELECT * FROM sqlite_sequence")  # noqa: S608
        self.names.append(name)

    def restore(self, name):
        """Make every table hold the rows of the snapshot: inside the current transaction if there
        is one (so a test's rollback undoes it), committed otherwise."""
        tables = self.tables()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            # Foreign keys are checked at the end of the transaction, so the order of the tables does
            # not matter. On SQLite the "WHERE"s matter: a bare DELETE empties a table in one step,
            # and a bare INSERT ... SELECT copies rows as they are, both unseen by the foreign key
            # bookkeeping, which then reports violations that are not there.
            # (DELETE rather than TRUNCATE on PostgreSQL too: these tables are small, and a TRUNCATE
            # in a test's transaction is slow to roll back.)
            where = "WHERE 1" if self.is_sqlite else ""
            for table, _columns in tables:
                cursor.execute(f"DELETE FROM {quote(table)} {where}")  # noqa: S608
            for table, columns in tables:
                names = ", ".join(quote(column) for column in columns) if columns else "*"
                into = f"{quote(table)} ({names})" if columns else quote(table)
                cursor.execute(f"INSERT INTO {into} SELECT {names} FROM {self.copy_of(name, table)} WHERE 1=1")  # noqa: S608
            if self.is_sqlite:
                # The AUTOINCREMENT counters, so new rows get the ids they would have had.
                cursor.execute("DELETE FROM sqlite_sequence")
                cursor.execute(f"INSERT INTO sqlite_sequence SELECT * FROM {self.copy_of(name, 'sqlite_sequence')}")  # noqa: S608
            else:
                # Sequences past the copied ids (PostgreSQL does not roll sequences back: harmless gaps).
                models = apps.get_models(include_auto_created=True)
                for statement in self.connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)

    def drop(self, name):
        with self.connection.cursor() as cursor:
            if not self.is_sqlite:
                cursor.execute(f"DROP SCHEMA IF EXISTS {quote(PREFIX + name)} CASCADE")
            else:
                start = f"{PREFIX}{name}__"
                cursor.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, %s) = %s",
                    [len(start), start],
                )
                for (table,) in cursor.fetchall():
                    cursor.execute(f"DROP TABLE {quote(table)}")
        if name in self.names:
            self.names.remove(name)

    def drop_all(self):
        for name in list(self.names):
            self.drop(name)
