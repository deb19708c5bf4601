"""The public search on Elasticsearch 9: one index per language, analysed by that language.

Used when ``WAGTAILSEARCH_BACKENDS["default"]`` is an Elasticsearch backend
(``ELASTICSEARCH_URL`` set). Wagtail's own index keeps serving the admin; this
module keeps a small per-language index of ``SearchEntry`` rows for readers:

- ``index_body(language)``: settings and mappings. ``title``/``lead``/``body``
  use the language's analyzer (built-in ``german``, ``english``, ``russian``,
  ``persian``; Turkish rebuilt from the built-in one plus ``asciifolding``, so
  "iletisim" finds "iletişim"; a custom Arabic analyzer with
  ``arabic_normalization`` and the light Arabic stemmer; Ukrainian has no
  built-in analyzer, so a plain lowercase one). ``*_stems`` hold the tokens of
  ``search.text`` (the same analysis as the database path: Ukrainian light
  stemming, Turkish and Latin folding, Arabic light stemming and broken
  plurals, Persian plurals) and are analysed on whitespace only. No plugin
  (ICU, analysis-ukrainian) is assumed.
- ``query_body(...)``: the reader's text is only ever passed as the text of
  ``multi_match`` queries (never ``query_string``), so search syntax has no
  effect; the analysed tokens go into ``prefix``/``terms`` queries on the
  ``*_stems`` fields with the database path's matching rule (``stems_clause``:
  prefix one way, ``shorter_forms`` the other); filters on locale, live,
  public and the registered models.

Every call is guarded: on any error the caller falls back to the database
search and the error is logged as a warning; after a failure the cluster is
not asked again for ``RETRY_AFTER`` seconds, so a dead cluster does not slow
every request down. Results are re-checked against the database's public
querysets before they are shown.
"""

import logging
import time
from functools import lru_cache

from django.conf import settings

from portal import languages

logger = logging.getLogger(__name__)

RETRY_AFTER = 30
_down_until = 0.0

LANGUAGES = tuple(languages.CODES)  # the language table: portal/languages.py

ANALYSIS = {
    "filter": {
        "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
        "ukrainian_stop": {"type": "stop", "stopwords": ["і", "й", "та", "в", "у", "на", "з", "із", "до"]},
        "turkish_stop": {"type": "stop", "stopwords": "_turkish_"},
        "turkish_lowercase": {"type": "lowercase", "language": "turkish"},
        "turkish_stemmer": {"type": "stemmer", "language": "turkish"},
    },
    "analyzer": {
        "portal_arabic": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"],
        },
        "portal_ukrainian": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "ukrainian_stop"],
        },
        # Elasticsearch's built-in "turkish" analyzer, then ş ç ğ ö ü ı folded (for matching only:
        # the stored text keeps its letters), as search.text folds the stems.
        "portal_turkish": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["apostrophe", "turkish_lowercase", "turkish_stop", "turkish_stemmer", "asciifolding"],
        },
        "portal_stems": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
    },
}

#: The analyzer of each language's prose fields.
LANGUAGE_ANALYZERS = languages.ELASTIC_ANALYZERS


def config():
    """URLs, index prefix and timeout when the default backend is Elasticsearch, else None."""
    backend = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
    if "elasticsearch" not in backend.get("BACKEND", ""):
        return None
    return {
        "urls": tuple(backend.get("URLS") or ("http://localhost:9200",)),
        "prefix": backend.get("INDEX_PREFIX", ""),
        "timeout": float(backend.get("TIMEOUT", 5)),
    }


def is_configured():
    return config() is not None


def index_name(language, prefix=None):
    if prefix is None:
        prefix = (config() or {}).get("prefix", "")
    return f"{prefix}portal_search_{language}"


def index_body(language):
    """Settings and mappings of one language's index."""
    analyzer = LANGUAGE_ANALYZERS.get(language, "standard")
    prose = {"type": "text", "analyzer": analyzer}
    stems = {"type": "text", "analyzer": "portal_stems"}
    return {
        "settings": {"analysis": ANALYSIS, "number_of_shards": 1},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "model": {"type": "keyword"},
                "object_id": {"type": "long"},
                "kind": {"type": "keyword"},
                "locale": {"type": "keyword"},
                "translation_key": {"type": "keyword"},
                "live": {"type": "boolean"},
                "public": {"type": "boolean"},
                "title": {**prose, "fields": {"stems": stems}},
                "lead": prose,
                "body": prose,
                "title_stems": stems,
                "lead_stems": stems,
                "body_stems": stems,
                "text": {"type": "text", "index": False},
            },
        },
    }


def document(entry, public):
    """The document of one SearchEntry."""
    return {
        "model": entry.model,
        "object_id": entry.object_id,
        "kind": entry.kind,
        "locale": entry.locale.language_code,
        "translation_key": str(entry.translation_key) if entry.translation_key else None,
        "live": True,
        "public": bool(public),
        "title": entry.title,
        "lead": "",
        "body": entry.text,
        "title_stems": entry.title_norm.strip(),
        "lead_stems": entry.lead_norm.strip(),
        "body_stems": entry.body_norm.strip(),
        "text": entry.text,
    }


def doc_id(model, object_id):
    return f"{model}:{object_id}"


STEM_FIELDS = (("title_stems", 4), ("lead_stems", 2), ("body_stems", 1))


def stems_clause(term):
    """One query token against the ``*_stems`` fields, by the rule of ``search.text.term_matches``.

    The indexed token starts with the term (``prefix``; whole ``term`` under
    three letters) or is one of the term's ``shorter_forms`` (``terms``), in
    any of the three fields. The term is an analysed token (letters and digits):
    ``prefix`` and ``terms`` take it literally, no syntax is read from it.
    """
    from .text import MIN_PREFIX, shorter_forms

    should = []
    for field, boost in STEM_FIELDS:
        kind = "prefix" if len(term) >= MIN_PREFIX else "term"
        should.append({kind: {field: {"value": term, "boost": boost}}})
        shorter = list(shorter_forms(term))
        if shorter:
            should.append({"terms": {field: shorter, "boost": boost}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def query_body(
    query, terms, locale_code, model_keys, offset=0, size=10, exclude_translation_keys=(), required=None
):
    """The search request: the reader's words as plain text, filtered to what may be shown.

    Two ways to match, either is enough: the reader's text through the
    language's analyzer (``multi_match``), or every required analysed token
    (``required``, default all ``terms``) by ``stems_clause``, the same rule as
    the database path.
    """
    should = [
        {
            "multi_match": {
                "query": query,
                "type": "cross_fields",
                "fields": ["title^4", "lead^2", "body"],
                "operator": "and",
            }
        }
    ]
    required = list(required if required is not None else terms)
    if required:
        should.append({"bool": {"must": [stems_clause(term) for term in required]}})
    bool_query = {
        "should": should,
        "minimum_should_match": 1,
        "filter": [
            {"term": {"locale": locale_code}},
            {"term": {"live": True}},
            {"term": {"public": True}},
            {"terms": {"model": sorted(model_keys)}},
        ],
    }
    if exclude_translation_keys:
        bool_query["must_not"] = [{"terms": {"translation_key": sorted(exclude_translation_keys)}}]
    return {
        "query": {"bool": bool_query},
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": ["model", "object_id", "kind", "title", "text", "translation_key"],
    }


@lru_cache(maxsize=4)
def _client(urls, timeout):
    from elasticsearch import Elasticsearch

    return Elasticsearch(list(urls), request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def client():
    conf = config()
    return _client(conf["urls"], conf["timeout"]) if conf else None


class Unavailable(Exception):
    """Elasticsearch is not configured, down, or answered with an error."""


def _failed(action, error):
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER
    logger.warning("Elasticsearch %s failed, using the database search: %s", action, error)


def is_down():
    """True for ``RETRY_AFTER`` seconds after a failure (shared with operations.elasticsearch_backend)."""
    return time.monotonic() < _down_until


def _queue(action, keys):
    """Hand failed writes to the "search_write_failed" hooks (operations queues them for
    ``manage.py retry_search_index``); search does not import operations."""
    from wagtail import hooks

    for fn in hooks.get_hooks("search_write_failed"):
        for model, object_id in keys:
            fn("portal", action, model, object_id)


def reset():
    """Forget a recent failure (tests, management commands)."""
    global _down_until
    _down_until = 0.0


def search(query, terms, locale, model_keys, offset=0, size=10, exclude_translation_keys=(), required=None):
    """(total, hits) from the locale's index; raises ``Unavailable``."""
    es = client()
    if es is None:
        raise Unavailable("not configured")
    if time.monotonic() < _down_until:
        raise Unavailable("failed recently")
    language = locale.language_code.split("-")[0]
    body = query_body(
        query, terms, locale.language_code, model_keys, offset, size, exclude_translation_keys, required
    )
    try:
        response = es.search(index=index_name(language), body=body)
        hits = response["hits"]
        return hits["total"]["value"], [hit["_source"] for hit in hits["hits"]]
    except Exception as error:
        _failed("search", error)
        raise Unavailable(str(error)) from error


def _public_ids(entries):
    """{(model, object_id)} of the entries a visitor may see now."""
    from .registry import type_for_key

    visible = set()
    groups = {}
    for entry in entries:
        groups.setdefault((entry.model, entry.locale_id), []).append(entry)
    for (model_key, _locale_id), group in groups.items():
        search_type = type_for_key(model_key)
        if search_type is None:
            continue
        ids = search_type.public_queryset(search_type.model, group[0].locale).filter(
            pk__in=[e.object_id for e in group]
        )
        visible.update((model_key, pk) for pk in ids.values_list("pk", flat=True))
    return visible


def index_entries(entries, queue=True):
    """Best effort: write the entries' documents; errors are logged and queued, never raised.

    While the cluster is known to be down the write is queued without asking it,
    so a save or publish waits for at most one timeout.
    """
    es = client()
    if es is None or not entries:
        return False
    if is_down():
        if queue:
            _queue("index", [(entry.model, entry.object_id) for entry in entries])
        return False
    try:
        visible = _public_ids(entries)
        operations = []
        for entry in entries:
            index = index_name(entry.language)
            operations.append({"index": {"_index": index, "_id": doc_id(entry.model, entry.object_id)}})
            operations.append(document(entry, (entry.model, entry.object_id) in visible))
        es.bulk(operations=operations, refresh=False)
        return True
    except Exception as error:
        _failed("indexing", error)
        if queue:
            _queue("index", [(entry.model, entry.object_id) for entry in entries])
        return False


def delete_entry(model, object_id, queue=True):
    es = client()
    if es is None:
        return False
    if is_down():
        if queue:
            _queue("delete", [(model, object_id)])
        return False
    try:
        es.delete_by_query(
            index=index_name("*"),
            body={"query": {"term": {"_id": doc_id(model, object_id)}}},
            conflicts="proceed",
            allow_no_indices=True,
        )
        return True
    except Exception as error:
        _failed("delete", error)
        if queue:
            _queue("delete", [(model, object_id)])
        return False


def rebuild(stdout=None):
    """Recreate every language's index from the SearchEntry table."""
    from .models import SearchEntry

    es = client()
    if es is None:
        return False
    try:
        for language in LANGUAGES:
            name = index_name(language)
            es.options(ignore_status=404).indices.delete(index=name)
            es.indices.create(index=name, **index_body(language))
        entries = list(SearchEntry.objects.select_related("locale"))
        for start in range(0, len(entries), 500):
            index_entries(entries[start : start + 500], queue=False)
        es.indices.refresh(index=index_name("*"))
        if stdout:
            stdout.write(f"Elasticsearch: {len(entries)} documents in {len(LANGUAGES)} indexes.")
        return True
    except Exception as error:
        _failed("rebuild", error)
        if stdout:
            stdout.write(f"Elasticsearch: rebuild failed ({error}); the database search is used.")
        return False
