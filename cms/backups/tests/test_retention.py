"""Retention: old archives are deleted, the newest one always stays, other files are never touched."""

from datetime import UTC, datetime, timedelta

from cms.backups.archive import archive_name, prune

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def make(directory, days_ago):
    path = directory / archive_name(NOW - timedelta(days=days_ago))
    path.write_bytes(b"archive")
    return path


def test_archives_older_than_the_retention_are_deleted(tmp_path):
    old, older, recent, today = make(tmp_path, 15), make(tmp_path, 30), make(tmp_path, 3), make(tmp_path, 0)
    other = tmp_path / "beckum-backup-handmade.tar.gz"
    other.write_bytes(b"keep")
    notes = tmp_path / "notes.txt"
    notes.write_text("keep")

    deleted = prune(tmp_path, 14, now=NOW)

    assert sorted(deleted) == sorted([old, older])
    assert recent.exists() and today.exists() and other.exists() and notes.exists()
    assert not old.exists() and not older.exists()


def test_the_newest_archive_stays_even_when_it_is_old(tmp_path):
    oldest, newest = make(tmp_path, 40), make(tmp_path, 20)
    assert prune(tmp_path, 14, now=NOW) == [oldest]
    assert newest.exists()


def test_zero_days_keeps_everything(tmp_path):
    paths = [make(tmp_path, days) for days in (1, 100, 1000)]
    assert prune(tmp_path, 0, now=NOW) == []
    assert all(path.exists() for path in paths)
