"""What one content version determines, kept in this process's memory (issue 12).

The full-page cache (``operations.page_cache``) reads the site-wide content version once
per anonymous request and puts it on ``request.page_cache_version``. Everything that
depends only on public content and that version — which page a URL names, its view
restrictions, its locale versions and homes, the menu — is the same for every anonymous
request under that version. Keeping it here spares the queries *and* the building of
model instances on requests the page cache cannot answer (a new query string, a first
reader), without a round trip to Redis.

Never wrong: the version is read before anything is built from the database, and every
change of public content bumps it in the same transaction, so what is kept under a
version is at least as new as that version. The version token includes the time of the
change, so a database rolled back or restored to an earlier number does not meet
entries built for a different state. When the version changes the whole memo is
dropped; it holds at most ``MAX_ENTRIES`` entries (a reader asking for many different
URLs cannot grow it without bound). Signed-in readers, previews and the admin never get
a version (the page cache leaves them alone), so they always read the database.
"""

import threading

MAX_ENTRIES = 4000

_lock = threading.Lock()
_memo = {"version": None, "entries": {}}


def _entries(version):
    if _memo["version"] != version:
        with _lock:
            if _memo["version"] != version:
                _memo["entries"] = {}
                _memo["version"] = version
    return _memo["entries"]


def version_of(request):
    """The content version token of an anonymous request, or None (then nothing is kept)."""
    return getattr(request, "page_cache_version", None) if request is not None else None


def peek(request, key):
    """The value kept under ``key`` for this request's version, or None."""
    version = version_of(request)
    if version is None:
        return None
    return _entries(version).get(key)


def keep(request, key, value):
    version = version_of(request)
    if version is None or value is None:
        return value
    entries = _entries(version)
    if len(entries) >= MAX_ENTRIES:
        entries.clear()
    entries[key] = value
    return value


def remember(request, key, build):
    """``build()`` once per content version (and process); every call without a version builds."""
    value = peek(request, key)
    if value is None:
        value = keep(request, key, build())
    return value


def forget():
    """Drop everything (tests; a process that wants to start afresh)."""
    with _lock:
        _memo["version"] = None
        _memo["entries"] = {}
