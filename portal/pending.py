"""Reading and writing ``PendingTranslation`` (the rules are in ``moderation/pending.py``).

The public side asks ``pending_exists`` in the query it already runs (pages:
``TranslatedPageMixin.language_versions``; offers and organisations:
``offers.queries.with_fallback``), so no query is added.
"""

from django.db.models import Exists, OuterRef

from .models import PendingTranslation


def pending_exists(key_ref="translation_key", locale_ref="locale"):
    """``Exists`` expression: the outer row is a started, not yet approved translation."""
    return Exists(
        PendingTranslation.objects.filter(translation_key=OuterRef(key_ref), locale=OuterRef(locale_ref))
    )


def is_pending(instance):
    return PendingTranslation.objects.filter(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    ).exists()


def mark_pending(translation_key, locale_id):
    PendingTranslation.objects.get_or_create(translation_key=translation_key, locale_id=locale_id)


def clear_pending(instance):
    PendingTranslation.objects.filter(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    ).delete()
