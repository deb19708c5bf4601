"""The committed demo snapshot (home/demo/snapshot.py): what a first ``make run`` restores.

Protects issue 12's first start without letting it drift from the real thing:
- the snapshot equals, row by row, what ``migrate`` and ``load_demo_content`` build on a new
  SQLite database today (only random UUIDs, build times and salted hashes masked; a positive
  control shows a changed title is caught);
- ``prepare_demo`` on a new database restores it, moves the Site to HOST/PORT, makes cached
  pages stale, prints the users, and the site serves the demo (pages, search, log-in);
- a second ``prepare_demo`` keeps what is in the database;
- a snapshot made from other migrations or other demo sources is never restored.

The comparison uses the session's own demo load (conftest.py keeps a copy on SQLite); the
first start runs ``prepare_demo`` in a child process on its own SQLite file. Both run in the
SQLite pass of ``.ci/run``.
"""

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from home.demo import snapshot

ON_SQLITE = not os.environ.get("DATABASE_URL", "").startswith("postgres")
end_to_end = pytest.mark.skipif(
    not ON_SQLITE, reason="builds its own SQLite databases; runs once, in the SQLite pass of .ci/run"
)


def _manage(args, data_dir, **env):
    environ = {k: v for k, v in os.environ.items() if k not in snapshot._BUILD_UNSET}
    environ.update(DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.django_db  # disk_migrations(): wagtail-localize's migration asks the database
def test_snapshot_equals_a_fresh_build(fresh_demo_database, tmp_path):
    """The session's own demo load (conftest.py) is the fresh build: migrate, then load_demo_content."""
    manifest = snapshot.read_manifest()
    assert manifest is not None, "no home/demo/snapshot.tar.gz: make demo-snapshot"
    assert manifest["migrations"] == snapshot.disk_migrations(), "migrations changed: make demo-snapshot"
    assert manifest["fingerprint"] == snapshot.source_fingerprint(), "sources changed: make demo-snapshot"

    fresh = snapshot.normalized_rows(fresh_demo_database)
    stored_path = snapshot.extract_database(tmp_path / "stored.sqlite3")
    stored = snapshot.normalized_rows(stored_path)
    assert snapshot.differences(stored, fresh) == [], "the demo changed: make demo-snapshot"
    assert len(stored["wagtailcore_page"]) > 300 and len(stored["offers_offer"]) > 100

    # Positive control: a changed title is a difference; new UUIDs and times are not.
    with sqlite3.connect(stored_path) as db:
        db.execute("UPDATE wagtailcore_page SET title = 'Anders' WHERE title = 'Sprache'")
    found = snapshot.differences(snapshot.normalized_rows(stored_path), fresh)
    assert len(found) == 1 and found[0].startswith("wagtailcore_page:") and "Anders" in found[0]
    with sqlite3.connect(stored_path) as db:
        db.execute("UPDATE wagtailcore_page SET title = 'Sprache' WHERE title = 'Anders'")
        db.execute("UPDATE wagtailcore_page SET translation_key = lower(hex(randomblob(16)))")
        db.execute("UPDATE wagtailcore_revision SET created_at = '2031-01-01 00:00:00.000001'")
    assert snapshot.differences(snapshot.normalized_rows(stored_path), fresh) == []


_CHECK_SITE = """
from django.test import Client
from operations.page_cache import current_version
c = Client(HTTP_HOST="127.0.0.1:8123")
home = c.get("/de/")
search = c.get("/de/suche/", {"q": "Integrationskurs"})
print("HOME", home.status_code, "Willkommen in Beckum" in home.content.decode())
print("CANONICAL", 'href="http://127.0.0.1:8123/de/"' in home.content.decode())
print("SEARCH", search.status_code, "vhs" in search.content.decode().lower())
from django.contrib.auth.models import User
print("LOGIN", User.objects.get(username="manager").check_password("beckum-manager"))
print("VERSION", current_version()[0])
"""


@end_to_end
def test_a_first_start_restores_the_snapshot_and_serves_it(tmp_path):
    data = tmp_path / "data"
    first = _manage(["prepare_demo", "--skip-checks"], data, SITE_HOSTNAME="127.0.0.1", SITE_PORT="8123")
    assert first.returncode == 0, first.stderr
    assert "Demo database restored from the snapshot" in first.stdout
    assert "Site address: 127.0.0.1:8123" in first.stdout
    for username, password in (("admin", "beckum-admin"), ("uebersetzer", "beckum-uebersetzer")):
        assert f"{username:<14} {password}" in first.stdout
    assert "current code for manager" in first.stdout  # the after_demo_users hooks ran
    assert "mitglied edits the offers of:" in first.stdout

    documents = sorted(p.name for p in (data / "media" / "documents").iterdir())
    assert "protokoll-ag-behoerden-2024-02.txt" in documents
    with sqlite3.connect(data / "db.sqlite3") as db:
        assert db.execute("SELECT hostname, port FROM wagtailcore_site").fetchall() == [("127.0.0.1", 8123)]
        (password,) = db.execute("SELECT password FROM auth_user WHERE username = 'admin'").fetchone()
        assert db.execute("SELECT count(*) FROM wagtailcore_page WHERE live").fetchone()[0] > 300
    assert PBKDF2PasswordHasher().verify("beckum-admin", password)  # the test settings hash with MD5

    served = _manage(["shell", "-c", _CHECK_SITE], data)
    assert served.returncode == 0, served.stderr
    assert "HOME 200 True" in served.stdout and "CANONICAL True" in served.stdout
    assert "SEARCH 200 True" in served.stdout and "LOGIN True" in served.stdout
    # Cached pages of whatever ran before are stale: the content version moved past the snapshot's.
    with sqlite3.connect(snapshot.extract_database(tmp_path / "stored.sqlite3")) as db:
        (packed_version,) = db.execute("SELECT version FROM operations_contentversion").fetchone()
    assert int(served.stdout.split("VERSION ")[1].split()[0]) > packed_version


@pytest.mark.django_db
def test_a_second_start_migrates_and_loads_and_never_restores(monkeypatch):
    """An existing database (the test database here) is migrated and loaded, keeping its data;
    the snapshot is not touched. (A real second ``make run``: 36 s, data kept; README.)"""
    from home.management.commands import prepare_demo

    calls = []
    monkeypatch.setattr(prepare_demo, "call_command", lambda name, **kw: calls.append(name))
    monkeypatch.setattr(snapshot, "restore", lambda *a, **kw: pytest.fail("restored over a database"))
    pages = Page.objects.count()
    out = io.StringIO()
    call_command("prepare_demo", stdout=out)
    assert calls == ["migrate", "load_demo_content"]
    assert "Demo snapshot not used:" in out.getvalue()
    assert Page.objects.count() == pages


def test_prepare_demo_refuses_production_settings(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load the demo content"):
        call_command("prepare_demo", stdout=io.StringIO())


@pytest.mark.django_db  # wagtail-localize's first migration asks the database when imported
def test_manifest_refusals():
    manifest = snapshot.read_manifest()
    assert snapshot.manifest_refusal(manifest) is None
    older = manifest | {"migrations": manifest["migrations"][:-1]}
    assert "other migrations" in snapshot.manifest_refusal(older)
    assert "demo sources changed" in snapshot.manifest_refusal(manifest | {"fingerprint": "0" * 64})
    assert "format" in snapshot.manifest_refusal(manifest | {"format": 0})
    assert snapshot.manifest_refusal(None) == "there is no snapshot"


@pytest.mark.django_db
def test_an_existing_or_non_sqlite_database_is_never_replaced():
    reason = snapshot.restore_refusal()
    expected = "the database exists already" if connection.vendor == "sqlite" else "not SQLite"
    assert reason is not None and expected in reason


def test_the_fingerprint_covers_the_demo_sources_and_hooks(monkeypatch, tmp_path):
    base = Path(settings.BASE_DIR)
    files = set(snapshot._source_files())
    for name in (
        "requirements.txt",
        "home/demo/loader.py",
        "offers/demo_content/offers.json",
        "network/demo/content.py",
        "calendar_import/wagtail_hooks.py",  # a load_demo_content hook
        "accounts/wagtail_hooks.py",  # an after_demo_users hook
    ):
        assert base / name in files, name
    assert snapshot.SNAPSHOT not in files

    source = tmp_path / "demo.json"
    source.write_text('{"title": "Sprache"}')
    monkeypatch.setattr(snapshot, "_source_files", lambda: [source])
    monkeypatch.setattr(settings, "BASE_DIR", tmp_path)
    before = snapshot.source_fingerprint()
    source.write_text('{"title": "Sprachen"}')
    assert snapshot.source_fingerprint() != before


@pytest.mark.django_db  # disk_migrations(), as above
def test_restore_writes_the_database_and_media(tmp_path):
    target = tmp_path / "db.sqlite3"
    (tmp_path / "db.sqlite3-wal").write_bytes(b"stale")
    snapshot.restore(database=target, storage=FileSystemStorage(location=tmp_path / "media"))
    assert not (tmp_path / "db.sqlite3-wal").exists()
    with sqlite3.connect(target) as db:
        applied = db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
    assert applied == len(snapshot.disk_migrations())
    assert (tmp_path / "media" / "documents" / "protokoll-ag-behoerden-2024-02.txt").exists()
