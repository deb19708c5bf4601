"""The media part of a backup: every file of the default storage.

Works through Django's storage API, so the same code reads and writes the
local media folder and an S3-compatible bucket (``cms.media_storage``):
images, renditions and the private documents of the working groups.
"""

import posixpath

from django.core.files import File
from django.core.files.storage import default_storage

PREFIX = "media/"


class UnsafeName(ValueError):
    pass


def list_files(storage=None, directory=""):
    """Every file name in the storage, sorted, with '/' separators."""
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [posixpath.join(directory, name) for name in sorted(files) if name]
    for sub in sorted(directories):
        if sub:
            names.extend(list_files(storage, posixpath.join(directory, sub)))
    return names


def check_name(name):
    """A media name from an archive must stay inside the storage."""
    normal = posixpath.normpath(name)
    if not name or name.startswith("/") or normal != name or normal.startswith("..") or "\\" in name:
        raise UnsafeName(f"Refusing the unsafe file name {name!r} in the archive.")
    return name


def add_to_tar(tar, names, tarinfo_factory, storage=None):
    """Add each file to the tar under ``media/``; returns (files, bytes)."""
    storage = storage or default_storage
    total = 0
    for name in names:
        with storage.open(name, "rb") as handle:
            info = tarinfo_factory(PREFIX + name)
            info.size = handle.size
            tar.addfile(info, handle)
            total += info.size
    return len(names), total


def restore_member(tar, member, storage=None):
    """Write one ``media/…`` member of the archive back under its own name (replacing it)."""
    storage = storage or default_storage
    name = check_name(member.name[len(PREFIX) :])
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(tar.extractfile(member), name=posixpath.basename(name)))
    if saved != name:
        raise OSError(f"The storage saved {name!r} as {saved!r}.")
    return member.size
