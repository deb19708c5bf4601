"""Development settings: DEBUG on, console e-mail, an insecure key unless one is set."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
ALLOWED_HOSTS = ["*"] if not os.environ.get("ALLOWED_HOSTS") else ALLOWED_HOSTS  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# The demo loader may run (it creates accounts with public passwords and TOTP secrets).
DEMO_CONTENT_ALLOWED = True
