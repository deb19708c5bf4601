"""The public offer finder.

Every filter alone and combined, expiry, drafts, locales with fallback,
pagination, and a query count that does not grow with the number of offers.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from offers.factories import OfferFactory, translate
from offers.models import Offer, OfferFinderPage

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def titles(response):
    html = response.content.decode()
    return sorted(re.findall(r'class="offer-card__title"><a href="[^"]*">([^<]+)</a>', html))


@pytest.fixture
def catalogue(orgs):
    """One offer per filter, each matching exactly that filter (plus a plain one)."""
    return {
        "plain": OfferFactory(organisation=orgs["a"], title="Plain", is_free=False, fee_note="5 Euro"),
        "field": OfferFactory(
            organisation=orgs["a"],
            title="Housing help",
            fields_of_action=["wohnen"],
            is_free=False,
            fee_note="x",
        ),
        "kind": OfferFactory(
            organisation=orgs["a"], title="Counselling", kind="counselling", is_free=False, fee_note="x"
        ),
        "language": OfferFactory(
            organisation=orgs["a"], title="In Arabic", languages=["de", "ar"], is_free=False, fee_note="x"
        ),
        "free": OfferFactory(organisation=orgs["a"], title="Free one", is_free=True),
        "childcare": OfferFactory(
            organisation=orgs["a"], title="With kids", childcare=True, is_free=False, fee_note="x"
        ),
        "women": OfferFactory(
            organisation=orgs["a"], title="Women only", women_only=True, is_free=False, fee_note="x"
        ),
        "barrierfree": OfferFactory(
            organisation=orgs["a"], title="Step free", barrier_free=True, is_free=False, fee_note="x"
        ),
        "target": OfferFactory(
            organisation=orgs["a"], title="For youth", target_groups=["youth"], is_free=False, fee_note="x"
        ),
        "organisation": OfferFactory(organisation=orgs["b"], title="By B", is_free=False, fee_note="x"),
    }


FILTERS = {
    "field": ("field=wohnen", "Housing help"),
    "kind": ("kind=counselling", "Counselling"),
    "language": ("language=ar", "In Arabic"),
    "free": ("free=on", "Free one"),
    "childcare": ("childcare=on", "With kids"),
    "women": ("women=on", "Women only"),
    "barrierfree": ("barrierfree=on", "Step free"),
    "target": ("target=youth", "For youth"),
    "organisation": ("organisation=org-b", "By B"),
}


def test_unfiltered_lists_everything_with_count(client, finder_url, catalogue):
    response = client.get(finder_url)
    assert response.status_code == 200
    assert len(titles(response)) == 10
    assert "10 offers found" in response.content.decode()


@pytest.mark.parametrize("name", list(FILTERS))
def test_each_filter_alone(client, finder_url, catalogue, name):
    query, expected = FILTERS[name]
    response = client.get(f"{finder_url}?{query}")
    assert titles(response) == [expected]
    assert "1 offer found" in response.content.decode()


def test_offers_for_everyone_match_every_target_group(client, finder_url, catalogue, orgs):
    OfferFactory(organisation=orgs["a"], title="Open to all", target_groups=["everyone"])
    assert titles(client.get(f"{finder_url}?target=youth")) == ["For youth", "Open to all"]
    assert titles(client.get(f"{finder_url}?target=seniors")) == ["Open to all"]


def test_filters_combined(client, finder_url, orgs, catalogue):
    OfferFactory(
        organisation=orgs["b"],
        title="Language course with childcare",
        kind="language_course",
        fields_of_action=["sprache"],
        childcare=True,
        is_free=True,
        women_only=True,
    )
    OfferFactory(organisation=orgs["b"], title="Language course", kind="language_course", childcare=False)
    response = client.get(
        f"{finder_url}?kind=language_course&childcare=on&free=on&women=on&organisation=org-b&field=sprache"
    )
    assert titles(response) == ["Language course with childcare"]


def test_filtered_url_is_shareable_and_form_keeps_values(client, finder_url, catalogue):
    html = client.get(f"{finder_url}?kind=counselling&childcare=on").content.decode()
    assert re.search(r'<option value="counselling" selected>', html)
    assert re.search(r'<input type="checkbox" name="childcare"[^>]*checked', html)
    assert '<label for="id_kind">' in html
    assert "<legend>" in html


def test_invalid_filter_values_are_ignored(client, finder_url, catalogue):
    response = client.get(f"{finder_url}?kind=nonsense&field=<script>")
    assert response.status_code == 200
    assert len(titles(response)) == 10


def test_empty_result_suggests_which_filter_to_remove(client, finder_url, catalogue):
    html = client.get(f"{finder_url}?women=on&childcare=on").content.decode()
    assert "0 offers found" in html
    assert "Without “Women only”: 1 offer" in html
    assert "Without “With childcare”: 1 offer" in html
    assert 'href="?childcare=1"' in html


def test_expired_and_future_offers_never_appear(client, finder_url, orgs):
    OfferFactory(
        organisation=orgs["a"],
        title="Expired",
        slug="expired",
        valid_until=TODAY - datetime.timedelta(days=1),
    )
    OfferFactory(organisation=orgs["a"], title="Last day", valid_until=TODAY)
    OfferFactory(organisation=orgs["a"], title="Starts later", valid_from=TODAY + datetime.timedelta(days=3))
    assert titles(client.get(finder_url)) == ["Last day"]
    assert client.get(f"{finder_url}expired/").status_code == 404


def test_drafts_never_appear(client, finder_url, orgs):
    OfferFactory(organisation=orgs["a"], title="Draft", slug="draft", live=False)
    OfferFactory(organisation=orgs["a"], title="Live")
    assert titles(client.get(finder_url)) == ["Live"]
    assert client.get(f"{finder_url}draft/").status_code == 404


def test_reader_locale_with_labelled_german_fallback(client, orgs):
    translated = OfferFactory(organisation=orgs["a"], title="Deutschkurs", slug="deutschkurs")
    translate(translated, "en", title="German course")
    OfferFactory(organisation=orgs["a"], title="Nur auf Deutsch", slug="nur-deutsch")
    english_finder = OfferFinderPage.objects.get(locale__language_code="en")
    response = client.get(english_finder.url)
    html = response.content.decode()
    assert titles(response) == ["German course", "Nur auf Deutsch"]
    assert html.count("Not yet translated: shown in German.") == 1
    assert re.search(
        r'<article class="offer-card" lang="de" dir="ltr">\s*<h3[^>]*><a href="[^"]*nur-deutsch/">', html
    )
    assert "Deutschkurs" not in html
    detail = client.get(f"{english_finder.url}nur-deutsch/").content.decode()
    # The page's fallback notice (base.html), as on an untranslated page (issue 14, fault 1).
    assert "This page is not yet available in English. Below is the original in German." in detail


def test_draft_translation_falls_back_to_german(client, orgs):
    offer = OfferFactory(organisation=orgs["a"], title="Deutschkurs", slug="deutschkurs")
    translate(offer, "en", title="German course (draft)", live=False)
    english_finder = OfferFinderPage.objects.get(locale__language_code="en")
    assert titles(client.get(english_finder.url)) == ["Deutschkurs"]


def test_arabic_finder_is_right_to_left(client, orgs):
    offer = OfferFactory(organisation=orgs["a"], title="Deutschkurs", slug="deutschkurs")
    translate(offer, "ar", title="دورة ألمانية")
    finder = OfferFinderPage.objects.get(locale__language_code="ar")
    html = client.get(finder.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="offer-card" lang="ar" dir="rtl">' in html


def test_pagination_keeps_filters(client, finder_url, orgs):
    for number in range(25):
        OfferFactory(organisation=orgs["a"], title=f"Course {number:02}", kind="language_course")
    first = client.get(f"{finder_url}?kind=language_course")
    assert len(titles(first)) == 20
    html = first.content.decode()
    assert 'href="?kind=language_course&amp;page=2"' in html
    second = client.get(f"{finder_url}?kind=language_course&page=2")
    assert len(titles(second)) == 5
    assert "25 offers found" in second.content.decode()


def make_offers(organisation, count):
    german = Locale.objects.get(language_code="de")
    Offer.objects.bulk_create(
        Offer(
            locale=german,
            organisation=organisation,
            title=f"Bulk {n}",
            slug=f"bulk-{organisation.slug}-{n}",
            summary="s",
            kind="language_course",
            fields_of_action=["sprache"],
            languages=["de", "ar"],
            childcare=n % 2 == 0,
            valid_from=TODAY,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("query", ["", "?kind=language_course&childcare=on&language=ar"])
def test_same_number_of_queries_for_10_and_500_offers(client, finder_url, orgs, query):
    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"{finder_url}{query}")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    make_offers(orgs["a"], 10)
    client.get(finder_url)  # warm caches (site root paths, locales)
    with_10 = count_queries()
    Offer.objects.update(live=False)
    make_offers(orgs["b"], 500)
    with_500 = count_queries()
    assert with_10 == with_500
    assert with_500 < 25
