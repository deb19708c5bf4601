"""Backup and restore with media on object storage: the archive holds the bucket's objects.

Scenario: the site keeps its media in an S3-compatible bucket. ``manage.py backup``
puts every object (private documents included) into the archive next to the
database dump; after the bucket and the database are lost, ``manage.py restore``
writes the objects back (private again) and the working group gets its paper
through the serve view with the same bytes. Runs outside the per-test transaction
like the other round trip (cms/backups/tests/committed.py).
"""

import io
import json
import tarfile

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model

from cms.backups import database
from cms.backups.tests import snapshot
from cms.backups.tests.committed import _django_db_helper  # noqa: F401 - runs the tests in autocommit
from cms.backups.tests.test_round_trip import document_for_group_member, run_backup, served_bytes
from cms.media_storage.tests.conftest import assert_private, object_bytes, object_keys

pytestmark = pytest.mark.django_db


def test_backup_and_restore_with_media_in_the_bucket(object_storage, tmp_path, settings):
    # The demo's documents, moved to the bucket under the same names (as after a migration to S3).
    local = FileSystemStorage(location=settings.MEDIA_ROOT)
    for document in get_document_model().objects.all():
        with local.open(document.file.name, "rb") as handle:
            object_storage.client.put_object(
                Bucket=object_storage.bucket, Key=document.file.name, Body=handle.read(), ACL="private"
            )
    object_storage.client.put_object(
        Bucket=object_storage.bucket, Key="images/probe.fill-10x10.png", Body=b"png"
    )
    keys = object_keys(object_storage)
    contents = {key: object_bytes(object_storage, key) for key in keys}
    before = snapshot.take()

    path, _output = run_backup(tmp_path)
    with tarfile.open(path, "r:gz") as tar:
        info = json.load(tar.extractfile("manifest.json"))
        archived = {
            m.name[len("media/") :]: tar.extractfile(m).read() for m in tar if m.name.startswith("media/")
        }
    assert info["media"] == {"storage": "PrivateObjectStorage", "files": len(keys)}
    assert archived == contents

    # Bucket and database lost.
    object_storage.client.delete_objects(
        Bucket=object_storage.bucket, Delete={"Objects": [{"Key": key} for key in keys]}
    )
    assert object_keys(object_storage) == []
    database.wipe()

    call_command("restore", str(path), stdout=io.StringIO())

    assert object_keys(object_storage) == keys
    for key in keys:
        assert object_bytes(object_storage, key) == contents[key]
        assert_private(object_storage, key)
    assert snapshot.take() == before

    document, member = document_for_group_member()
    client = Client()
    assert client.get(document.url).status_code == 302
    client.force_login(member)
    assert served_bytes(client, document) == contents[document.file.name]
