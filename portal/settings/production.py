"""Production: refuses to start without a secret, HTTPS everywhere behind a proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: production refuses to start without it "
        "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

if not TWO_FACTOR_REQUIRED:  # noqa: F405
    raise ImproperlyConfigured(
        "TWO_FACTOR_REQUIRED is off: production requires two-factor authentication for officers "
        "and superusers (the variable is for a local try only)."
    )

# The reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer checks the application over plain HTTP, without X-Forwarded-Proto.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# HTTPS everywhere: a stray http:// address (an old link to an image pasted in a page) is fetched
# over https instead of being blocked. Not while serving plain HTTP on purpose (make serve-prod).
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    },
}

if not SECURE_HSTS_PRELOAD:
    # Preloading is a browser-list commitment hard to undo and it binds every
    # subdomain of the authority's domain; each authority opts in itself.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# LOGGING (console, and error mails to ADMINS) is in base.py: tests check the same configuration.
