"""Create a wagtail-localize translation of a snippet from a parallel translated text.

The same idea as ``home.demo.translate`` for pages: German and translated
strings are paired by their position in the extracted segments and imported
as a PO file; wagtail-localize then saves (and publishes) the target
snippet, so the translation editor shows every string as translated.
"""

import copy
import logging

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from portal.models import PendingTranslation

logger = logging.getLogger(__name__)


def paired_strings(instance, shadow):
    """{(path, German text): translated text} for every string segment."""
    by_path = {}
    for segment in extract_segments(shadow):
        if isinstance(segment, StringSegmentValue):
            by_path.setdefault(segment.path, []).append(segment.string.data)
    pairs, seen, mismatched = {}, {}, 0
    for segment in extract_segments(instance):
        if not isinstance(segment, StringSegmentValue):
            continue
        index = seen.get(segment.path, 0)
        seen[segment.path] = index + 1
        candidates = by_path.get(segment.path, [])
        if index < len(candidates):
            pairs[(segment.path, segment.string.data)] = candidates[index]
        else:
            mismatched += 1
    return pairs, mismatched


def translate_snippet(instance, locale, fields):
    """Create or update the ``locale`` translation of German ``instance``; publish it.

    Returns the number of German strings that could not be paired.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    shadow = copy.copy(instance)
    for name, value in fields.items():
        setattr(shadow, name, value)
    pairs, mismatched = paired_strings(instance, shadow)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(po)
    translation.save_target(publish=True)
    # The demo translations count as approved (moderation.pending).
    PendingTranslation.objects.filter(translation_key=instance.translation_key, locale=locale).delete()
    if mismatched:
        logger.warning("%s (%s): %d strings kept in German", instance, locale.language_code, mismatched)
    return mismatched
