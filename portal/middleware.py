"""Database down: a 503 maintenance answer instead of a 500 (see portal.maintenance)."""

import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

from .maintenance import maintenance_response

logger = logging.getLogger("portal.maintenance")

DATABASE_ERRORS = (OperationalError, InterfaceError)


class DatabaseUnavailableMiddleware:
    """Placed right after SecurityMiddleware and WhiteNoise, before anything that may touch the database.

    Each request first makes sure the database answers (opening the connection, or Django's
    health check of a kept one): a cursor, no query. If it cannot, the request gets the
    maintenance answer at once. A database error raised later by a view (the connection lost
    mid-request, a statement timeout) becomes the same answer through ``process_exception``, and
    one raised by another middleware through the 500 handler (``portal.errors.server_error``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Static files and media need no database; the health check reports the database itself.
        self.exempt = tuple(
            prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/healthz") if prefix and prefix != "/"
        )

    def __call__(self, request):
        if not request.path_info.startswith(self.exempt):
            try:
                connections[DEFAULT_DB_ALIAS].cursor().close()
            except DATABASE_ERRORS as error:
                # A warning, not an error: one mail per request would flood ADMINS while the
                # database is down; the load balancer's health check is the alarm.
                logger.warning("database unavailable, maintenance answer for %s: %s", request.path, error)
                return maintenance_response(request)
        response = self.get_response(request)
        if getattr(response, "is_maintenance", False):
            # Whatever an inner middleware added on the way out: a 503 sets no cookie.
            response.cookies.clear()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            # The database answered the connection but failed the request: worth a report.
            logger.error("database error, maintenance answer for %s", request.path, exc_info=exception)
            return maintenance_response(request)
        return None
