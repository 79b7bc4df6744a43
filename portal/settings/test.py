"""Settings for pytest: fast hashing, plain static storage, local memory cache."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Two-factor authentication is not asked of the many tests that sign an officer in with
# force_login; tests/test_two_factor.py turns it on.
TWO_FACTOR_REQUIRED = False
# Most tests set a state through the ORM and read the page again; the page cache would answer what
# it kept. tests/test_page_cache.py turns it on, and proves what purges it.
PAGE_CACHE_ENABLED = False
