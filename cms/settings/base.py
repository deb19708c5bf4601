"""Base settings: safe for production. Every value comes from the environment.

Development and test defaults live in ``dev.py`` and ``test.py``; production
checks in ``production.py``. The full list of variables is in ``.env.example``.
"""

import os
from pathlib import Path

import dj_database_url

from portal.languages import CHOICES as LANGUAGE_CHOICES
from portal.languages import NAMES as LANGUAGE_NAMES_TABLE
from portal.languages import SOURCE_LANGUAGE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "offers",
    "network",
    "personal_requests",
    "search",
    "moderation",
    "feedback",
    "glossary",
    "calendar_import",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Below /<lang>/<German slug>/ of a frame page: to its slug in that language (portal/old_slugs.py).
    "portal.old_slugs.OldFrameSlugRedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.sites.town_context",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, or an SQLite file in the git-ignored data folder.
if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL, or the local memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "beckum",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Search: ELASTICSEARCH_URL, or Wagtail's database backend.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "beckum_"),
            "TIMEOUT": 5,
            # A cluster that hangs must not make every admin save wait for retries.
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        }
    }
    # The public search keeps its own per-language indexes (search/elastic.py)
    # on the same cluster; it falls back to the database when the cluster fails.
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. German is the source language of all content.
LANGUAGE_CODE = SOURCE_LANGUAGE  # "de": the first row of portal/languages.py
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Date and time formats per locale, read before Django's own (cms/formats/, issue 14).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_I18N_ENABLED = True
# The languages: one table, portal/languages.py (README, "Adding a language").
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = LANGUAGE_CHOICES
# Names of the languages in the interface language, for the admin and for messages.
LANGUAGE_NAMES = LANGUAGE_NAMES_TABLE
LOCALE_PATHS = [BASE_DIR / "locales"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Machine translation for the translation editor's first draft (moderation/README.md):
# a DeepL key, or a self-hosted LibreTranslate; without either it is switched off.
# Machine-translated drafts are never published without the approval workflow.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "glossary.machine_translators.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"], "TIMEOUT": 30},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "glossary.machine_translators.GlossaryLibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": 30,
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))

# E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "integrationsportal@beckum.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Personal data (request submissions) is deleted after this many days by
# ``manage.py purge_personal_data`` (run daily, see network/README.md).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "180"))

# Wagtail
WAGTAIL_SITE_NAME = "Integrationsportal Beckum"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# Security: cookies only over what the deployment says.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Accounts and abuse (accounts/README.md): client address, login throttling, ---
# --- two-factor login, security headers, upload limits ---------------------------
import datetime  # noqa: E402

INSTALLED_APPS += [  # noqa: F405
    "accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]
# The client address: how many reverse proxies of ours add to X-Forwarded-For
# (0 = the connection's REMOTE_ADDR). Login throttling and the form rate limit use it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "django_permissions_policy.PermissionsPolicyMiddleware",
)
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,  # noqa: F405
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,  # noqa: F405
    "accounts.two_factor.middleware.SecondFactorMiddleware",
)
MIDDLEWARE += [  # noqa: F405
    "accounts.security_headers.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): a username from one address is locked out after
# LOGIN_FAILURE_LIMIT failed passwords or second-factor codes, for LOGIN_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockouts.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted; managers use the Wagtail admin view.
AXES_DISABLE_ACCESS_LOG = True  # no log of successful logins (personal data we do not need)
AXES_VERBOSE = False
# Password-reset e-mails per client address: (count, seconds).
PASSWORD_RESET_RATE_LIMIT = (int(os.environ.get("PASSWORD_RESET_LIMIT_PER_HOUR", "5")), 3600)

# Two-factor login (django-otp): required for these groups and for superusers,
# offered to everyone else (accounts/two_factor/).
TWO_FACTOR_REQUIRED_GROUPS = ["Integrationsmanagement"]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # noqa: F405
# Demo TOTP secrets may only be created where demo content may be loaded.
DEMO_CONTENT_ALLOWED = False

# Content-Security-Policy (django-csp). Public pages: our own scripts and styles only,
# never inline. The Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY (see
# accounts/security_headers.py for why it is looser).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Image uploads: at most this many pixels and bytes (a 11000×11000 image cost
# 235 MB per thumbnail); larger uploads get a message instead of an error page.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_uploads.LimitedImageForm"
# --- Operations: backups and media on object storage (issue 11, parts 7 and 8) ---
INSTALLED_APPS += ["cms.backups"]
# manage.py backup writes its archives here and deletes those older than the retention.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", DATA_DIR / "backups"))
BACKUP_RETENTION_DAYS = int(os.environ.get("BACKUP_RETENTION_DAYS", "14"))
# Media on an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (several application
# servers); otherwise on the local disk (MEDIA_ROOT). Objects are private (cms/media_storage).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "cms.media_storage.storage.PrivateObjectStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("AWS_S3_KEY_PREFIX", ""),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        },
    }

# --- Faults and operations (operations/README.md): every dependency may fail without a 500 ---
INSTALLED_APPS += ["operations"]
INSTALLED_APPS += ["offline"]  # offline reading: manifest, service worker, offline page
# The 503 of a database outage first (its process_exception sees every view error); the outbox's
# after-response delivery next.
MIDDLEWARE = [
    "operations.middleware.ServiceUnavailableMiddleware",
    "operations.outbox.OutboxDeliveryMiddleware",
    *MIDDLEWARE,
]
# PostgreSQL: give up connecting after DB_CONNECT_TIMEOUT seconds (libpq's minimum is 2) and cancel
# statements after DB_STATEMENT_TIMEOUT_MS (0: no limit); both answer the visitor with the 503 page.
DB_CONNECT_TIMEOUT = int(os.environ.get("DB_CONNECT_TIMEOUT", "2"))
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "10000"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: write-ahead log (readers never wait for the writer; a commit is one
    # append instead of a journal and a rewrite) and fsync at checkpoints only (a power cut may
    # lose the last commits, never corrupts). The demo load takes a fifth less (issue 12). Backups
    # use SQLite's backup API, which reads the log too (cms/backups/database.py).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_STATEMENT_TIMEOUT_MS > 0:
        _db_options["options"] = (
            f"{_db_options.get('options', '')} -c statement_timeout={DB_STATEMENT_TIMEOUT_MS}".strip()
        )
SERVICE_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("SERVICE_UNAVAILABLE_RETRY_AFTER", "30"))
# Redis: errors are logged and read as misses; short socket timeouts; not asked again for a while.
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "operations.cache.ResilientRedisCache"
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5")),
        "socket_timeout": float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5")),
    }
    CACHES["default"]["RETRY_AFTER"] = int(os.environ.get("CACHE_RETRY_AFTER", "10"))
# Elasticsearch: short timeouts; failed index writes are queued (manage.py retry_search_index);
# the admin search falls back to the database.
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "operations.elasticsearch_backend"
    WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# E-mail: every message goes to the outbox table first and is sent after the commit (after the
# response in a request); what fails stays queued for manage.py send_outbox.
OUTBOX_DELIVERY_BACKEND = os.environ.get("OUTBOX_DELIVERY_BACKEND") or (
    EMAIL_BACKEND
    if EMAIL_BACKEND != "operations.outbox.OutboxEmailBackend"
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_BACKEND = "operations.outbox.OutboxEmailBackend"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
OUTBOX_MAX_AGE_MINUTES = int(os.environ.get("OUTBOX_MAX_AGE_MINUTES", "30"))
# Health checks answer plain HTTP from the load balancer (no HTTPS redirect).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "1"))
LOGGING["filters"] = {"database_unavailable": {"()": "operations.errors.DatabaseUnavailableLogFilter"}}
LOGGING["handlers"]["console"]["filters"] = ["database_unavailable"]
# The Elasticsearch client logs a traceback per failed attempt; the fallbacks log one line.
LOGGING.setdefault("loggers", {})["elastic_transport"] = {"level": "ERROR"}
# Access control of wagtail-localize's admin routes and of document releases (issue 9, holes 3 and 4).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "moderation.document_forms.ReleaseGuardedDocumentForm"
# --- acl-admin (issue 9): admin routes that name a page ask network.readers.may_read_page ---
MIDDLEWARE += ["network.admin_page_guard.AdminPageReadGuard"]
# After the page guard: a restricted page is refused for reading (403) before any translation rule.
MIDDLEWARE += ["moderation.translation_access.TranslationAccessMiddleware"]
# --- Public read API (issue 16, api/README in the main README): Wagtail API v2, read-only ---
INSTALLED_APPS += ["api"]  # noqa: F405
# Just before LocaleMiddleware (inside the page cache): read-only CORS, no Vary: Accept-Language.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware"),  # noqa: F405
    "api.middleware.ApiMiddleware",
)
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("WAGTAILAPI_LIMIT_MAX", "50"))
WAGTAILAPI_SEARCH_ENABLED = True
# --- perf (issue 12): full-page cache for anonymous readers, 304s, compression (operations/page_cache.py) ---
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,  # noqa: F405
    "operations.page_cache.PageCacheMiddleware",
)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Seconds a stored page may live (the content version makes it stale at once on any change;
# this bounds what only time changes: an event starting, and unused keys).
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "300"))
# Browsers and proxies: public pages are revalidated after this many seconds (ETag, 304).
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))
# A caching proxy in front (nginx, Varnish): Wagtail purges a page's URLs when it changes.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Calendar import (README, "Calendar import"): months of repeating events to expand,
# seconds to wait for a feed, and the largest feed accepted (bytes).
CALENDAR_IMPORT_MONTHS = int(os.environ.get("CALENDAR_IMPORT_MONTHS", "3"))
CALENDAR_IMPORT_TIMEOUT = float(os.environ.get("CALENDAR_IMPORT_TIMEOUT", "10"))
CALENDAR_IMPORT_MAX_BYTES = int(os.environ.get("CALENDAR_IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))
