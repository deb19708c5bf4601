"""Relevance of the public search: recall@1 and recall@3 per language on the demo content.

Loads the demo content into a throwaway database, then runs every query of
``search/relevance.json`` through ``search.query.search()`` in its language and
reports, per language and overall, how often the expected page is the first
result (recall@1) and among the first three (recall@3), and the mean number of
results per query (a precision guard: looser matching shows up as more
results). The same queries are checked by ``search/tests/test_relevance.py``.

Database: an SQLite file under /tmp by default (``BENCH_DATA_DIR`` keeps it
between runs: with an existing database only the search index is rebuilt, so
changes to ``search/text.py`` are measured in seconds). With ``DATABASE_URL``
pointing at PostgreSQL, the database named in it is dropped and created afresh;
its name must start with ``beckum_bench`` (any other name is refused).

    .venv/bin/python bench/search_relevance.py
    .venv/bin/python bench/search_relevance.py --misses       # also list the queries that miss
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/beckum_bench_relevance
    .venv/bin/python bench/search_relevance.py
"""

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_db import recreate_postgres  # noqa: E402  (bench/, the script's own folder)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.pop("ELASTICSEARCH_URL", None)

LANGS = ["de", "en", "ar", "fa", "uk", "ru", "tr"]


def prepare_database():
    """'sqlite-reuse' when BENCH_DATA_DIR already holds a loaded database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        data_dir = os.environ.get("BENCH_DATA_DIR") or tempfile.mkdtemp(prefix="beckum-relevance-")
        os.environ["DATA_DIR"] = data_dir
        os.environ.setdefault("MEDIA_ROOT", str(Path(data_dir) / "media"))
        return "sqlite-reuse" if (Path(data_dir) / "db.sqlite3").exists() else "sqlite"
    recreate_postgres(url)
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="beckum-relevance-media-"))
    return "postgresql"


MODE = prepare_database()

import django  # noqa: E402

django.setup()

import io  # noqa: E402

from django.core.management import call_command  # noqa: E402


def load():
    if MODE == "sqlite-reuse":
        from search.indexing import rebuild

        rebuild()
        return
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())


def rank_of(case):
    """1-based rank of the expected page in the first three results, or None."""
    from wagtail.models import Locale, Page

    from search.query import search

    locale = Locale.objects.get(language_code=case["language"])
    results = search(case["query"], locale, 0, 3)
    slugs = dict(Page.objects.filter(pk__in=[h.object_id for h in results.hits]).values_list("pk", "slug"))
    for position, hit in enumerate(results.hits, start=1):
        if hit.model == case["model"] and slugs.get(hit.object_id) == case["expected"]:
            return position, results
    return None, results


def main():
    show_misses = "--misses" in sys.argv
    load()
    cases = json.loads((ROOT / "search" / "relevance.json").read_text(encoding="utf-8"))["queries"]
    stats = {code: [0, 0, 0, 0] for code in LANGS}  # queries, @1, @3, results
    misses = []
    for case in cases:
        position, results = rank_of(case)
        row = stats.setdefault(case["language"], [0, 0, 0, 0])
        row[0] += 1
        row[1] += position == 1
        row[2] += position is not None
        row[3] += results.total
        if position != 1:
            misses.append((case, position, [h.title for h in results.hits]))
    from django.db import connection

    print(f"search relevance on {connection.vendor}: {len(cases)} queries (search/relevance.json)")
    print(f"{'language':<9}{'queries':>8}{'recall@1':>10}{'recall@3':>10}{'results':>9}")
    total = [0, 0, 0, 0]
    for code, row in stats.items():
        n, at1, at3, found = row
        if not n:
            continue
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(f"{code:<9}{n:>8}{at1 / n:>10.2f}{at3 / n:>10.2f}{found / n:>9.1f}")
    n, at1, at3, found = total
    print(f"{'all':<9}{n:>8}{at1 / n:>10.2f}{at3 / n:>10.2f}{found / n:>9.1f}")
    if show_misses:
        for case, position, titles in misses:
            where = f"rank {position}" if position else "not in top 3"
            print(f"- {case['language']} {case['query']!r} -> {case['expected']} ({where}): {titles}")


if __name__ == "__main__":
    main()
