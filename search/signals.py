"""Index updates on publish, unpublish (including scheduled expiry), delete and view restrictions.

Wagtail's ``publish_scheduled`` expires pages through ``unpublish()``, which
sends ``page_unpublished``; so expiry is covered by the same handler. Saving a
draft changes nothing here: only published content is read. Models with drafts
(pages, offers, organisations) are indexed once per publish and once per
unpublish, never on a save; models without drafts on every save.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, published, unpublished

from . import elastic
from .indexing import index_object, remove_object
from .models import SearchEntry
from .registry import active_types, type_for_model

logger = logging.getLogger(__name__)


def _safe(fn, *args):
    """Search must never break saving content: log and carry on."""
    try:
        with transaction.atomic():  # a savepoint: a failure here leaves the editor's transaction intact
            return fn(*args)
    except Exception:
        logger.exception("Search index update failed for %r", args)
        return None


def on_publish(sender, instance, **kwargs):
    if type_for_model(type(instance)) is not None:
        _safe(index_object, instance)


def on_object_publish(sender, instance, **kwargs):
    """``published``/``unpublished``: snippets only (Wagtail sends them for pages too,
    after ``page_published``/``page_unpublished``, which already indexed the page)."""
    if not isinstance(instance, Page):
        on_publish(sender, instance, **kwargs)


def on_delete(sender, instance, **kwargs):
    search_type = type_for_model(sender)
    if search_type is not None:
        _safe(remove_object, search_type.key, instance.pk)


def on_snippet_save(sender, instance, raw=False, **kwargs):
    if not raw:
        _safe(index_object, instance)


def on_view_restriction_change(sender, instance, **kwargs):
    """The database search filters restrictions at query time; Elasticsearch needs the new flag."""
    if elastic.is_configured():
        _safe(_resend_subtree, instance)


def _resend_subtree(restriction):
    from wagtail.models import Page

    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:
        return
    ids = Page.objects.filter(path__startswith=page.path).values("pk")
    entries = list(
        SearchEntry.objects.filter(
            model__in=[t.key for t in active_types() if t.is_page], object_id__in=ids
        ).select_related("locale")
    )
    transaction.on_commit(lambda: elastic.index_entries(entries))


def connect():
    page_published.connect(on_publish, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(on_publish, dispatch_uid="portal_search_page_unpublished")
    published.connect(on_object_publish, dispatch_uid="portal_search_published")
    unpublished.connect(on_object_publish, dispatch_uid="portal_search_unpublished")
    for search_type in active_types():
        model = search_type.model
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"portal_search_delete_{search_type.key}")
        if not search_type.is_page and not issubclass(model, DraftStateMixin):
            uid = f"portal_search_save_{search_type.key}"
            post_save.connect(on_snippet_save, sender=model, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_search_restriction_{id(signal)}",
        )
