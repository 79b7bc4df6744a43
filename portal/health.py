"""Health check for the load balancer: 200 when the database (and the cache) answer, 503 otherwise.

One ``SELECT 1`` and one cache round trip; no session, no cookie, never cached. The answer says
which part failed, not why (the reason goes to the log: it may name hosts).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("portal.health")


def _database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    # A key of its own per check: several workers check at once.
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


CHECKS = {"database": (_database, DatabaseError), "cache": (_cache, Exception)}


@never_cache
@require_safe
def healthz(request):
    checks = {}
    for name, (check, errors) in CHECKS.items():
        try:
            ok = check()
        except errors as error:  # the cache client's errors have no common base class
            logger.warning("health check: %s unavailable: %s", name, error)
            ok = False
        checks[name] = "ok" if ok else "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    status = "ok" if healthy else "unavailable"
    return JsonResponse({"status": status, "checks": checks}, status=200 if healthy else 503)
