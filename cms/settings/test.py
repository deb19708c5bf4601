"""Test settings: fast hashing, in-memory cache and mail, plain static storage."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/beckum-test-media"))  # noqa: F405, S108
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
DEMO_CONTENT_ALLOWED = True
# The full-page cache is switched on by its own tests (operations/tests/test_page_cache.py):
# elsewhere a second GET of the same page must render it again (query-count tests).
PAGE_CACHE_ENABLED = False
