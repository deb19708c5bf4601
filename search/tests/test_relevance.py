"""Relevance test set (search/relevance.json): each query's expected page in its language.

Protects language-aware matching end to end on the demo content: German and
English inflection (an inflected query finds the base form: "Sprachkursen"
finds "Sprachkurs abbrechen"), umlauts typed as ae/oe/ue and accents left out,
Arabic with and without diacritics, tatweel and hamza forms, sound and broken
plurals, Persian plurals with and without the zero-width non-joiner, Ukrainian
and Russian cases, Turkish typed without ş ç ğ ö ü ı. Each expected page must be
among the first three results, and the first where the case says "first".
Runs on SQLite and PostgreSQL (the ranking is the same portable score on both;
PostgreSQL only answers the match through its GIN index).
``bench/search_relevance.py`` reports recall@1 and recall@3 for the same set.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from search.query import search

CASES = json.loads((Path(__file__).resolve().parent.parent / "relevance.json").read_text(encoding="utf-8"))
QUERIES = CASES["queries"]
LANGUAGES = {"de", "en", "ar", "fa", "uk", "ru", "tr"}


def test_the_set_is_large_and_covers_every_language():
    assert len(QUERIES) >= 100
    per_language = Counter(case["language"] for case in QUERIES)
    assert set(per_language) == LANGUAGES
    assert min(per_language.values()) >= 10, per_language
    assert len({(case["language"], case["query"]) for case in QUERIES}) == len(QUERIES)
    # Multi-word queries in every language.
    assert {case["language"] for case in QUERIES if " " in case["query"]} == LANGUAGES


@pytest.mark.django_db
def test_every_expected_page_exists_in_its_language():
    """Fail loudly when the demo content changes under the set (no silent skips)."""
    for case in QUERIES:
        model = case["model"].split(".")[1]
        page = Page.objects.filter(
            slug=case["expected"],
            locale__language_code=case["language"],
            content_type__model=model,
            alias_of__isnull=True,
            live=True,
        )
        assert page.exists(), case


@pytest.mark.django_db
@pytest.mark.parametrize("case", QUERIES, ids=[f"{c['language']}:{c['query']}" for c in QUERIES])
def test_expected_page_in_the_first_results(case):
    locale = Locale.objects.get(language_code=case["language"])
    results = search(case["query"], locale, 0, 3)
    assert results.hits, f"no result for {case['query']!r}"
    slugs = dict(Page.objects.filter(pk__in=[h.object_id for h in results.hits]).values_list("pk", "slug"))
    found = [(h.model, slugs.get(h.object_id)) for h in results.hits]
    expected = (case["model"], case["expected"])
    if case.get("first"):
        assert found[0] == expected, [(h.model, h.title) for h in results.hits]
    else:
        assert expected in found, [(h.model, h.title) for h in results.hits]
