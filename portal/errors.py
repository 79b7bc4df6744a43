"""The 500 handler: the maintenance answer for database errors, otherwise an honest 500 page."""

import sys

from django.conf import settings
from django.http import HttpResponseServerError
from django.template.loader import render_to_string

from home.nonces import csp_nonce

from .maintenance import maintenance_response
from .middleware import DATABASE_ERRORS


def errors_are_reported():
    """Errors are mailed to ADMINS (LOGGING's mail_admins handler) only when ADMINS is set."""
    return bool(settings.ADMINS)


def server_error(request):
    error = sys.exc_info()[1]
    # A database error raised by a middleware (the view's own go through the middleware).
    if isinstance(error, DATABASE_ERRORS) or isinstance(getattr(error, "__cause__", None), DATABASE_ERRORS):
        return maintenance_response(request)
    # No request context: no context processor may query a database that may be the problem.
    html = render_to_string("500.html", {"team_told": errors_are_reported(), "csp_nonce": csp_nonce(request)})
    return HttpResponseServerError(html)
