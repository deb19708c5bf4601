"""Index writes that failed wait here; ``manage.py retry_search_index`` redoes them."""

import logging

from django.apps import apps
from django.db import transaction

from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def enqueue(target, action, model_label, object_id):
    """Remember one write (the latest action per object wins). Never raises."""
    try:
        with transaction.atomic():
            PendingIndexUpdate.objects.update_or_create(
                target=target, model=model_label, object_id=str(object_id), defaults={"action": action}
            )
    except Exception as error:
        logger.warning("Search index write for %s:%s not queued: %s", model_label, object_id, error)


def retry(wagtail_backend, limit=1000):
    """Redo queued writes with ``wagtail_backend`` (the resilient backend or None); returns (done, failed)."""
    from search import elastic

    elastic.reset()
    done = failed = 0
    for update in PendingIndexUpdate.objects.all()[:limit]:
        try:
            ok = _redo(update, elastic, wagtail_backend)
        except Exception as error:
            logger.warning("Retry of index write %s failed: %s", update.pk, type(error).__name__)
            ok = False
        if ok:
            update.delete()
            done += 1
        else:
            PendingIndexUpdate.objects.filter(pk=update.pk).update(attempts=update.attempts + 1)
            failed += 1
            if elastic.is_down():
                break  # the cluster is still away: leave the rest for the next run
    return done, failed


def _redo(update, elastic, backend):
    if update.target == "portal":
        from search.models import SearchEntry

        if not elastic.is_configured():
            return True  # Elasticsearch is no longer configured: nothing to write
        if update.action == "delete":
            return elastic.delete_entry(update.model, int(update.object_id), queue=False)
        entries = list(
            SearchEntry.objects.select_related("locale").filter(
                model=update.model, object_id=update.object_id
            )
        )
        return elastic.index_entries(entries, queue=False) if entries else True
    if backend is None:
        return True  # Elasticsearch is no longer configured: nothing to write
    model = apps.get_model(update.model)
    obj = model._default_manager.filter(pk=update.object_id).first()
    if update.action == "delete" or obj is None:
        if obj is None:
            obj = model(pk=update.object_id)
        backend.delete_now(obj)
    else:
        backend.add_now(obj)
    return True
