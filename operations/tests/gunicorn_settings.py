"""Production settings for the fault tests' gunicorn, with plain static storage.

The only difference from ``cms.settings.production``: static files are served
without the manifest that ``collectstatic`` writes (the test suite does not run
it). The error pages need no static file at all.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
