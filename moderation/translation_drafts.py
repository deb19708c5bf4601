"""Submit a wagtail-localize translation for approval instead of publishing it.

wagtail-localize's own ``Translation.save_target(publish=False)`` writes the
translated fields into the page row, which for a page that is already live
changes the public page at once (and for a live snippet takes it offline).
Here the translated content only becomes a new *revision*; the live version
stays as it is until the integration management approves the workflow, which
publishes exactly that revision.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments

from .pending import mark_pending


@transaction.atomic
def save_translation_revision(translation, user):
    """A draft revision of the target object holding the current translations; returns the object."""
    source = translation.source
    locale = translation.target_locale
    original = source.as_instance()
    target = source.get_translated_instance(locale)
    copy_synchronised_fields(original, target)
    # Untranslated strings fall back to German, as in wagtail-localize's own publish.
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, target, source.locale, locale, segments)
    if isinstance(target, Page) and target.alias_of_id:
        # An alias shows the German page; as a translation it becomes a page of its own.
        # Its live content stays the German text until the translation is approved.
        Page.objects.filter(pk=target.pk).update(alias_of=None)
        target.alias_of_id = None
        mark_pending(target.translation_key, target.locale_id)
    target.save_revision(user=user, log_action=True)
    return target
