"""Create a wagtail-localize translation of a page from a parallel translated text.

The demo content gives every page in German and in other languages with the
same shape. We pair German and translated strings by their position in the
extracted segments and import them as a PO file, then let wagtail-localize
save the target page. The result is a real managed translation: the
translation editor shows every string as translated, and a later change to
the German source makes the translation "out of date" in the usual way.
"""

import copy
import logging

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from portal.models import PendingTranslation

logger = logging.getLogger(__name__)


def _with_ids(source_raw, translated):
    """Translated stream data, carrying the block ids of the German stream."""
    if isinstance(source_raw, dict) and isinstance(translated, dict):
        result = {}
        for key, value in translated.items():
            result[key] = _with_ids(source_raw.get(key), value) if key in source_raw else value
        if "id" in source_raw:
            result["id"] = source_raw["id"]
        return result
    if isinstance(source_raw, list) and isinstance(translated, list):
        merged = []
        for src, tr in zip(source_raw, translated, strict=False):
            if (
                isinstance(src, dict)
                and src.get("type") == "item"
                and not (isinstance(tr, dict) and tr.get("type") == "item")
            ):
                merged.append({"type": "item", "id": src.get("id"), "value": _with_ids(src.get("value"), tr)})
            else:
                merged.append(_with_ids(src, tr))
        return merged
    return translated


def shadow_copy(page, fields):
    """An unsaved copy of ``page`` holding the translated field values."""
    shadow = copy.copy(page)
    for name, value in fields.items():
        if name == "body":
            value = _with_ids(list(page.body.raw_data), value)
        setattr(shadow, name, value)
    if "body" in fields:
        # Re-read the stream through the field so that block values are typed.
        shadow.body = type(page).body.field.to_python(shadow.body)
    return shadow


def paired_strings(page, shadow):
    """{(path, German text): translated text} for every string segment."""
    source_segments = [s for s in extract_segments(page) if isinstance(s, StringSegmentValue)]
    target_segments = [s for s in extract_segments(shadow) if isinstance(s, StringSegmentValue)]
    pairs, mismatched = {}, 0
    by_path = {}
    for seg in target_segments:
        by_path.setdefault(seg.path, []).append(seg)
    seen = {}
    for seg in source_segments:
        index = seen.get(seg.path, 0)
        seen[seg.path] = index + 1
        candidates = by_path.get(seg.path, [])
        if index < len(candidates):
            pairs[(seg.path, seg.string.data)] = candidates[index].string.data
        else:
            mismatched += 1
    return pairs, mismatched


def translate_page(page, locale, fields, only=None):
    """Create or update the ``locale`` translation of German ``page``; publish it.

    Returns the number of German strings that could not be paired (0 when the
    translated text has the same shape as the German one). ``only``: field names whose
    strings are imported; the other strings of an existing translation stay as they are.
    """
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    shadow = shadow_copy(page, {"slug": page.slug, **fields})
    pairs, mismatched = paired_strings(page, shadow)
    po = translation.export_po()
    if only:
        kept = [e for e in po if e.msgctxt.split(".")[0] in only]
        po.clear()
        po.extend(kept)
    for entry in po:
        entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "")
        if not entry.msgstr:
            mismatched += 1
    translation.import_po(po)
    translation.save_target(publish=page.live)
    if not only:
        # The demo translations count as approved (moderation.pending); a translation
        # that only gets a new string keeps its state.
        PendingTranslation.objects.filter(translation_key=page.translation_key, locale=locale).delete()
    if mismatched:
        logger.warning("%s (%s): %d strings kept in German", page.slug, locale.language_code, mismatched)
    return mismatched
