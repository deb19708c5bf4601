"""Machine translators that follow the glossary (settings: WAGTAILLOCALIZE_MACHINE_TRANSLATOR).

* DeepL: a DeepL glossary (German term → preferred rendering, with the German
  term in brackets where the glossary asks for it) is created once per
  language pair and glossary state, and passed as ``glossary_id``.
* LibreTranslate has no glossaries: the draft is corrected after translation.

Both then apply the same correction (``follow_glossary``): a rendering to avoid
becomes the preferred one, and a required German term is added in brackets.
The draft still goes through review: translators see the warnings at submit.
"""

import hashlib
import logging
import re

import requests
from django.core.cache import cache
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

from .checks import ATTACHED_PREFIX_LANGUAGES, german_has, plain, rendering_pattern, rules

logger = logging.getLogger(__name__)


def _language(locale):
    return locale.language_code.split("-")[0].lower()


def _replace_avoided(text, word, preferred, language):
    if language in ATTACHED_PREFIX_LANGUAGES:
        # Words take attached prefixes and suffixes: replace the whole word.
        pattern = re.compile(rf"[^\s<>\"'.,،؛:!?()]*{re.escape(word)}[^\s<>\"'.,،؛:!?()]*")
    else:
        pattern = rendering_pattern(word, language)
    return pattern.sub(preferred, text)


def follow_glossary(source, target, language):
    """``target`` (an MT draft of German ``source``) corrected by the glossary."""
    source_text = plain(source)
    present = [rule for rule in rules().get(language, []) if german_has(source_text, rule)]
    allowed = [rule.preferred for rule in present]
    for rule in present:
        for word in rule.avoid:
            if any(rendering_pattern(word, language).search(p) for p in allowed):
                continue
            target = _replace_avoided(target, word, rule.preferred, language)
    lowered = target.casefold()
    for rule in present:
        if not rule.german_in_brackets or any(f.casefold() in lowered for f in rule.german_forms):
            continue
        match = rendering_pattern(rule.preferred, language).search(target)
        if match:
            target = f"{target[: match.end()]} ({rule.german}){target[match.end() :]}"
            lowered = target.casefold()
    return target


def _corrected(result, language):
    return {
        string: StringValue(follow_glossary(string.data, value.data, language))
        for string, value in result.items()
    }


class GlossaryLibreTranslator(LibreTranslator):
    display_name = "LibreTranslate"

    def translate(self, source_locale, target_locale, strings):
        return _corrected(super().translate(source_locale, target_locale, strings), _language(target_locale))


def glossary_entries(language):
    """{German form: rendering} for a DeepL glossary into ``language``."""
    entries = {}
    for rule in rules().get(language, []):
        target = f"{rule.preferred} ({rule.german})" if rule.german_in_brackets else rule.preferred
        for form in rule.german_forms:
            clean = " ".join(form.split())
            if clean and clean not in entries:
                entries[clean] = " ".join(target.split())
    return entries


class GlossaryDeepLTranslator(DeepLTranslator):
    display_name = "DeepL"

    def api_base(self):
        base = self.options.get("API_BASE")
        if base:
            return base.rstrip("/")
        return super().get_api_endpoint().rsplit("/", 1)[0]

    def get_api_endpoint(self):
        return f"{self.api_base()}/translate"

    def glossary_id(self, source_lang, target_lang, language):
        entries = glossary_entries(language)
        if not entries:
            return None
        tsv = "\n".join(f"{german}\t{target}" for german, target in sorted(entries.items()))
        digest = hashlib.sha256(f"{source_lang}|{target_lang}|{tsv}".encode()).hexdigest()[:16]
        key = f"glossary:deepl:{digest}"
        glossary_id = cache.get(key)
        if glossary_id:
            return glossary_id
        try:
            response = requests.post(
                f"{self.api_base()}/glossaries",
                data={
                    "name": f"Integrationsportal Beckum {source_lang}-{target_lang} {digest}",
                    "source_lang": source_lang.lower(),
                    "target_lang": target_lang.split("-")[0].lower(),
                    "entries": tsv,
                    "entries_format": "tsv",
                },
                headers=self.get_headers(),
                timeout=int(self.options.get("TIMEOUT", 30)),
            )
            response.raise_for_status()
            glossary_id = response.json()["glossary_id"]
        except (requests.RequestException, KeyError, ValueError) as error:
            logger.warning("DeepL glossary %s-%s not created: %s", source_lang, target_lang, error)
            return None
        cache.set(key, glossary_id, None)
        return glossary_id

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        glossary_id = self.glossary_id(
            parameters["source_lang"], parameters["target_lang"], _language(target_locale)
        )
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters

    def translate(self, source_locale, target_locale, strings):
        return _corrected(super().translate(source_locale, target_locale, strings), _language(target_locale))


__all__ = ["GlossaryDeepLTranslator", "GlossaryLibreTranslator", "follow_glossary", "language_code"]
