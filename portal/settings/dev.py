"""Local development: DEBUG on, a generated secret kept outside git, emails on the console."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import env_bool

DEBUG = env_bool("DEBUG", True)

if not SECRET_KEY:  # noqa: F405
    # A key generated once per checkout, so runserver reloads keep sessions.
    _key_file = BASE_DIR / ".secret_key"
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(64))
    SECRET_KEY = _key_file.read_text().strip()

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
