"""The manifest at the start of every archive: what it holds and what made it."""

import os
import subprocess
from importlib.metadata import PackageNotFoundError, version

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "beckum-backup"
FORMAT_VERSION = 1
NAME = "manifest.json"

#: Model counts kept in the manifest and checked after a restore.
COUNTED_MODELS = {
    "pages": "wagtailcore.Page",
    "offers": "offers.Offer",
    "organisations": "offers.Organisation",
    "documents": "wagtaildocs.Document",
    "images": "wagtailimages.Image",
    "renditions": "wagtailimages.Rendition",
    "users": settings.AUTH_USER_MODEL,
    "search_entries": "portal_search.SearchEntry",
}


def counts():
    result = {}
    for key, label in COUNTED_MODELS.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        result[key] = model._default_manager.count()
    return result


def applied_migrations():
    """{app: [migration names]} recorded in the database."""
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def unknown_migrations(applied):
    """Migrations recorded in the archive that this code does not have (a newer version made it)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}" for app, names in applied.items() for name in names if (app, name) not in known
    )


def package_version(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return ""


def app_commit():
    """APP_VERSION from the environment, else the git commit of the checkout, else ''."""
    if os.environ.get("APP_VERSION"):
        return os.environ["APP_VERSION"]
    if not (settings.BASE_DIR / ".git").exists():
        return ""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
