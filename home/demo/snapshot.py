"""The demo database as a snapshot: a first ``make run`` restores it instead of building it.

Why (issue 12, "first start in under 90 seconds"): on a fresh clone, migrating an empty
SQLite database takes 20–28 s and building the demo content 55–84 s on this 2-core
machine, almost all of it in wagtail-localize's translation machinery (segments, strings,
PO import for 250 translations). The snapshot is exactly what ``migrate`` and
``load_demo_content`` produce on an empty SQLite database, packed once by
``manage.py demo_snapshot --build`` (``make demo-snapshot``) and committed.

It is used only where it cannot be wrong (``restore_refusal``): SQLite, a database with no
tables yet, Wagtail's database search backend, and a snapshot made from the migrations on
disk and from the demo sources as they are now (``source_fingerprint``). Anything else takes
the normal path (migrate, then load), so a stale snapshot costs time, never correctness.
``home/tests/test_demo_snapshot.py`` builds the demo afresh and compares it with the
snapshot row by row (``normalized_rows``), so a change to the demo content or to what a
save derives cannot land with an outdated snapshot.
"""

import gzip
import hashlib
import io
import json
import os
import re
import sqlite3
import tarfile
from pathlib import Path

from django.conf import settings

SNAPSHOT = Path(__file__).resolve().parent / "snapshot.tar.gz"
FORMAT = 1

#: Folders whose files make the demo content (besides the hook functions' own modules).
DEMO_SOURCES = (
    "home/demo",
    "home/demo_content",
    "offers/demo",
    "offers/demo_content",
    "network/demo",
)
#: The SITE_HOSTNAME/SITE_PORT a snapshot is built with; a restore moves the Site (follow_host_and_port).
BUILD_HOST, BUILD_PORT = "127.0.0.1", "8000"


# --- what a snapshot must match -------------------------------------------------------------


def disk_migrations():
    """Every migration on disk, as sorted ``app.name`` strings."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.disk_migrations)


def _source_files():
    from wagtail import hooks

    base = Path(settings.BASE_DIR)
    files = {base / "requirements.txt"}
    for folder in DEMO_SOURCES:
        files.update(p for p in (base / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for hook in ("load_demo_content", "after_demo_users"):
        for fn in hooks.get_hooks(hook):
            module = fn.__module__.replace(".", "/") + ".py"
            files.add(base / module)
    # This module and its output are how the snapshot is made, not what is in it.
    files.difference_update({base / "home/demo/snapshot.tar.gz", Path(__file__).resolve()})
    return sorted(p for p in files if p.is_file())


def source_fingerprint():
    """SHA-256 over the demo sources, the hook modules and requirements.txt (paths and bytes)."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in _source_files():
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def read_manifest(snapshot=SNAPSHOT):
    if not snapshot.exists():
        return None
    with tarfile.open(snapshot, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


# --- when a restore is allowed --------------------------------------------------------------


def restore_refusal(snapshot=SNAPSHOT):
    """``None`` when the snapshot can be restored here, else the reason (printed by prepare_demo)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return "the database is not SQLite"
    if connection.introspection.table_names():
        return "the database exists already (kept as it is)"
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if "database" not in backend:
        return "the search backend is not Wagtail's database backend"
    if not _fts5_available():
        return "this SQLite has no full-text search (FTS5)"
    return manifest_refusal(read_manifest(snapshot))


def manifest_refusal(manifest):
    """``None`` when a snapshot with this manifest was made from the migrations and demo sources on disk."""
    if manifest is None:
        return "there is no snapshot"
    if manifest.get("format") != FORMAT:
        return "the snapshot has another format"
    if manifest["migrations"] != disk_migrations():
        return "the snapshot was made before other migrations (make demo-snapshot)"
    if manifest["fingerprint"] != source_fingerprint():
        return "the demo sources changed since the snapshot (make demo-snapshot)"
    return None


def _fts5_available():
    with sqlite3.connect(":memory:") as db:
        try:
            db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        except sqlite3.OperationalError:
            return False
    return True


# --- restore --------------------------------------------------------------------------------


def restore(snapshot=SNAPSHOT, database=None, storage=None):
    """Write the snapshot's database file (to the default database's file, or ``database``) and its
    media files (to the default storage, or ``storage``). Call only when ``restore_refusal()`` is None."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import connection

    storage = storage or default_storage
    if database is None:
        connection.close()
    target = Path(database or settings.DATABASES["default"]["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(snapshot, "r:gz") as tar:
        for member in tar.getmembers():
            if member.name == "db.sqlite3":
                partial = target.with_name(target.name + ".restoring")
                partial.write_bytes(tar.extractfile(member).read())
                for suffix in ("-wal", "-shm", "-journal"):
                    Path(str(target) + suffix).unlink(missing_ok=True)
                os.replace(partial, target)
            elif member.isfile() and member.name.startswith("media/"):
                name = member.name.removeprefix("media/")
                if not storage.exists(name):
                    storage.save(name, ContentFile(tar.extractfile(member).read()))
    if database is None:
        connection.close()


# --- build (make demo-snapshot) -------------------------------------------------------------


def _tar_add(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), 0, 0o644
    tar.addfile(info, io.BytesIO(data))


#: Variables that would send a build elsewhere than its own empty SQLite database and local media.
_BUILD_UNSET = (
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "REDIS_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "AWS_STORAGE_BUCKET_NAME",
)


def build_fresh(data_dir, stdout=None):
    """``migrate`` and ``load_demo_content`` on a new SQLite database in ``data_dir``, in child processes.

    Child processes: the caller's own database connection and settings (a test's, say)
    stay untouched, and the build sees exactly what ``make run`` on a fresh clone sees.
    Returns the database path; the media files are in ``data_dir/media``.
    """
    import subprocess
    import sys

    # Block labels in the search text are translated: without the .mo files the build differs.
    missing = [
        po
        for po in Path(settings.BASE_DIR).glob("locales/*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
    ]
    if missing:
        raise RuntimeError(f"{missing[0]} is not compiled: make messages")
    env = {k: v for k, v in os.environ.items() if k not in _BUILD_UNSET}
    env.update(
        DATA_DIR=str(data_dir),
        SITE_HOSTNAME=BUILD_HOST,
        SITE_PORT=BUILD_PORT,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
    )
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    for args in (["migrate", "--noinput", "-v0"], ["load_demo_content", "--skip-checks"]):
        # Our own manage.py with fixed arguments.
        done = subprocess.run(  # noqa: S603
            manage + args, env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
        )
        if stdout is not None:
            stdout.write(done.stdout)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return Path(data_dir) / "db.sqlite3"


def extract_database(target, snapshot=SNAPSHOT):
    """The snapshot's database file, written to ``target`` (for comparing it)."""
    with tarfile.open(snapshot, "r:gz") as tar:
        Path(target).write_bytes(tar.extractfile("db.sqlite3").read())
    return Path(target)


def pack(db_path, media_root, out=SNAPSHOT):
    """Pack a freshly built demo database and its media files (reproducible bytes: no times, fixed order)."""
    db_path, media_root = Path(db_path), Path(media_root)
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    with sqlite3.connect(db_path) as db:
        db.execute("VACUUM")
    manifest = {
        "format": FORMAT,
        "migrations": disk_migrations(),
        "fingerprint": source_fingerprint(),
        "site": f"{BUILD_HOST}:{BUILD_PORT}",
    }
    buffer = io.BytesIO()
    with (
        gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        _tar_add(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        _tar_add(tar, "db.sqlite3", db_path.read_bytes())
        for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
            _tar_add(tar, "media/" + path.relative_to(media_root).as_posix(), path.read_bytes())
    Path(out).write_bytes(buffer.getvalue())


# --- comparison (the test and ``demo_snapshot --check``) ------------------------------------

#: A UUID with or without hyphens (wagtail-localize stores the 32-digit form).
_UUID = re.compile(r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")
_PASSWORD = re.compile(r"^(pbkdf2_sha256|argon2|bcrypt_sha256|scrypt|md5)\$.*$")
#: FTS5's own b-tree pages: derived from the indexed text, byte layout depends on insert order.
_DERIVED_TABLE = re.compile(r"_fts_(data|idx|docsize|config)$|^sqlite_")


#: Rebuilt in bulk at the end of a load, in an order that varies between runs (hash order of
#: the models): compared without their ``id``, which nothing points to.
_ID_FREE_TABLES = {"wagtailcore_referenceindex"}


#: The suffix a storage adds to a file name that is taken already (a media folder used before).
_STORAGE_SUFFIX = re.compile(r"^((?:documents|images|original_images)/.+)_[A-Za-z0-9]{7}(\.[A-Za-z0-9]+)$")


def _normalized(value):
    """Values that differ between two builds of the same demo: random UUIDs (translation keys,
    StreamField block ids), the times of the build, salted password hashes, and the suffix of a
    media file name that was taken already."""
    if isinstance(value, str):
        if _PASSWORD.match(value):
            return "<password>"
        value = _STORAGE_SUFFIX.sub(r"\1\2", value)
        return _DATETIME.sub("<datetime>", _UUID.sub("<uuid>", value))
    return value


def normalized_rows(db_path):
    """``{table: [row, ...]}`` of a demo SQLite database, volatile values masked, rows sorted."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if not _DERIVED_TABLE.search(name)
        ]
        result = {}
        for table in tables:
            query = f'SELECT * FROM "{table}"'  # noqa: S608 - table names read from sqlite_master
            rows = [tuple(_normalized(v) for v in row) for row in db.execute(query)]
            if table in _ID_FREE_TABLES:
                rows = [row[1:] for row in rows]
            result[table] = sorted(rows, key=repr)
    return result


def differences(rows_a, rows_b, limit=20):
    """Human-readable differences between two ``normalized_rows`` results (at most ``limit``)."""
    found = []
    for table in sorted(set(rows_a) | set(rows_b)):
        a, b = rows_a.get(table), rows_b.get(table)
        if a == b:
            continue
        if a is None or b is None:
            found.append(f"{table}: only in {'second' if a is None else 'first'}")
            continue
        set_a, set_b = set(a), set(b)
        only_a = [r for r in a if r not in set_b]
        only_b = [r for r in b if r not in set_a]
        found.append(f"{table}: {len(a)} vs {len(b)} rows; first only {only_a[:2]}; second only {only_b[:2]}")
        if len(found) >= limit:
            break
    return found
