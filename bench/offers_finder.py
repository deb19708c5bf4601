"""Seed 2,000 offers over the seven locales and time the public offer finder.

    .venv/bin/python bench/offers_finder.py [--offers 2000] [--runs 15]

Uses ``DATABASE_URL`` when it is set, otherwise a fresh SQLite file
``data/bench/offers_finder.sqlite3`` (recreated on every run). Prints the
median render time and the number of SQL queries of the finder, unfiltered and
with three filters, in German and in Arabic (a locale with German fallbacks).
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
if not os.environ.get("DATABASE_URL"):
    db_file = BASE / "data" / "bench" / "offers_finder.sqlite3"
    db_file.parent.mkdir(parents=True, exist_ok=True)
    db_file.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail_localize.synctree import synchronize_tree  # noqa: E402

from home.models import HomePage  # noqa: E402
from offers.choices import LANGUAGES, OFFER_KINDS, TARGET_GROUPS  # noqa: E402
from offers.factories import OfferFactory, OrganisationFactory  # noqa: E402
from offers.models import Offer, OfferFinderPage, Organisation  # noqa: E402
from portal.fields_of_action import FIELD_CODES  # noqa: E402

# Share of the German offers that are translated into each other locale.
TRANSLATED_SHARE = {"en": 0.5, "ar": 0.4, "fa": 0.25, "uk": 0.2, "ru": 0.1, "tr": 0.05}
SCENARIOS = [
    ("unfiltered", ""),
    ("3 filters", "?kind=language_course&childcare=on&language=ar"),
]


def locales():
    result = {}
    for code, _name in settings.LANGUAGES:
        result[code], _ = Locale.objects.get_or_create(language_code=code)
    return result


def build_site(all_locales):
    german = all_locales[settings.LANGUAGE_CODE]
    root = Page.get_first_root_node()
    home = HomePage(title="Start", slug="start", locale=german)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    finder = OfferFinderPage(title="Angebote finden", slug="angebote", locale=german)
    home.add_child(instance=finder)
    finder.save_revision().publish()
    for locale in all_locales.values():
        if locale != german:
            synchronize_tree(german, locale)
    return {p.locale.language_code: p for p in OfferFinderPage.objects.select_related("locale")}


def seed(total, all_locales, rng):
    """``total`` offers: German sources plus translations, about 40 organisations per locale."""
    german = all_locales[settings.LANGUAGE_CODE]
    share = 1 + sum(TRANSLATED_SHARE.values())
    n_sources = round(total / share)
    organisations = Organisation.objects.bulk_create(
        OrganisationFactory.build(locale=german, name=f"Organisation {n}", slug=f"org-{n}") for n in range(40)
    )
    translated_orgs = {}
    for code in TRANSLATED_SHARE:
        copies = []
        for org in organisations:
            copy = OrganisationFactory.build(
                locale=all_locales[code],
                name=f"{org.name} ({code})",
                slug=org.slug,
                translation_key=org.translation_key,
            )
            copies.append(copy)
        translated_orgs[code] = {o.translation_key: o for o in Organisation.objects.bulk_create(copies)}

    kinds = [code for code, _label in OFFER_KINDS]
    languages = [code for code, _label in LANGUAGES[:9]]
    targets = [code for code, _label in TARGET_GROUPS]
    sources = []
    for n in range(n_sources):
        sources.append(
            OfferFactory.build(
                locale=german,
                organisation=rng.choice(organisations),
                title=f"Angebot {n:04}",
                slug=f"angebot-{n:04}",
                kind=rng.choice(kinds),
                fields_of_action=rng.sample(FIELD_CODES, rng.randint(1, 2)),
                target_groups=rng.sample(targets, rng.randint(1, 2)),
                languages=["de", *rng.sample(languages[1:], rng.randint(0, 2))],
                is_free=rng.random() < 0.6,
                fee_note="10 Euro",
                childcare=rng.random() < 0.3,
                women_only=rng.random() < 0.15,
                barrier_free=rng.random() < 0.5,
            )
        )
    sources = Offer.objects.bulk_create(sources)
    remaining = total - len(sources)
    translations = []
    for code, fraction in TRANSLATED_SHARE.items():
        count = min(remaining, round(n_sources * fraction)) if code != "tr" else remaining
        for source in rng.sample(sources, count):
            copy = Offer(
                **{
                    f.attname: getattr(source, f.attname)
                    for f in Offer._meta.concrete_fields
                    if f.attname not in ("id", "locale_id", "organisation_id", "title")
                }
            )
            copy.locale = all_locales[code]
            copy.organisation = translated_orgs[code][source.organisation.translation_key]
            copy.title = f"{source.title} ({code})"
            translations.append(copy)
        remaining -= count
    Offer.objects.bulk_create(translations)
    return Offer.objects.count()


def measure(client, url, runs):
    times, queries = [], []
    client.get(url)  # warm-up: template loading, site root paths
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(ctx.captured_queries))
    count = int(re.search(r'data-total="(\d+)"', response.content.decode()).group(1))
    return statistics.median(times), max(queries), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    all_locales = locales()
    finders = build_site(all_locales)
    total = seed(args.offers, all_locales, random.Random(2023))  # noqa: S311 - reproducible test data
    seeded = time.perf_counter() - started
    print(f"{total} offers in {len(all_locales)} locales, seeded in {seeded:.0f} s ({connection.vendor})\n")

    client = Client()
    rows = []
    for code in ("de", "ar"):
        for name, query in SCENARIOS:
            median, queries, count = measure(client, f"{finders[code].url}{query}", args.runs)
            rows.append((code, name, count, median, queries))
    print(f"{'locale':<7}{'scenario':<13}{'matches':>8}{'median ms':>11}{'queries':>9}")
    for code, name, count, median, queries in rows:
        print(f"{code:<7}{name:<13}{count:>8}{median:>11.1f}{queries:>9}")
    print(f"\nfilters: {SCENARIOS[1][1]}; {args.runs} runs each; total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
