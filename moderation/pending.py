"""Translations started but not yet approved show the German text as German (issue 13, fault 4).

wagtail-localize's "Translate" creates (or converts from an alias) the target
page or snippet and publishes it at once, every untranslated string in German.
A ``PendingTranslation`` row marks such a target from the moment its
translation is started until a translation of it is approved:

* set when a ``Translation`` is created for a target that does not exist yet
  or is only an alias of the German page, and when a translator submits a
  translation of an alias;
* cleared when the approval workflow finishes approved for the target, or when
  the integration management publishes the target from the translation editor
  (its publishing is the approval, README "Translations under moderation").

The public side asks ``pending_q``/``is_pending`` in the query it already runs
(pages: ``TranslatedPageMixin.language_versions``; offers and organisations:
``offers.queries.with_fallback``), so no query is added.
"""

import contextvars

from django.core.signals import request_started
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, published, workflow_approved
from wagtail_localize.models import Translation

from portal.pending import clear_pending, is_pending, mark_pending, pending_exists  # noqa: F401

# (translation_key, locale id) of the target the integration management publishes from the
# translation editor in the current request (set by ``translation_access_hooks``).
_editor_publish = contextvars.ContextVar("moderation_editor_publish", default=None)


def approved_by_editor(instance):
    """Called before the integration management publishes ``instance`` from the translation editor."""
    _editor_publish.set((instance.translation_key, instance.locale_id))


@receiver(request_started)
def _forget_editor_publish(**kwargs):
    _editor_publish.set(None)


@receiver(post_save, sender=Translation)
def _translation_started(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    try:
        target = instance.get_target_instance()
    except Exception:  # noqa: BLE001 — not created yet: it will be created with German text
        target = None
    if target is None or (isinstance(target, Page) and target.alias_of_id):
        mark_pending(instance.source.object_id, instance.target_locale_id)


@receiver(workflow_approved)
def _translation_approved(sender, instance, **kwargs):
    target = instance.content_object
    if hasattr(target, "translation_key") and hasattr(target, "locale_id"):
        clear_pending(target)


def _published(instance):
    key = (getattr(instance, "translation_key", None), getattr(instance, "locale_id", None))
    if _editor_publish.get() == key:
        clear_pending(instance)
        _editor_publish.set(None)


@receiver(page_published)
def _page_published(sender, instance, **kwargs):
    _published(instance)


@receiver(published)
def _snippet_published(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        _published(instance)
