"""Copies of every table of the test database, to put a whole state back in a fraction of a second.

Building the demo site (``load_demo``) takes seconds; copying its rows back takes milliseconds. A
test process builds the demo once, keeps a copy of its tables, and each test that wants the demo
gets the rows copied into its own transaction (rolled back with the test) or, for a transactional
test, committed (and flushed by pytest-django afterwards).

The copies live beside the test database and go with it: on SQLite a file attached to the
connection (made with ``VACUUM INTO``), on PostgreSQL a schema of the test database.
"""

import re
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import transaction

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
        self.folder = Path(tempfile.mkdtemp(prefix="portal-test-snapshots-")) if self.is_sqlite else None

    @property
    def is_sqlite(self):
        return self.connection.vendor == "sqlite"

    def schema(self, name):
        return f"snapshot_{name}"

    # --- the tables ---------------------------------------------------------------------------

    def tables(self, schema=None):
        """(table, columns or None for "all of them") in the live database, or in a snapshot."""
        with self.connection.cursor() as cursor:
            if self.is_sqlite:
                prefix = quote(schema or "main")
                cursor.execute(f"SELECT name, sql FROM {prefix}.sqlite_master WHERE type = 'table'")  # noqa: S608
                rows = cursor.fetchall()
                virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
                cursor.execute(f"SELECT sql FROM {prefix}.sqlite_master WHERE type = 'trigger'")  # noqa: S608
                trigger_bodies = " ".join(sql.split("BEGIN", 1)[-1] for (sql,) in cursor.fetchall())
                tables = []
                for name, _sql in sorted(rows):
                    if name.startswith("sqlite_") or name in SKIPPED_TABLES:
                        continue
                    if any(name.startswith(f"{v}_") for v in virtual if v != name):
                        continue  # shadow tables of a full-text index are written through the index itself
                    if re.search(rf"\b{re.escape(name)}\b", trigger_bodies):
                        continue  # kept up to date by triggers (Wagtail's full-text index on SQLite)
                    columns = None
                    if name in virtual:
                        cursor.execute(f"PRAGMA {prefix}.table_info({quote(name)})")
                        columns = ["rowid", *(row[1] for row in cursor.fetchall())]
                    tables.append((name, columns))
                return tables
            cursor.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = coalesce(%s, current_schema()) AND table_type = 'BASE TABLE'",
                [schema],
            )
            return [(name, None) for (name,) in sorted(cursor.fetchall()) if name not in SKIPPED_TABLES]

    # --- taking and restoring ----------------------------------------------------------------

    def take(self, name):
        """Copy every table as it is now (committed; not inside a transaction)."""
        if self.connection.in_atomic_block:
            raise RuntimeError("a snapshot is taken outside any transaction")
        self.drop(name)
        with self.connection.cursor() as cursor:
            if self.is_sqlite:
                path = self.folder / f"{name}.sqlite3"
                cursor.execute("VACUUM INTO %s", [str(path)])
                cursor.execute("ATTACH DATABASE %s AS " + quote(self.schema(name)), [str(path)])
            else:
                schema = quote(self.schema(name))
                cursor.execute(f"CREATE SCHEMA {schema}")
                for table, _columns in self.tables():
                    cursor.execute(f"CREATE TABLE {schema}.{quote(table)} AS TABLE {quote(table)}")
        self.names.append(name)

    def restore(self, name):
        """Make every table hold the rows of the snapshot: inside the current transaction if there
        is one (so a test's rollback undoes it), committed otherwise."""
        if self.is_sqlite:
            self._attach(name)
        schema = quote(self.schema(name))
        tables = self.tables()
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            # Foreign keys are checked at the end of the transaction, so the order of the tables does
            # not matter. On SQLite the "WHERE 1"s matter: a bare DELETE empties a table in one step,
            # and a bare INSERT ... SELECT * copies rows as they are, both unseen by the foreign key
            # bookkeeping, which then reports violations that are not there.
            if self.is_sqlite:
                for table, _columns in tables:
                    cursor.execute(f"DELETE FROM {quote(table)} WHERE 1")  # noqa: S608
            else:
                cursor.execute("TRUNCATE " + ", ".join(quote(table) for table, _columns in tables))
            for table, columns in tables:
                names = ", ".join(quote(column) for column in columns) if columns else "*"
                into = f"{quote(table)} ({names})" if columns else quote(table)
                cursor.execute(f"INSERT INTO {into} SELECT {names} FROM {schema}.{quote(table)} WHERE 1=1")  # noqa: S608
            if self.is_sqlite:
                # The AUTOINCREMENT counters, so new rows get the ids they would have had.
                cursor.execute("DELETE FROM main.sqlite_sequence")
                cursor.execute(f"INSERT INTO main.sqlite_sequence SELECT * FROM {schema}.sqlite_sequence")  # noqa: S608
            else:
                # Sequences past the copied ids (PostgreSQL does not roll sequences back: harmless gaps).
                models = apps.get_models(include_auto_created=True)
                for statement in self.connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)

    def _attach(self, name):
        """An SQLite file database closed and opened again (in-memory ones never are) forgets its
        attachments; a snapshot can be attached again outside a transaction."""
        with self.connection.cursor() as cursor:
            cursor.execute("PRAGMA database_list")
            if self.schema(name) in {row[1] for row in cursor.fetchall()}:
                return
            if self.connection.in_atomic_block:
                raise RuntimeError(f"snapshot {name} is no longer attached and cannot be inside a transaction")
            cursor.execute("ATTACH DATABASE %s AS " + quote(self.schema(name)), [str(self.folder / f"{name}.sqlite3")])

    def drop(self, name):
        with self.connection.cursor() as cursor:
            if self.is_sqlite:
                cursor.execute("PRAGMA database_list")
                if self.schema(name) in {row[1] for row in cursor.fetchall()}:
                    cursor.execute("DETACH DATABASE " + quote(self.schema(name)))
                (self.folder / f"{name}.sqlite3").unlink(missing_ok=True)
            else:
                cursor.execute(f"DROP SCHEMA IF EXISTS {quote(self.schema(name))} CASCADE")
        if name in self.names:
            self.names.remove(name)

    def drop_all(self):
        for name in list(self.names):
            self.drop(name)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
