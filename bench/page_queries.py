"""Query count and render time of the home page and a guide page.

Builds a throwaway database (SQLite under /tmp, or ``BENCH_DATABASE_URL``),
loads the demo content, then measures each URL: SQL queries of one request
(warm caches) and the median/p95 of 30 renders. It repeats the measurement
after adding 20 more navigation pages to show that the query count does not
grow with the navigation.

    .venv/bin/python bench/page_queries.py
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.pop("DATABASE_URL", None)
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="beckum-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

URLS = [
    "/de/",
    "/ar/",
    "/de/sprache/",
    "/de/sprache/kursabbruch/",
    "/ar/sprache/kursabbruch/",
    "/uk/sprache/kursabbruch/",
]
RUNS = 30


def measure(client, url):
    client.get(url)
    # The query log is a bounded deque: full after loading, it would hide new queries.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    queries = len(ctx.captured_queries)  # read now: later requests reset the log
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return queries, statistics.median(times), times[int(len(times) * 0.95) - 1], len(response.content)


def report(client, title):
    print(f"\n{title}")
    print(f"{'url':<28} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'bytes':>7}")
    for url in URLS:
        queries, median, p95, size = measure(client, url)
        print(f"{url:<28} {queries:>7} {median:>10.1f} {p95:>8.1f} {size:>7}")


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-users", stdout=io.StringIO())
    from home.models import GuideIndexPage, HomePage

    client = Client()
    nav = GuideIndexPage.objects.filter(locale__language_code="de").count()
    report(client, f"{connection.vendor}, demo content ({nav} navigation pages)")
    home = HomePage.objects.get(locale__language_code="de")
    for i in range(20):
        home.add_child(
            instance=GuideIndexPage(
                title=f"Bench {i}", slug=f"bench-{i}", field_of_action="bildung", show_in_menus=True
            )
        ).save_revision().publish()
    report(client, f"{connection.vendor}, after adding 20 navigation pages ({nav + 20})")


if __name__ == "__main__":
    main()
