"""Write and read back one backup archive: manifest, database dump, media.

Layout of ``beckum-backup-<UTC time>.tar.gz``::

    manifest.json        format version, time, vendor, app version, counts, checksum of the dump
    database.pgdump      pg_dump --format=custom   (PostgreSQL)
    database.sqlite3     SQLite backup API copy    (SQLite)
    media/<name>         every file of the default storage (local folder or bucket)

The manifest comes first, so a restore can refuse a wrong archive before it
reads the rest. Archives hold personal data and password hashes: they are
written with mode 0600.
"""

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.utils import translation

from . import database, manifest, media

ARCHIVE_PATTERN = re.compile(r"^beckum-backup-(\d{8}T\d{6}Z)\.tar\.gz$")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Result:
    path: Path
    manifest: dict
    seconds: float = 0.0
    size: int = 0
    media_bytes: int = 0
    notes: list = field(default_factory=list)


def archive_name(moment):
    return f"beckum-backup-{moment:%Y%m%dT%H%M%SZ}.tar.gz"


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _tarinfo(created):
    def make(name):
        info = tarfile.TarInfo(name)
        info.mtime = int(created.timestamp())
        info.mode = 0o600
        return info

    return make


def create(directory):
    """Write a new archive into ``directory``; returns a Result."""
    if not database.supported():
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    started = time.monotonic()
    created = datetime.now(UTC).replace(microsecond=0)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / archive_name(created)
    if target.exists():
        raise BackupError(f"{target} exists already; wait a second and run the backup again.")
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="beckum-backup-") as scratch:
        dump_path = Path(scratch) / database.dump_name()
        try:
            database.dump(dump_path)
        except database.DatabaseToolError as error:
            raise BackupError(str(error)) from error
        names = media.list_files()
        info = {
            "format": manifest.FORMAT,
            "format_version": manifest.FORMAT_VERSION,
            "created_at": created.isoformat(),
            "database": {
                "vendor": database.vendor(),
                "server_version": database.server_version(),
                "file": database.dump_name(),
                "size": dump_path.stat().st_size,
                "sha256": _sha256(dump_path),
            },
            "app": {
                "commit": manifest.app_commit(),
                "django": manifest.package_version("Django"),
                "wagtail": manifest.package_version("wagtail"),
                "wagtail_localize": manifest.package_version("wagtail-localize"),
            },
            "migrations": manifest.applied_migrations(),
            "counts": manifest.counts(),
            "media": {"storage": type(storages["default"]).__name__, "files": len(names)},
        }
        make_info = _tarinfo(created)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                data = json.dumps(info, indent=2, sort_keys=True).encode()
                entry = make_info(manifest.NAME)
                entry.size = len(data)
                tar.addfile(entry, io.BytesIO(data))
                tar.add(dump_path, arcname=database.dump_name(), filter=lambda i: _owned(i, created))
                _files, media_bytes = media.add_to_tar(tar, names, make_info)
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return Result(
        path=target,
        manifest=info,
        seconds=time.monotonic() - started,
        size=target.stat().st_size,
        media_bytes=media_bytes,
    )


def _owned(info, created):
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    info.mtime = int(created.timestamp())
    return info


def read_manifest(path):
    """The manifest of an archive, checked for format; raises BackupError."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            first = tar.next()
            if first is None or first.name != manifest.NAME:
                raise BackupError(f"{path} is not a backup archive of this application (no manifest).")
            info = json.load(tar.extractfile(first))
    except (OSError, tarfile.TarError, EOFError, json.JSONDecodeError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from error
    if info.get("format") != manifest.FORMAT:
        raise BackupError(f"{path} is not a backup archive of this application.")
    if info.get("format_version") != manifest.FORMAT_VERSION:
        raise BackupError(
            f"{path} has archive format {info.get('format_version')}; this version reads format "
            f"{manifest.FORMAT_VERSION}. Restore it with the application version that wrote it "
            f"(commit {info.get('app', {}).get('commit') or 'unknown'})."
        )
    return info


def check_restorable(info, overwrite):
    """Every reason to refuse, before anything is changed."""
    archived = info["database"]["vendor"]
    here = database.vendor()
    if archived != here:
        raise BackupError(
            f"This archive holds a {database.VENDOR_NAMES.get(archived, archived)} database, but this "
            f"installation uses {database.VENDOR_NAMES.get(here, here)}. Restore it on an installation "
            f"with the same database (DATABASE_URL), or make a new backup there."
        )
    unknown = manifest.unknown_migrations(info.get("migrations", {}))
    if unknown:
        raise BackupError(
            "This archive was made by a newer version of the application (commit "
            f"{info['app'].get('commit') or 'unknown'}); these migrations are unknown here: "
            f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}. Deploy that version first."
        )
    try:
        tables = database.table_count()
    except DatabaseError as error:
        raise BackupError(
            f"Cannot open the database {connection.settings_dict['NAME']!s} ({error}). "
            "Create it (PostgreSQL: createdb) and check DATABASE_URL, then run the restore again."
        ) from error
    if tables and not overwrite:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']!s} is not empty ({tables} tables). "
            "Restoring replaces everything in it and all media files of the archive. "
            "Run the command again with --overwrite to do that."
        )


def restore(path, overwrite=False, reindex=True, stdout=None):
    """Restore the archive at ``path``; returns a Result. Refuses before changing anything."""
    started = time.monotonic()
    path = Path(path)
    info = read_manifest(path)
    check_restorable(info, overwrite)
    expected_dump = info["database"]["file"]
    media_bytes = media_files = 0
    with tempfile.TemporaryDirectory(prefix="beckum-restore-") as scratch:
        # First pass: the whole archive is readable and the dump is the one the manifest names.
        dump_path = Path(scratch) / expected_dump
        try:
            with tarfile.open(path, "r:gz") as tar:
                for member in tar:
                    if member.name == expected_dump:
                        with tar.extractfile(member) as source, open(dump_path, "wb") as target:
                            shutil.copyfileobj(source, target)
                    elif member.name.startswith(media.PREFIX):
                        media.check_name(member.name[len(media.PREFIX) :])
        except (OSError, tarfile.TarError, EOFError, media.UnsafeName) as error:
            raise BackupError(f"{path} is damaged, nothing was changed: {error}") from error
        if not dump_path.exists() or _sha256(dump_path) != info["database"]["sha256"]:
            raise BackupError(f"{path} is damaged (database dump missing or altered), nothing was changed.")
        try:
            database.restore(dump_path)
        except database.DatabaseToolError as error:
            raise BackupError(str(error)) from error
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if member.isfile() and member.name.startswith(media.PREFIX):
                    media_bytes += media.restore_member(tar, member)
                    media_files += 1
    except Exception as error:
        # The database is restored already; the media storage (disk, bucket) failed.
        raise BackupError(
            f"The database was restored, but writing the media files stopped after {media_files} "
            f"files: {error}. Fix the media storage and run the restore again with --overwrite."
        ) from error
    notes = _forget_cached_state()
    notes += _verify(info, media_files)
    if reindex:
        _rebuild_search_index(stdout or io.StringIO())
        indexed = manifest.counts().get("search_entries")
        if indexed != info["counts"].get("search_entries", indexed):
            notes.append(
                f"The rebuilt search index has {indexed} entries, the archive had "
                f"{info['counts']['search_entries']}: check manage.py rebuild_search_text."
            )
    return Result(
        path=path, manifest=info, seconds=time.monotonic() - started, media_bytes=media_bytes, notes=notes
    )


def _rebuild_search_index(stdout):
    """The public search index always; Wagtail's own index too when it lives outside the database.

    Under the default language, as from cron or a shell: the indexed text of some blocks is
    translated with the active language (search.indexing), so a caller's language must not leak in.
    """
    from django.core.management import call_command

    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    with translation.override(settings.LANGUAGE_CODE):
        if backend.endswith(".database"):
            call_command("rebuild_search_text", stdout=stdout)  # Wagtail's index came back with the tables
        else:
            call_command("update_index", stdout=stdout)  # Wagtail's command, then rebuild_search_text


def _forget_cached_state():
    """Caches that still describe the database before the restore."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    try:
        cache.clear()
    except Exception as error:  # noqa: BLE001 - a cache outage must not fail a finished restore
        return [f"The cache could not be cleared ({error}); clear it before serving."]
    return []


def _verify(info, media_files):
    """Counts after the restore must be those in the manifest; returns notes for the operator."""
    expected = info.get("counts", {})
    found = manifest.counts()
    wrong = {key: (value, found.get(key)) for key, value in expected.items() if found.get(key) != value}
    if wrong:
        details = ", ".join(f"{key}: {want} expected, {got} found" for key, (want, got) in wrong.items())
        raise BackupError(f"The restored database does not match the manifest: {details}.")
    if media_files != info.get("media", {}).get("files", media_files):
        raise BackupError(f"{media_files} media files restored, the manifest lists {info['media']['files']}.")
    notes = []
    pending = _pending_migrations()
    if pending:
        notes.append(f"{len(pending)} migrations of this version are not applied yet: run manage.py migrate.")
    return notes


def _pending_migrations():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def prune(directory, keep_days, now=None):
    """Delete archives in ``directory`` older than ``keep_days`` days; the newest one always stays.

    Only files named like this command's archives are touched. Returns the deleted paths.
    """
    if keep_days is None or keep_days <= 0:
        return []
    now = now or datetime.now(UTC)
    archives = []
    for path in Path(directory).iterdir():
        match = ARCHIVE_PATTERN.match(path.name)
        if match and path.is_file():
            moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            archives.append((moment, path))
    archives.sort()
    deleted = []
    for moment, path in archives[:-1]:
        if moment < now - timedelta(days=keep_days):
            path.unlink()
            deleted.append(path)
    return deleted
