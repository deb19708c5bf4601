"""Search synonyms from the glossary (glossary/README.md).

The renderings of one glossary term in one language (the preferred one, its
spelling variants and the renderings to avoid) are one word for search: each
is indexed and queried as the stem of the preferred rendering, so «Бекум»
finds the pages that write «Беккум» and the other way round. Only one-word
renderings take part (a phrase cannot stand for one token).

``text.analyse`` and ``text.query_terms`` call ``canonical_stems``; the map is
rebuilt when the glossary changes (the glossary's own cache version).
"""

_memo = {"rules": None, "maps": {}, "table": False}


def _glossary_rules():
    try:
        from glossary.checks import rules
    except ImportError:  # the glossary app is not installed
        return {}
    if not _memo["table"]:
        from django.db import connection

        if "glossary_glossaryterm" not in connection.introspection.table_names():
            return {}  # before the glossary's migrations (a migration saving pages)
        _memo["table"] = True
    return rules()


def canonical_stems(language):
    """{stem of a variant: stem of the preferred rendering} for ``language`` (may be empty)."""
    from .text import stem_token, words

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
