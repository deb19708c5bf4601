"""The actor map, the offers block on guide pages and the home page's featured offers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from home.models import GuidePage, HomePage
from offers.factories import OfferFactory, OrganisationFactory, translate
from offers.models import OfferFinderPage, OrganisationDirectoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    return OrganisationDirectoryPage.objects.get(locale__language_code="en")


def test_directory_groups_organisations_by_kind_with_their_offers(client, directory, orgs):
    county = OrganisationFactory(name="Kreis Warendorf KI", slug="ki", kind="county")
    OfferFactory(organisation=county, title="Counselling in Arabic", slug="beratung")
    OfferFactory(organisation=county, title="Old offer", valid_until=datetime.date(2020, 1, 1))
    OfferFactory(organisation=orgs["a"], title="Draft offer", live=False)
    html = client.get(directory.url).content.decode()
    county_section = html[html.index('id="kind-county"') :]
    county_section = county_section[: county_section.index("</section>")]
    assert "Kreis Warendorf KI" in county_section
    assert "Counselling in Arabic" in county_section
    finder = OfferFinderPage.objects.get(locale=directory.locale)  # its own slug in each language
    assert f'href="{finder.url}beratung/"' in county_section
    assert "Organisation A" in html[html.index('id="kind-initiative"') :]
    assert "Old offer" not in html and "Draft offer" not in html
    assert html.index('id="kind-initiative"') < html.index('id="kind-county"')  # the order of the kinds


def test_directory_shows_translation_or_labelled_fallback(client, directory, orgs):
    translate(orgs["a"], "en", name="Organisation A (English)")
    html = client.get(directory.url).content.decode()
    assert "Organisation A (English)" in html
    assert "Organisation B" in html
    assert html.count("Not yet translated: shown in German.") == 1


def test_directory_query_count_does_not_grow(client, directory, orgs):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(directory.url).status_code == 200
        return len(ctx.captured_queries)

    client.get(directory.url)
    few = count()
    for n in range(30):
        organisation = OrganisationFactory(kind="welfare")
        OfferFactory(organisation=organisation, title=f"More {n}")
    assert count() == few


def guide_page_with_block(value):
    page = GuidePage.objects.filter(locale__language_code="de").first()
    page.body = [("offers", value)]
    page.save_revision().publish()
    return page


def test_offers_block_lists_matching_live_offers(client, orgs):
    OfferFactory(
        organisation=orgs["a"], title="Course with childcare", kind="language_course", childcare=True
    )
    OfferFactory(organisation=orgs["a"], title="Course without childcare", kind="language_course")
    OfferFactory(
        organisation=orgs["a"], title="Draft course", kind="language_course", childcare=True, live=False
    )
    page = guide_page_with_block(
        {"title": "Language courses with childcare", "kind": "language_course", "childcare": True, "limit": 5}
    )
    html = client.get(page.url).content.decode()
    assert "Language courses with childcare" in html
    assert "Course with childcare" in html
    assert "Course without childcare" not in html
    assert "Draft course" not in html
    assert "/de/angebote/?kind=language_course&amp;childcare=1" in html


def test_offers_block_without_matches_says_so(client, orgs):
    page = guide_page_with_block({"title": "Women-only sport", "kind": "sport_leisure", "women_only": True})
    with translation.override("de"):
        message = gettext("There are no matching offers at the moment.")
    assert message != "There are no matching offers at the moment."  # the German catalogue is used
    assert message in client.get(page.url).content.decode()


def test_home_page_features_recently_reviewed_offers(client, orgs):
    OfferFactory(organisation=orgs["a"], title="Reviewed today", last_reviewed=datetime.date.today())
    OfferFactory(organisation=orgs["a"], title="Reviewed long ago", last_reviewed=datetime.date(2024, 1, 1))
    for n in range(2):
        OfferFactory(organisation=orgs["b"], title=f"Recent {n}", last_reviewed=datetime.date.today())
    home = HomePage.objects.get(locale__language_code="de")
    html = client.get(home.url).content.decode()
    assert 'id="featured-offers-heading"' in html
    assert "Reviewed today" in html
    assert "Recent 1" in html
    assert "Reviewed long ago" not in html  # only the three most recently reviewed
