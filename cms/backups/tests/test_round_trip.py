"""Backup and restore: the database and the media come back as they were, on SQLite and on PostgreSQL.

Scenario: the operator's nightly ``manage.py backup``; later the database and the
media folder are lost; ``manage.py restore`` on the wiped installation brings back
every page, offer, organisation, document (the same bytes, still only for the
working group), user and the search index. The same test runs the vendor of the
run: SQLite's backup API in the SQLite run, pg_dump/pg_restore in CI's PostgreSQL run.

These tests run outside the per-test transaction (pg_dump only sees committed
data): they back up the committed demo content of the session and restore exactly
it, so the tests after them see the same data.
"""

import io
import json
import tarfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.backups import database, manifest
from cms.backups.tests import snapshot
from cms.backups.tests.committed import _django_db_helper  # noqa: F401 - runs the tests in autocommit

DUMP_MAGIC = {"postgresql": b"PGDMP", "sqlite": b"SQLite format 3\x00"}


pytestmark = pytest.mark.django_db


def run_backup(directory):
    out = io.StringIO()
    call_command("backup", "--dir", str(directory), "--keep-days", "0", stdout=out)
    archives = sorted(directory.glob("beckum-backup-*.tar.gz"))
    assert len(archives) == 1, out.getvalue()
    return archives[0], out.getvalue()


def wipe_media():
    Document = get_document_model()
    for document in Document.objects.all():
        default_storage.delete(document.file.name)
        assert not default_storage.exists(document.file.name)


def document_for_group_member():
    """The first document of working group 1 and a member of that group (demo users)."""
    from django.contrib.auth import get_user_model

    from network.models import WorkingGroupPage

    page = WorkingGroupPage.objects.filter(locale__language_code="de").order_by("pk").first()
    document = get_document_model().objects.filter(collection=page.collection).order_by("pk").first()
    return document, get_user_model().objects.get(username="ag-mitglied")


def served_bytes(client, document):
    response = client.get(document.url)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_backup_wipe_restore_gives_back_the_same_site(tmp_path):
    before = snapshot.take()
    assert before["documents"] and before["search_hits"] and len(before["pages"]) > 50
    document, member = document_for_group_member()
    with default_storage.open(document.file.name, "rb") as handle:
        document_bytes = handle.read()

    path, output = run_backup(tmp_path)
    assert path.stat().st_mode & 0o077 == 0, "archives hold personal data: owner only"
    assert f"{connection.vendor}" in output

    with tarfile.open(path, "r:gz") as tar:
        names = tar.getnames()
        assert names[0] == manifest.NAME
        info = json.load(tar.extractfile(names[0]))
        dump = tar.extractfile(database.DUMP_NAMES[connection.vendor]).read(16)
        assert f"media/{document.file.name}" in names
        assert tar.extractfile(f"media/{document.file.name}").read() == document_bytes
    assert dump.startswith(DUMP_MAGIC[connection.vendor])
    assert info["format_version"] == manifest.FORMAT_VERSION
    assert info["database"]["vendor"] == connection.vendor
    assert info["counts"]["pages"] == len(before["pages"])
    assert info["counts"]["documents"] == len(before["documents"])
    assert info["created_at"] and "commit" in info["app"]

    # The site is lost: no tables, no document files.
    wipe_media()
    database.wipe()
    assert database.table_count() == 0

    out = io.StringIO()
    # An empty database needs no --overwrite. Whatever language the caller has active (here
    # Arabic), the rebuilt search index must be the one made from the command line.
    with translation.override("ar"):
        call_command("restore", str(path), stdout=out)
    assert "Restored" in out.getvalue()

    after = snapshot.take()
    for key in before:
        assert after[key] == before[key], key

    # The private document: the working group gets the same bytes, anonymous visitors the login.
    document, member = document_for_group_member()
    client = Client()
    assert client.get(document.url).status_code == 302
    client.force_login(member)
    assert served_bytes(client, document) == document_bytes

    # Sequences came back too: a new row does not collide with a restored one.
    with transaction.atomic():
        home = Page.objects.get(depth=2, locale__language_code="de").specific
        from django.contrib.auth.models import Group

        group = Group.objects.create(name="after-restore")
        assert group.pk > max(Group.objects.exclude(pk=group.pk).values_list("pk", flat=True))
        assert home.pk
        transaction.set_rollback(True)


def test_restore_refuses_a_database_that_is_not_empty_without_overwrite(tmp_path):
    path, _ = run_backup(tmp_path)
    before = snapshot.take()
    with pytest.raises(CommandError, match="not empty.*--overwrite"):
        call_command("restore", str(path), stdout=io.StringIO())
    assert snapshot.take() == before

    call_command("restore", str(path), "--overwrite", "--no-reindex", stdout=io.StringIO())
    assert snapshot.take() == before


def test_backup_command_deletes_archives_past_the_retention(tmp_path):
    from datetime import UTC, datetime, timedelta

    from cms.backups.archive import archive_name

    old = tmp_path / archive_name(datetime.now(UTC) - timedelta(days=20))
    old.write_bytes(b"old archive")
    out = io.StringIO()
    call_command("backup", "--dir", str(tmp_path), "--keep-days", "14", stdout=out)
    assert not old.exists()
    assert f"Deleted old backup {old.name}" in out.getvalue()
    assert len(list(tmp_path.glob("beckum-backup-*.tar.gz"))) == 1


def test_media_storage_failure_during_restore_says_what_to_do(tmp_path, monkeypatch):
    path, _ = run_backup(tmp_path)
    before = snapshot.take()

    def storage_down(tar, member, storage=None):
        raise OSError("bucket unreachable")

    monkeypatch.setattr("cms.backups.media.restore_member", storage_down)
    with pytest.raises(CommandError, match="database was restored.*bucket unreachable.*--overwrite"):
        call_command("restore", str(path), "--overwrite", "--no-reindex", stdout=io.StringIO())
    assert snapshot.take() == before
