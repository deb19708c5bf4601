"""Restore refuses what it must not apply, with a message that says why, and changes nothing.

Scenarios: an archive from the other database vendor (a PostgreSQL dump offered to
an SQLite installation or the other way round), an archive made by a newer version
of the application, a damaged archive, a file that is no backup at all.
"""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from cms.backups import database, manifest

pytestmark = pytest.mark.django_db


def fake_archive(path, vendor=None, migrations=None, dump=b"not a dump", sha=None):
    vendor = vendor or connection.vendor
    info = {
        "format": manifest.FORMAT,
        "format_version": manifest.FORMAT_VERSION,
        "created_at": "2026-11-27T03:00:00+00:00",
        "database": {
            "vendor": vendor,
            "file": database.DUMP_NAMES[vendor],
            "size": len(dump),
            "sha256": sha or hashlib.sha256(dump).hexdigest(),
        },
        "app": {"commit": "abc123"},
        "migrations": migrations or {},
        "counts": {},
        "media": {"storage": "FileSystemStorage", "files": 0},
    }
    with tarfile.open(path, "w:gz") as tar:
        for name, data in [(manifest.NAME, json.dumps(info).encode()), (database.DUMP_NAMES[vendor], dump)]:
            entry = tarfile.TarInfo(name)
            entry.size = len(data)
            tar.addfile(entry, io.BytesIO(data))
    return path


def restore_error(path, *flags):
    pages = Page.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("restore", str(path), *flags, stdout=io.StringIO())
    assert Page.objects.count() == pages
    return str(raised.value)


def test_archive_of_the_other_vendor_is_refused(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    message = restore_error(fake_archive(tmp_path / "other.tar.gz", vendor=other), "--overwrite")
    names = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
    assert f"holds a {names[other]} database" in message
    assert f"this installation uses {names[connection.vendor]}" in message


def test_archive_of_a_newer_version_is_refused(tmp_path):
    path = fake_archive(tmp_path / "newer.tar.gz", migrations={"home": ["9999_from_the_future"]})
    message = restore_error(path, "--overwrite")
    assert "newer version" in message and "home.9999_from_the_future" in message and "abc123" in message


def test_damaged_archive_is_refused_before_anything_changes(tmp_path):
    path = fake_archive(tmp_path / "damaged.tar.gz", sha="0" * 64)
    message = restore_error(path, "--overwrite")
    assert "damaged" in message and "nothing was changed" in message


def test_truncated_archive_is_refused(tmp_path):
    path = fake_archive(tmp_path / "whole.tar.gz", dump=bytes(range(256)) * 4000)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    message = restore_error(truncated, "--overwrite")
    assert "damaged" in message or "Cannot read" in message


def test_a_file_that_is_no_backup_is_refused(tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_bytes(b"hello")
    assert "Cannot read" in restore_error(path)
