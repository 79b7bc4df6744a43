"""Settings shared by every environment. Machine-specific values come from the
environment through ``portal.settings.env`` (see the README's table)."""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from funding import platforms

from .database import database_timeouts
from .env import env_admins, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", None)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, lowest first: each may import only those above it.
    "home",
    "partners",
    "accounts",
    "funding",
    "campaigns",
    "campaigns.sharing.apps.SharingConfig",
    "news",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    # Two-factor authentication (accounts/): authenticator apps (TOTP) and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Permissions-Policy on every answer, the maintenance page included (portal/headers.py).
    "portal.headers.PermissionsPolicyMiddleware",
    # Content-Security-Policy (django-csp, plus the video players' frame-src: portal/headers.py).
    # Before the maintenance answer, so that the 503 page has its header and its nonce too.
    "portal.headers.ContentSecurityPolicyMiddleware",
    # Public answers kept for anonymous visitors and purged when what they show changes (issue 15;
    # home/page_cache.py). Inside the CSP and Permissions-Policy middlewares, which add their
    # headers to kept answers too; before the database check, so kept pages outlive an outage.
    "home.page_cache.PageCacheMiddleware",
    # Database unreachable: 503 maintenance answer before anything below touches the database
    # (issue 14; portal/middleware.py). After WhiteNoise: static files need no database.
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after AuthenticationMiddleware, as django-otp asks: request.user.is_verified().
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Accounts that must use a second factor reach the admin once verified (accounts/middleware.py);
    # before the partner guard, so an enrolled partner gives its code before anything else.
    "accounts.middleware.TwoFactorMiddleware",
    "partners.middleware.PartnerAdminGuardMiddleware",
    # Password reset requests limited per address and per e-mail (portal/throttle.py).
    "portal.throttle.PasswordResetThrottleMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout answer.
    "axes.middleware.AxesMiddleware",
]

# Login brake (issue 14): AxesBackend first refuses a locked-out account and address before any
# password is checked; Django's ModelBackend then checks the password. AxesBackend rather than
# axes' standalone backend: Wagtail's test helpers log in with the first backend, which must be
# able to load the user back from the session (AxesBackend extends ModelBackend for that).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After 5 wrong passwords for one account from one address, that pair is refused for 15 minutes
# (even with the right password); a right password before that resets the count. Per pair, not
# per account alone: an attacker cannot lock a partner out from elsewhere. Every failure and
# lockout is logged (logger "axes") and kept in the database (axes' AccessAttempt, AccessFailureLog).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Log lines name the account and the address (the security officer reads them); never the password.
AXES_SENSITIVE_PARAMETERS = []
AXES_LOCKOUT_CALLABLE = "portal.throttle.lockout_response"
# The client address is REMOTE_ADDR: behind a reverse proxy, set it from X-Forwarded-For in the
# proxy layer (see docs/deployment.md), or every visitor shares the proxy's address.
# Password reset: at most this many requests per hour from one address, and e-mails per hour to
# one address (the rest get the same "sent" page, no mail: nothing tells an e-mail exists).
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)

# Two-factor authentication (issue 14; accounts/): superusers and communication officers must
# enrol an authenticator app and give its code after their password; partners may. Off only for a
# local try (TWO_FACTOR_REQUIRED=false) and in the tests that are not about it; production refuses
# to start with it off. An account that enrolled is asked for its code either way.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
# Wagtail's login form with a French label on the password field.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
# Wrong codes wait 1 s, 2 s, 4 s… before the next try (django-otp's throttling, per device).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite in the project folder unless DATABASE_URL names another database
# (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Timeouts, so that a database that is down or stuck gives the 503 maintenance answer instead
# of holding every worker: how long to wait for a connection (PostgreSQL) or for a lock (SQLite),
# and how long one SQL statement may run (PostgreSQL; 0 = no limit, e.g. for a long migration).
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 5)
DB_STATEMENT_TIMEOUT = env_int("DB_STATEMENT_TIMEOUT", 30)
database_timeouts(DATABASES["default"], connect=DB_CONNECT_TIMEOUT, statement=DB_STATEMENT_TIMEOUT)
# Seconds the maintenance answer (503) asks clients to wait before trying again.
MAINTENANCE_RETRY_AFTER = env_int("MAINTENANCE_RETRY_AFTER", 120)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            # A Redis that does not answer fails fast (health check 503) instead of hanging workers.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (home/page_cache.py): how long browsers (max-age) and shared caches such as
# Varnish (s-maxage) may keep a public page. Kept pages are purged when they change, so shared
# caches may keep them long; browsers, which nobody purges, only briefly.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_S_MAXAGE = env_int("PAGE_CACHE_S_MAXAGE", 24 * 60 * 60)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 24 * 60 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French first, English second. The French site lives at "/", the
# English one at "/en/" (i18n_patterns with prefix_default_language=False).
# The only list of languages: everything else derives from these (home.languages).
LANGUAGES = [("fr", "Français"), ("en", "English")]
LANGUAGE_CODE = LANGUAGES[0][0]
# The region whose conventions each language follows: Open Graph locales ("fr_FR", "en_GB")
# and number formats ("6 110 €", "€6,110").
LANGUAGE_REGIONS = {"fr": "FR", "en": "GB"}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A page that wagtail-localize creates by "Traduire" starts as a draft, whatever the source's
# state: it still holds the French text until an officer translates it and clicks "Publier".
# (Its default copies the source's live status and publishes the French copy at once.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The project's catalogues, then our French for a few Wagtail admin strings whose own French
# reads badly (written by scripts/wagtail_fr_overrides.py). Both outrank the installed apps'
# catalogues; makemessages writes only to the first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Paris")
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP when EMAIL_HOST is set, the console otherwise (dev machines).
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portail@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who receives the error reports (server errors, with traceback): ADMINS="Nom <a@b.fr>, c@d.fr".
# Empty: nobody is told, and the 500 page does not claim anyone was.
ADMINS = env_admins("ADMINS")

# Console everywhere; server errors (django.request, and the portal's own) also mailed to ADMINS
# when DEBUG is off, except 503 answers (one per request while the database is down).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "skip_service_unavailable": {"()": "portal.logfilters.SkipServiceUnavailable"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "skip_service_unavailable"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        # runserver's request lines.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "portal": {"handlers": ["console", "mail_admins"], "level": "INFO", "propagate": False},
    },
}

# Clickjacking: no page of ours is framed by another site (the embeds excepted: their own policy
# says frame-ancestors *); Wagtail's preview panel frames our pages from our own admin, which
# frame-ancestors 'self' allows (X-Frame-Options only for browsers older than CSP level 2).
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy of every HTML answer (django-csp 4). Only our own files; no inline script
# or style without the page's nonce ({{ request.csp_nonce }}); no plugin; forms post only here.
# frame-src also lists the video players (home.blocks.video_frame_sources(), added per answer by
# portal.headers.ContentSecurityPolicyMiddleware, so it follows VIDEO_PEERTUBE_HOSTS). The embeds
# have their own stricter policy, framable by any site (campaigns/sharing/embed.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # data: for the small inline SVG icons of the admin's stylesheets and image previews;
        # blob: for the preview of an image being uploaded (Wagtail's multiple upload).
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Portail des appels à projets")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The name authenticator apps show next to the account's codes.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Wagtail's database search: PostgreSQL full-text search with a French, accent-insensitive
# configuration (created by search/migrations/0001) in production and CI; SQLite's FTS5
# (which folds accents itself) by default. After changing SEARCH_CONFIG run update_index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env_str("SEARCH_CONFIG", "french_unaccent")
# Documents always through Wagtail's view, which checks collection privacy (a direct media URL
# would not); portal/media.py and docs/deployment.md keep /media/documents/ closed.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A private document sends visitors to the admin's login, which leads on to the second factor
# (Wagtail's bare /_util/login/ would not).
WAGTAIL_FRONTEND_LOGIN_URL = "wagtailadmin_login"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# SVG can carry script: not accepted as an image upload.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads are checked by content and stripped of their metadata (EXIF, GPS, XMP…): home/uploads.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.PortalDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 50 megapixels: a 48-megapixel phone photo, not a decompression bomb (Pillow decodes the whole image).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# PeerTube instances whose videos a video block may frame ("host" or "host:port", https only);
# comma-separated in the environment. Empty: PeerTube addresses are refused, YouTube and Vimeo
# stay accepted. The Content-Security-Policy's frame-src reads home.blocks.video_frame_sources().
VIDEO_PEERTUBE_HOSTS = env_list("VIDEO_PEERTUBE_HOSTS", [])
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin would send every user's hashed email to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

PORTAL_NAME = _("Portail des appels à projets")

# Crowdfunding platforms (funding/). Credentials come from the environment only and
# are never shown in the admin. Figures older than twice the interval are flagged on the site.
FUNDING_SYNC_INTERVAL_MINUTES = env_int("FUNDING_SYNC_INTERVAL_MINUTES", 60)
# Per platform settings and webhook secrets ("whsec_<base64>"; empty: webhooks refused), from the
# environment variables that funding/platforms.py names for each platform.
FUNDING_PROVIDERS = platforms.provider_settings(env_str)
FUNDING_WEBHOOK_SECRETS = platforms.webhook_secrets(env_str)

# Embeds, JSON API and open data (campaigns/sharing). The licence is published with every dataset.
OPEN_DATA_LICENCE = {
    "name": env_str("OPEN_DATA_LICENCE_NAME", "Licence Ouverte / Open Licence 2.0"),
    "url": env_str("OPEN_DATA_LICENCE_URL", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
}
# How long browsers and proxies may keep API answers, embeds and datasets (seconds).
PUBLIC_DATA_MAX_AGE = env_int("PUBLIC_DATA_MAX_AGE", 60)
