"""Connection and statement timeouts for the database named by DATABASE_URL."""


def database_timeouts(database, *, connect, statement):
    """Adds the timeouts to one DATABASES entry (in place) and returns it.

    PostgreSQL: ``connect_timeout`` (seconds, libpq) and ``statement_timeout`` (sent as
    ``-c statement_timeout=…ms`` when the connection opens; 0 = no limit). SQLite has no server to
    reach: ``timeout`` is how long a query waits for another process's write lock.
    """
    options = database.setdefault("OPTIONS", {})
    engine = database["ENGINE"]
    if engine == "django.db.backends.postgresql":
        options.setdefault("connect_timeout", connect)
        if statement:
            flag = f"-c statement_timeout={int(statement * 1000)}"
            options["options"] = f"{options['options']} {flag}" if options.get("options") else flag
    elif engine == "django.db.backends.sqlite3":
        options.setdefault("timeout", connect)
    return database
