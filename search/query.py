"""Run a public search: Elasticsearch when configured and up, else the database.

The database search reads ``SearchEntry``. Matching: every required query
token must match a token of the title, introduction or body by the rule of
``search.text.term_matches``: the indexed token starts with the query token
(prefix match, so "sprachkur" finds "sprachkurs"; tokens under three letters
must match whole) or is one of its ``shorter_forms`` (so "sprachkurs",
from "Sprachkursen", finds "sprachkur", from "Sprachkurs").
On PostgreSQL the match is answered by the GIN-indexed ``vector`` column
(``to_tsquery`` in the ``simple`` configuration over the already analysed
tokens, prefix ``:*``, so PostgreSQL neither stems them again nor drops words);
elsewhere by ``LIKE`` on the analysed text. Ranking is the same portable score
on every database (per token its best field: title 10, introduction 4,
body 1; +3 for the query word itself as a whole title word; a small boost per
type: guide pages first; equal scores: shorter title first), so SQLite and
PostgreSQL agree on the order.

Visibility is decided here, at query time, by the registry's public querysets:
a row is only a result when its object is in the public queryset of its type.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Coalesce, Length

from . import elastic
from .indexing import MATCH_CONFIG, is_postgres
from .models import SearchEntry
from .registry import active_types, type_for_key
from .text import MIN_PREFIX, clean_query, query_terms, shorter_forms

PER_PAGE = 10
#: Below this many results in the reader's language, German results are added.
FEW_RESULTS = 3
GERMAN_RESULTS = 5
SUGGESTIONS = 8


@dataclass
class Hit:
    model: str
    object_id: int
    kind: str
    title: str
    text: str
    translation_key: object = None
    url: str = ""
    language: str = ""
    type_label: object = ""


@dataclass
class Results:
    query: str
    terms: list
    total: int = 0
    hits: list = field(default_factory=list)
    backend: str = "database"


def _visible_q(locale, types, site=None):
    """Q on SearchEntry: the object is in the public queryset of its type (and of the town ``site``).

    Types sharing one queryset function (all page types) share one subquery.
    """
    from portal.sites import for_site

    groups = {}
    for search_type in types:
        groups.setdefault((search_type.public_queryset, search_type.is_page), []).append(search_type)
    condition = Q(pk__in=[])
    for (public_queryset, is_page), members in groups.items():
        if is_page:
            from wagtail.models import Page

            ids = for_site(public_queryset(Page, locale), site).values("pk")
            condition |= Q(model__in=[t.key for t in members], object_id__in=ids)
        else:
            for t in members:
                visible = for_site(public_queryset(t.model, locale), site)
                condition |= Q(model=t.key, object_id__in=visible.values("pk"))
    return condition


def _token_lookup(term):
    return f" {term}" if len(term) >= MIN_PREFIX else f" {term} "


def _term_q(term, name):
    """Q: a token of field ``name`` matches ``term`` (``search.text.term_matches`` in SQL).

    The indexed text is padded with spaces, so "starts with" is ``LIKE ' term%'``
    and a whole token is ``LIKE ' token %'``.
    """
    condition = Q(**{f"{name}__contains": _token_lookup(term)})
    for shorter in shorter_forms(term):
        condition |= Q(**{f"{name}__contains": f" {shorter} "})
    return condition


def _match_q(term, fields=("title_norm", "lead_norm", "body_norm")):
    condition = Q()
    for name in fields:
        condition |= _term_q(term, name)
    return condition


def _tsquery(terms):
    """A raw tsquery from analysed tokens (letters and digits only: nothing to escape).

    Per term: its prefix (3+ letters) or the whole token, or one of its
    ``shorter_forms`` as a whole token, the same rule as the LIKE path.
    """
    parts = []
    for term in terms:
        options = []
        for token, prefix in ((term, len(term) >= MIN_PREFIX), *((s, False) for s in shorter_forms(term))):
            safe = token.replace("'", "").replace("\\", "")
            options.append(f"'{safe}':*" if prefix else f"'{safe}'")
        parts.append(f"({' | '.join(options)})" if len(options) > 1 else options[0])
    return " & ".join(parts)


def _score(terms, required, title_only=False):
    """Per query word the best field it occurs in: title 10 (+3 whole word), introduction 4, body 1.

    Every required word matched somewhere (the WHERE clause says so), so a word
    found neither in the title nor in the introduction is in the body: the long
    body text is never scanned again for ranking.
    """
    score = F("boost")
    for term in terms:
        whens = [When(_term_q(term, "title_norm"), then=Value(10))]
        if not title_only:
            whens.append(When(_term_q(term, "lead_norm"), then=Value(4)))
        elsewhere = 1 if term in required and not title_only else 0
        score = score + Case(*whens, default=Value(elsewhere), output_field=IntegerField())
        # The bonus is for the word itself: "Sprachkurse" puts "Sprachkurse ..." before "Sprachkurs ...".
        score = score + Case(When(title_norm__contains=f" {term} ", then=Value(3)), default=Value(0))
    return Coalesce(score, Value(0), output_field=IntegerField())


def matching(locale, terms, required, types, title_only=False, site=None):
    """The visible SearchEntry rows of ``locale`` (and of the town ``site``) matching the query."""
    queryset = SearchEntry.objects.filter(locale=locale).filter(_visible_q(locale, types, site))
    if is_postgres() and not title_only:
        from django.contrib.postgres.search import SearchQuery

        queryset = queryset.filter(
            vector=SearchQuery(_tsquery(required), config=MATCH_CONFIG, search_type="raw")
        )
    else:
        fields = ("title_norm",) if title_only else ("title_norm", "lead_norm", "body_norm")
        for term in required:
            queryset = queryset.filter(_match_q(term, fields))
    return queryset


def ranked(queryset, terms, required, title_only=False):
    score = _score(terms, required, title_only)
    # Equal scores: the shorter title first (the query covers more of it), then by title.
    order = ("-score", "type_order", Length("title_norm"), "title", "pk")
    return queryset.annotate(score=score).order_by(*order)


def _hits(rows, language):
    hits = []
    for row in rows:
        search_type = type_for_key(row["model"])
        hits.append(
            Hit(
                model=row["model"],
                object_id=row["object_id"],
                kind=row["kind"],
                title=row["title"],
                text=row.get("text") or "",
                translation_key=row.get("translation_key"),
                language=language,
                type_label=search_type.label if search_type else "",
            )
        )
    return hits


FIELDS = ("model", "object_id", "kind", "title", "text", "translation_key")


def database_search(query, locale, offset=0, size=PER_PAGE, exclude_translation_keys=None, site=None):
    terms, required = query_terms(query, locale.language_code)
    results = Results(query=clean_query(query), terms=terms)
    if not terms:
        return results
    types = active_types()
    queryset = matching(locale, terms, required, types, site=site)
    if exclude_translation_keys is not None:
        queryset = queryset.exclude(translation_key__in=exclude_translation_keys)
    # One query for the page and the total (a window count is computed before LIMIT);
    # only a page past the end needs a separate count.
    page = ranked(queryset, terms, required).annotate(full_count=Window(Count("pk")))
    rows = list(page.values(*FIELDS, "full_count")[offset : offset + size])
    results.total = rows[0]["full_count"] if rows else (queryset.count() if offset else 0)
    results.hits = _hits(rows, locale.language_code)
    return results


def elastic_search(query, locale, offset=0, size=PER_PAGE, exclude_translation_keys=None, site=None):
    """The same search on Elasticsearch; hits re-checked against the database. Raises Unavailable."""
    terms, required = query_terms(query, locale.language_code)
    results = Results(query=clean_query(query), terms=terms, backend="elasticsearch")
    if not terms:
        return results
    types = active_types()
    keys = [str(k) for k in exclude_translation_keys or ()]
    total, sources = elastic.search(
        results.query,
        terms,
        locale,
        [t.key for t in types],
        offset,
        size,
        exclude_translation_keys=keys,
        required=required,
    )
    visible = set(
        SearchEntry.objects.filter(locale=locale)
        .filter(_visible_q(locale, types, site))
        .filter(
            Q(pk__in=[])
            | _or([Q(model=s["model"], object_id=s["object_id"]) for s in sources] or [Q(pk__in=[])])
        )
        .values_list("model", "object_id")
    )
    rows = [s for s in sources if (s["model"], s["object_id"]) in visible]
    results.total = total - (len(sources) - len(rows))
    results.hits = _hits(rows, locale.language_code)
    return results


def _or(conditions):
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


def search(query, locale, offset=0, size=PER_PAGE, exclude_translation_keys=None, site=None):
    """Elasticsearch when configured and answering; otherwise the database. ``site``: the town."""
    if elastic.is_configured():
        try:
            return elastic_search(query, locale, offset, size, exclude_translation_keys, site=site)
        except elastic.Unavailable:
            pass
    return database_search(query, locale, offset, size, exclude_translation_keys, site=site)


def reader_translation_keys(locale):
    """Translation keys of everything indexed in the reader's locale (a subquery)."""
    return (
        SearchEntry.objects.filter(locale=locale)
        .exclude(translation_key=None)
        .values_list("translation_key", flat=True)
    )


def suggestions(query, locale, limit=SUGGESTIONS, site=None):
    """Titles of visible content whose title words start with the query's words."""
    terms, required = query_terms(query, locale.language_code)
    if not terms:
        return []
    types = active_types()
    queryset = matching(locale, terms, required, types, title_only=True, site=site)
    rows = ranked(queryset, terms, required, title_only=True).values(*FIELDS)[:limit]
    return _hits(rows, locale.language_code)
