"""Public search at scale: p50/p95 latency and SQL query count.

Seeds a throwaway database with 5,000 guide pages and (when the offers app is
installed) 2,000 offers spread over the seven locales, with text taken from the
demo content of each language (home/demo_content/, offers/demo_content/),
builds the search index, then measures one-word and two-word searches:

- ``service``: ``search.query.search()`` (count + ranked page of 10 results);
- ``page``: a full GET of ``/<lang>/suche/?q=...`` (navigation, URLs, snippets).

Database: an SQLite file under /tmp by default. With ``DATABASE_URL`` pointing
at PostgreSQL, the database named in it is dropped and created afresh, and it
must be a bench database (its name starts with ``beckum_bench``); the script
refuses any other name so it can never touch the CI, test or production data.

    .venv/bin/python bench/search_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/beckum_bench_search .venv/bin/python bench/search_bench.py

Options (environment): BENCH_PAGES (5000), BENCH_OFFERS (2000), BENCH_RUNS (60).
"""

import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_db import recreate_postgres  # noqa: E402  (bench/, the script's own folder)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.pop("ELASTICSEARCH_URL", None)

PAGES = int(os.environ.get("BENCH_PAGES", "5000"))
OFFERS = int(os.environ.get("BENCH_OFFERS", "2000"))
RUNS = int(os.environ.get("BENCH_RUNS", "60"))
LANGS = ["de", "en", "ar", "fa", "uk", "ru", "tr"]


def prepare_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="beckum-search-bench-")
        return "sqlite"
    recreate_postgres(url)
    return "postgresql"


VENDOR = prepare_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils.html import strip_tags  # noqa: E402


def demo_sentences():
    """{language: [sentences]} from the demo content of every app."""
    sentences = {code: [] for code in LANGS}

    def walk(value, code):
        if isinstance(value, dict):
            for item in value.values():
                walk(item, code)
        elif isinstance(value, list):
            for item in value:
                walk(item, code)
        elif isinstance(value, str) and len(value) > 20 and " " in value:
            for sentence in re.split(r"(?<=[.!?؟])\s+", " ".join(strip_tags(value).split())):
                if len(sentence) > 15:
                    sentences[code].append(sentence)

    files = list((ROOT / "home" / "demo_content").rglob("*.json")) + list(
        (ROOT / "offers" / "demo_content").rglob("*.json")
    )

    def visit(node):
        if isinstance(node, dict):
            translations = node.get("translations")
            if isinstance(translations, dict):
                for code, value in translations.items():
                    if code in sentences:
                        walk(value, code)
            for code in LANGS:
                if isinstance(node.get(code), dict):
                    walk(node[code], code)
            for value in node.values():
                if isinstance(value, (dict, list)):
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    for path in files:
        try:
            visit(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, OSError):
            continue
    return {code: sorted(set(found)) for code, found in sentences.items() if found}


def words_of(sentences):
    words = set()
    for sentence in sentences:
        words.update(w for w in re.findall(r"[^\W\d_]{5,}", sentence))
    return sorted(words)


def seed_pages(rng, texts):
    from wagtail.models import Locale, Page, Site

    from home.models import GuideIndexPage, GuidePage, HomePage
    from portal.fields_of_action import FIELDS_OF_ACTION

    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    home_de = None
    homes = {}
    for code in LANGS:
        home = HomePage(title=f"Beckum ({code})", slug=f"start-{code}", locale=locales[code], live=True)
        if home_de is not None:
            home.translation_key = home_de.translation_key
        root.add_child(instance=home)
        root.refresh_from_db()
        homes[code] = home
        home_de = home_de or home
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home_de, "site_name": "Bench"},
    )
    sections = {code: [] for code in LANGS}
    keys = {}
    for code in LANGS:
        for field, label in FIELDS_OF_ACTION:
            section = GuideIndexPage(
                title=f"{label} {code}",
                slug=field,
                field_of_action=field,
                locale=locales[code],
                live=True,
                show_in_menus=True,
            )
            if field in keys:
                section.translation_key = keys[field]
            homes[code].add_child(instance=section)
            keys.setdefault(field, section.translation_key)
            sections[code].append(section)
    per_locale = PAGES // len(LANGS)
    created = 0
    start = time.perf_counter()
    for code in LANGS:
        pool = texts.get(code) or texts["de"]
        for i in range(per_locale + (1 if LANGS.index(code) < PAGES % len(LANGS) else 0)):
            section = sections[code][i % len(sections[code])]
            title = " ".join(rng.sample(words_of(rng.sample(pool, min(3, len(pool)))) or ["Beckum"], k=1))
            title = f"{rng.choice(pool)[:60].rstrip(' ,.;:')} {title} {i}"
            paragraphs = [" ".join(rng.sample(pool, min(6, len(pool)))) for _ in range(3)]
            page = GuidePage(
                title=title[:250],
                slug=f"seite-{i}",
                locale=locales[code],
                intro=rng.choice(pool),
                body=[("paragraph", f"<p>{p}</p>") for p in paragraphs],
                live=True,
            )
            section.add_child(instance=page)
            section.refresh_from_db(fields=["numchild"])
            created += 1
    print(f"seeded {created} guide pages in {time.perf_counter() - start:.0f} s")
    return homes


def seed_offers(rng, texts):
    try:
        from offers.factories import OfferFactory, OrganisationFactory
        from offers.models import Offer, OfferFinderPage
    except ImportError as error:
        print(f"offers: not installed ({error}); pages only")
        return 0
    from wagtail.models import Locale

    from home.models import HomePage

    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    start = time.perf_counter()
    finder_key = None
    for code in LANGS:
        home = HomePage.objects.get(locale=locales[code])
        finder = OfferFinderPage(title=f"Angebote {code}", slug="angebote", locale=locales[code], live=True)
        if finder_key:
            finder.translation_key = finder_key
        home.add_child(instance=finder)
        finder_key = finder_key or finder.translation_key
    per_locale = OFFERS // len(LANGS)
    batch = []
    for code in LANGS:
        pool = texts.get(code) or texts["de"]
        organisations = [
            OrganisationFactory(locale=locales[code], name=f"{rng.choice(pool)[:50]} {n}", slug=f"o{code}{n}")
            for n in range(20)
        ]
        for i in range(per_locale + (1 if LANGS.index(code) < OFFERS % len(LANGS) else 0)):
            batch.append(
                OfferFactory.build(
                    locale=locales[code],
                    organisation=organisations[i % len(organisations)],
                    title=rng.choice(pool)[:190],
                    slug=f"angebot-{code}-{i}",
                    summary=rng.choice(pool),
                    description="".join(f"<p>{s}</p>" for s in rng.sample(pool, min(3, len(pool)))),
                )
            )
    Offer.objects.bulk_create(batch, batch_size=500)
    print(f"seeded {len(batch)} offers in {time.perf_counter() - start:.0f} s")
    return len(batch)


QUERIES = {
    "de": (["Sprachkurse", "Wohnung", "Arzt", "Behörden", "Kinderbetreuung", "Schule"],
           ["Sprachkurs Kinderbetreuung", "Wohnung finden", "Kontakt Behörde", "Integrationskurs Kosten"]),
    "en": (["courses", "flat", "doctor", "authorities", "childcare", "school"],
           ["language course", "finding flat", "integration course", "waste separation"]),
    "ar": (["دورات", "الطبيب", "شقة", "الأطفال", "اللغة", "المدرسة"],
           ["دورات اللغة", "رعاية الأطفال", "الدوائر الحكومية", "البحث شقة"]),
    "uk": (["курси", "сміття", "тиша", "установи", "мова"],
           ["мовні курси", "години тиші", "листи заяви"]),
    "ru": (["курсы", "мусор", "учреждения", "язык"], ["языковые курсы", "часы тишины"]),
    "tr": (["kurslar", "çöp", "dil", "İletişim"], ["dil kursu", "sessizlik saatleri"]),
    "fa": (["زبان", "زباله", "ادارات"], ["کلاس زبان", "تفکیک زباله"]),
}  # fmt: skip


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def measure(kind, queries_for, fn):
    from wagtail.models import Locale

    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    times, counts, totals = [], [], []
    cases = [(code, q) for code in LANGS for q in queries_for(code)]
    for code, query in cases:  # warm-up
        fn(locales[code], query)
    for run in range(RUNS):
        code, query = cases[run % len(cases)]
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            total = fn(locales[code], query)
            times.append((time.perf_counter() - start) * 1000)
        counts.append(len(ctx.captured_queries))
        totals.append(total)
    return {
        "kind": kind,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "queries": max(counts),
        "avg_hits": statistics.mean(totals),
    }


def main():
    setup_test_environment()
    from django.conf import settings

    # Seeding: Wagtail's own (admin) index is not what is measured; skip its per-save updates.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from search.indexing import rebuild
    from search.models import SearchEntry
    from search.query import search

    rng = random.Random(6)
    texts = demo_sentences()
    with transaction.atomic():  # one commit: SQLite would sync to disk after every page
        seed_pages(rng, texts)
        offers = seed_offers(rng, texts)
    start = time.perf_counter()
    rebuild()
    print(f"indexed {SearchEntry.objects.count()} entries in {time.perf_counter() - start:.1f} s")
    if VENDOR == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE portal_search_searchentry")

    client = Client()

    def service(locale, query):
        return search(query, locale, 0, 10).total

    def page(locale, query):
        response = client.get(f"/{locale.language_code}/suche/", {"q": query})
        assert response.status_code == 200
        return 0

    rows = []
    for words, index in (("one word", 0), ("two words", 1)):
        for name, fn in (("service", service), ("page", page)):
            rows.append((words, measure(name, lambda code, i=index: QUERIES[code][i], fn)))
    print(f"\nSearch on {VENDOR}: {PAGES} pages, {offers} offers, {len(LANGS)} locales, {RUNS} searches/row")
    print(f"{'query':<10} {'what':<8} {'p50 ms':>8} {'p95 ms':>8} {'SQL queries':>12} {'avg hits':>9}")
    for words, row in rows:
        print(
            f"{words:<10} {row['kind']:<8} {row['p50']:>8.1f} {row['p95']:>8.1f} "
            f"{row['queries']:>12} {row['avg_hits']:>9.1f}"
        )
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
