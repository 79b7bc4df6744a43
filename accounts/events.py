"""Authentication events, one line each on the ``portal.security`` logger.

Logins, logouts and every two-factor step; wrong passwords and lockouts are already logged by
django-axes (logger ``axes``, a warning naming the account and the address), so not here again.
A line names the account and the client address, never a password, a code or a secret. Each
record carries ``security_event`` (the event's name) and ``user_id`` for log tools.
"""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out

logger = logging.getLogger("portal.security")

LOGIN = "login"
LOGOUT = "logout"
ENROLLED = "two_factor_enrolled"
ENROLMENT_FAILED = "two_factor_enrolment_code_refused"
VERIFIED = "two_factor_verified"
VERIFICATION_FAILED = "two_factor_verification_failed"
RECOVERY_CODE_USED = "recovery_code_used"
RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated"
DEVICE_REMOVED = "two_factor_removed"
RESET = "two_factor_reset"

WARNINGS = {ENROLMENT_FAILED, VERIFICATION_FAILED, RESET}


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def record(event, user, request=None, detail=""):
    """Log ``event`` for ``user``; ``detail`` is a short plain text (never a code)."""
    level = logging.WARNING if event in WARNINGS else logging.INFO
    address = client_address(request) or "-"
    logger.log(
        level,
        "%s: account %s (id %s) from %s%s",
        event,
        user.get_username() if user is not None else "-",
        getattr(user, "pk", "-"),
        address,
        f" ({detail})" if detail else "",
        extra={"security_event": event, "user_id": getattr(user, "pk", None)},
    )


def _logged_in(sender, request, user, **kwargs):
    record(LOGIN, user, request)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:  # logging out without a session logs nobody out
        record(LOGOUT, user, request)


def connect():
    user_logged_in.connect(_logged_in, dispatch_uid="accounts.events.logged_in")
    user_logged_out.connect(_logged_out, dispatch_uid="accounts.events.logged_out")
