"""Relevance test set (search/relevance.json): each query's top result in its language.

Protects language-aware matching end to end on the demo content: German and
English inflection, Arabic with and without diacritics, tatweel and hamza forms,
Ukrainian cases. Runs on SQLite and PostgreSQL (the ranking is the same portable
score on both; PostgreSQL only answers the match through its GIN index).
"""

import json
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from search.query import search

CASES = json.loads((Path(__file__).resolve().parent.parent / "relevance.json").read_text(encoding="utf-8"))
QUERIES = CASES["queries"]


def test_the_set_is_large_and_covers_the_languages():
    assert len(QUERIES) >= 30
    assert {case["language"] for case in QUERIES} >= {"de", "en", "ar", "uk"}


@pytest.mark.django_db
@pytest.mark.parametrize("case", QUERIES, ids=[f"{c['language']}:{c['query']}" for c in QUERIES])
def test_expected_top_result(case):
    locale = Locale.objects.get(language_code=case["language"])
    results = search(case["query"], locale, 0, 3)
    assert results.hits, f"no result for {case['query']!r}"
    top = results.hits[0]
    slug = Page.objects.filter(pk=top.object_id).values_list("slug", flat=True).first()
    found = [(h.model, h.title) for h in results.hits]
    assert (top.model, slug) == (case["model"], case["expected"]), found
