"""Fast demo load: no per-save index writes, indexes built once in bulk at the end.

A profile of ``load_demo_content`` (issue 12) spent about a third of its time outside
the content itself: Wagtail's search index written on every save (django-modelsearch),
the public search index written on every publish (``search.signals``, rebuilt in bulk at
the end anyway by ``search.wagtail_hooks``), Wagtail's reference index written on every
save, the page-cache version bumped once per transaction, and on SQLite an fsync per
commit (some 3,500 of them). ``bulk_loading()`` switches these off while the loader runs,
then builds Wagtail's search index and the reference index in one pass each and bumps
the content version once. Nothing changes in what is stored: the tests of the search
(``search/tests``) and of the admin read the indexes this builds.
"""

import contextlib
import logging
import threading
import weakref

from django.core.management import call_command
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

logger = logging.getLogger(__name__)

#: Receivers (by module) that only write derived data rebuilt at the end.
SUSPENDED_MODULES = ("modelsearch.signal_handlers", "search.signals", "operations.page_cache")
SIGNALS = (post_save, post_delete, m2m_changed)
SIGNALS += (page_published, page_unpublished, post_page_move, published, unpublished)

_lock = threading.Lock()


def _function(receiver_ref):
    target = receiver_ref() if isinstance(receiver_ref, weakref.ReferenceType) else receiver_ref
    return getattr(target, "__func__", target)


@contextlib.contextmanager
def _suspended_receivers():
    saved = {}
    with _lock:
        for signal in SIGNALS:
            saved[signal] = list(signal.receivers)
            signal.receivers = [
                r
                for r in signal.receivers
                if getattr(_function(r[1]), "__module__", "") not in SUSPENDED_MODULES
            ]
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        with _lock:
            for signal, receivers in saved.items():
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


@contextlib.contextmanager
def _sqlite_without_fsync():
    """The demo data can always be loaded again: no fsync per commit on SQLite."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield  # PRAGMA synchronous cannot change inside a transaction (a test's, say)
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        before = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous = {int(before)}")


@contextlib.contextmanager
def bulk_loading(stdout=None):
    from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from operations.page_cache import bump_version

    with _sqlite_without_fsync(), _suspended_receivers(), disable_reference_index_auto_update():
        yield
    # Wagtail's search index (admin search, choosers) and reference index ("usage"), in bulk.
    with _sqlite_without_fsync():
        try:
            call_command(WagtailUpdateIndex(), backend_name="default", verbosity=0, stdout=stdout)
        except Exception:  # a search cluster that is down must not stop the demo load
            logger.exception("Search index not built; run manage.py update_index later")
        call_command("rebuild_references_index", verbosity=0, stdout=stdout)
    bump_version()
