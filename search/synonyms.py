"""Search synonyms from the glossary (glossary/README.md).

The renderings of one glossary term in one language (the preferred one, its
spelling variants and the renderings to avoid) are one word for search: each
is indexed and queried as the stem of the preferred rendering, so «Бекум»
finds the pages that write «Беккум» and the other way round. Only one-word
renderings take part (a phrase cannot stand for one token).

``text.analyse`` and ``text.query_terms`` call ``canonical_stems``; the map is
rebuilt when the glossary changes (the glossary's own cache version).
"""

_memo = {"rules": None, "maps": {}}


def _glossary_rules():
    """{language: [rule]} from the apps that register ``search_synonym_rules`` (the glossary)."""
    from wagtail import hooks

    for rules in hooks.get_hooks("search_synonym_rules"):
        return rules()
    return {}


def canonical_stems(language, stem_token, words):
    """{stem of a variant: stem of the preferred rendering} for ``language`` (may be empty).

    ``stem_token`` and ``words`` are ``search.text``'s (passed in: text.py calls this).
    """
    current = _glossary_rules()
    if current is not _memo["rules"]:
        _memo["rules"], _memo["maps"] = current, {}
    if language in _memo["maps"]:
        return _memo["maps"][language]
    mapping = {}
    for rule in current.get(language, []):
        preferred = words(rule.preferred, language)
        if len(preferred) != 1:
            continue
        canonical = stem_token(preferred[0], language)
        for form in (*rule.variants, *rule.avoid):
            tokens = words(form, language)
            if len(tokens) == 1:
                stem = stem_token(tokens[0], language)
                if stem and stem != canonical:
                    mapping[stem] = canonical
    _memo["maps"][language] = mapping
    return mapping
