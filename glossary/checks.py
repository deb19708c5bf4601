"""Check translations against the glossary.

A translation *violates* the glossary when

* it uses a rendering to avoid (``kind="avoid"``), unless another term of the
  German source prefers exactly that word (``psychosozial`` → "psychosocial
  counselling" allows "counselling" although Beratung avoids it); or
* the German source has a term whose rendering must be followed by the German
  term in brackets, and the translation does not contain the German term
  (``kind="missing_german"``).

German terms match as case-insensitive substrings (German compounds:
"Sprachpatenschaften" has "Patenschaft"). Renderings match at the start of a
word in scripts that separate words with spaces, and anywhere in Arabic and
Farsi, whose words take attached prefixes (و، ال، ب، ل).
"""

import re
import time
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.utils.html import strip_tags

ATTACHED_PREFIX_LANGUAGES = {"ar", "fa"}
VERSION_KEY = "glossary:version"
#: How long a process trusts its copy before asking the cache whether another process changed it.
RECHECK_SECONDS = 5
_memo = {"version": None, "data": None, "checked": 0.0}


@dataclass(frozen=True)
class Rule:
    term_id: int
    german: str
    german_forms: tuple
    language: str
    preferred: str
    german_in_brackets: bool
    avoid: tuple
    variants: tuple


@dataclass(frozen=True)
class Violation:
    kind: str  # "avoid" or "missing_german"
    german: str
    language: str
    found: str
    expected: str
    source: str = ""
    target: str = ""

    @property
    def message(self):
        from django.utils.translation import gettext as _

        if self.kind == "avoid":
            return _("“%(found)s” is a rendering to avoid for %(german)s: use “%(expected)s”.") % {
                "found": self.found,
                "german": self.german,
                "expected": self.expected,
            }
        return _("The German term “%(german)s” should follow “%(expected)s” in brackets.") % {
            "german": self.german,
            "expected": self.expected,
        }


def invalidate():
    """Called when the glossary changes: every process reloads it."""
    import uuid

    _memo["version"], _memo["data"], _memo["checked"] = None, None, 0.0
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def rules():
    """{language: [Rule]} for the whole glossary (two queries, then memoised per process).

    Another process's change is seen through the cache's version key; a cleared
    cache keeps this process's copy (the signals invalidate it on every save).
    """
    now = time.monotonic()
    if _memo["data"] is not None and now - _memo["checked"] < RECHECK_SECONDS:
        return _memo["data"]  # search analyses every text: no cache round trip each time
    version = cache.get(VERSION_KEY)
    if _memo["data"] is not None and (version is None or version == _memo["version"]):
        _memo["checked"] = now
        return _memo["data"]
    from .models import GlossaryTerm

    data = {}
    for term in GlossaryTerm.objects.prefetch_related("renderings"):
        forms = tuple(term.german_forms())
        for rendering in term.renderings.all():
            data.setdefault(rendering.language, []).append(
                Rule(
                    term_id=term.pk,
                    german=term.german,
                    german_forms=forms,
                    language=rendering.language,
                    preferred=rendering.preferred,
                    german_in_brackets=rendering.german_in_brackets,
                    avoid=tuple(rendering.avoid_list()),
                    variants=tuple(rendering.variant_list()),
                )
            )
    _memo["version"], _memo["data"], _memo["checked"] = version, data, now
    return data


@lru_cache(maxsize=2048)
def rendering_pattern(text, language):
    escaped = re.escape(text)
    if language in ATTACHED_PREFIX_LANGUAGES:
        return re.compile(escaped, re.IGNORECASE)
    return re.compile(rf"(?<!\w){escaped}", re.IGNORECASE)


def plain(text):
    return " ".join(strip_tags(text or "").split())


def german_has(source, rule):
    lowered = source.casefold()
    return any(form.casefold() in lowered for form in rule.german_forms)


def check_pair(source, target, language, language_rules=None):
    """Violations of one translated string (``source`` German, ``target`` in ``language``)."""
    if language_rules is None:
        language_rules = rules().get(language, [])
    source, target = plain(source), plain(target)
    if not target:
        return []
    in_source = [rule for rule in language_rules if german_has(source, rule)]
    allowed = [rule.preferred for rule in in_source]
    violations, seen = [], set()
    for rule in language_rules:
        for word in rule.avoid:
            match = rendering_pattern(word, language).search(target)
            if not match or word.casefold() in seen:
                continue
            if any(rendering_pattern(word, language).search(preferred) for preferred in allowed):
                continue
            seen.add(word.casefold())
            violations.append(
                Violation("avoid", rule.german, language, match.group(0), rule.preferred, source, target)
            )
    lowered = target.casefold()
    for rule in in_source:
        if rule.german_in_brackets and not any(form.casefold() in lowered for form in rule.german_forms):
            violations.append(
                Violation("missing_german", rule.german, language, "", rule.preferred, source, target)
            )
    return violations


def translation_pairs(translation):
    """(German, translated) text of every translated string of a wagtail-localize ``Translation``."""
    from wagtail_localize.models import StringSegment, StringTranslation

    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string")
        .order_by("order")
    )
    translated = {
        (t.translation_of_id, t.context_id): t.data
        for t in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, translation_of_id__in=[s.string_id for s in segments]
        )
    }
    for segment in segments:
        data = translated.get((segment.string_id, segment.context_id))
        if data:
            yield segment.string.data, data


def translation_violations(translation):
    language = translation.target_locale.language_code
    language_rules = rules().get(language, [])
    if not language_rules:
        return []
    violations = []
    for source, target in translation_pairs(translation):
        violations.extend(check_pair(source, target, language, language_rules))
    return violations


def all_violations(language=None):
    """{Translation: [Violation]} for every enabled translation (of ``language``) with a violation."""
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(enabled=True).select_related("target_locale", "source")
    if language:
        translations = translations.filter(target_locale__language_code=language)
    result = {}
    for translation in translations:
        found = translation_violations(translation)
        if found:
            result[translation] = found
    return result


def warn(request, translation):
    """Add a warning message per glossary violation of ``translation`` (the submit step calls this)."""
    from django.contrib import messages
    from django.utils.translation import gettext as _

    found = translation_violations(translation)
    for violation in found[:10]:
        messages.warning(request, _("Glossary: %(message)s") % {"message": violation.message})
    if len(found) > 10:
        messages.warning(request, _("Glossary: %(count)d more findings.") % {"count": len(found) - 10})
    return found
