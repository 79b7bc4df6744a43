"""Brakes on the admin's doors (issue 14, finding 5).

Logins are counted by django-axes (settings: AXES_*); this module draws its lockout answer and
limits password reset requests, which axes does not cover.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse

logger = logging.getLogger("portal.throttle")

HOUR = 3600


def lockout_response(request, original_response=None, credentials=None):
    """axes' AXES_LOCKOUT_CALLABLE: the admin's login look, in the visitor's language, a 429."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def _count(key):
    """Add one to an hourly counter and answer the new count (atomic where the cache is)."""
    cache.add(key, 0, HOUR)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, HOUR)
        return 1


def _digest(value):
    # Cache keys hold no e-mail address in clear (Redis is shared with other uses).
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


class PasswordResetThrottleMiddleware:
    """Limits POSTs to the admin's password reset form, per client address and per e-mail.

    Over the address limit: a 429 with the reset form's look. Over the e-mail limit: the usual
    "check your e-mail" page and no mail, so the answer never tells whether the address exists.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse("wagtailadmin_password_reset"):
            refused = self._refused(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _refused(self, request):
        address = request.META.get("REMOTE_ADDR", "")
        if _count(f"pwreset:addr:{_digest(address)}") > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
            logger.warning("password reset requests over the hourly limit from %s", address)
            response = render(request, "accounts/reset_throttled.html", status=429)
            response["Retry-After"] = str(HOUR)
            return response
        email = request.POST.get("email", "")
        if email and _count(f"pwreset:email:{_digest(email)}") > settings.PASSWORD_RESET_LIMIT_PER_EMAIL:
            logger.warning("password reset mails over the hourly limit for one address (from %s)", address)
            return redirect("wagtailadmin_password_reset_done")
        return None
