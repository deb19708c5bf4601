"""Every JSON-LD block of the site is valid schema.org (issue 15, item 6).

Protects: search engines and assistants read our offers, organisations, events and
breadcrumbs only if every ``@type`` is a schema.org type and every property one that
schema.org defines for that type (``domainIncludes``, supertypes included; nested objects
too). The check runs on each page type in German, Arabic and Farsi (a German fallback)
against a pinned copy of the vocabulary (``data/README.md``); the positive controls show
that the checker catches what the old offer markup got wrong.
"""

import hashlib

import pytest
from wagtail.models import Locale

from cms.tests.schema_org import VOCABULARY, json_ld_blocks, validate, vocabulary
from home.models import GuidePage
from network.models import EventPage
from offers.models import OfferFinderPage, OrganisationDirectoryPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "ar", "fa"]


def in_language(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


def pages(code):
    """(label, url, the @types expected among the blocks) of every page type with JSON-LD."""
    finder = OfferFinderPage.objects.get(locale__language_code=code).url
    directory = OrganisationDirectoryPage.objects.get(locale__language_code=code).url
    german_events = EventPage.objects.live().filter(locale__language_code="de").order_by("path")
    recurring = german_events.exclude(recurrence="").first()
    single = german_events.filter(recurrence="").first()
    guide = GuidePage.objects.live().filter(locale__language_code="de", depth__gte=4).order_by("path").first()
    assert recurring and single and guide, "the demo content has events (one recurring) and guide pages"
    return [
        ("course", f"{finder}vhs-integrationskurs/", {"Course"}),
        ("service", f"{finder}vhs-kursberatung/", {"Service"}),
        ("organisation", f"{directory}vhs/", {"Organization"}),
        ("organisation (council)", f"{directory}rat-beckum/", {"Organization"}),
        ("recurring event", in_language(recurring, code).url, {"Event", "BreadcrumbList"}),
        ("event", in_language(single, code).url, {"Event", "BreadcrumbList"}),
        ("guide page", in_language(guide, code).url, {"BreadcrumbList"}),
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_json_ld_block_is_valid_schema_org(client, code):
    checked = 0
    for label, url, expected in pages(code):
        response = client.get(url)
        assert response.status_code == 200, (label, url)
        blocks = json_ld_blocks(response.content.decode())
        assert {block["@type"] for block in blocks} == expected, (label, url)
        for block in blocks:
            assert validate(block) == [], (label, url, block)
            checked += 1
    assert checked >= 9


def test_event_markup_has_dates_place_status_and_organiser(client):
    event = EventPage.objects.live().filter(locale__language_code="de").exclude(recurrence="").first()
    [data] = [b for b in json_ld_blocks(client.get(event.url).content.decode()) if b["@type"] == "Event"]
    assert data["name"] == event.title
    assert data["startDate"][:10] >= event.local_start.date().isoformat()
    assert data["startDate"][-6:] in ("+01:00", "+02:00")  # Europe/Berlin, with its offset
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == event.location.splitlines()[0]
    if event.organiser:
        assert data["organizer"] == {"@type": "Organization", "name": event.organiser}
    assert data["eventSchedule"]["repeatFrequency"].startswith("P")
    assert data["eventSchedule"]["endDate"] == event.recurrence_until.isoformat()


def test_breadcrumbs_follow_the_visible_trail(client):
    guide = GuidePage.objects.live().filter(locale__language_code="ar", depth__gte=4).order_by("path").first()
    html = client.get(guide.url).content.decode()
    [data] = json_ld_blocks(html)
    items = data["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0]["item"].endswith("/ar/")
    assert items[-1]["name"] == guide.title and items[-1]["item"].endswith(guide.url)
    assert len(items) == guide.depth - 1  # start page, the ancestors below it, the page


# -- the checker itself (positive controls) ------------------------------------------------
def test_vocabulary_is_the_pinned_release():
    digest = hashlib.sha256(VOCABULARY.read_bytes()).hexdigest()
    assert digest in (VOCABULARY.parent / "README.md").read_text()  # the copy data/README.md describes
    v = vocabulary()
    assert len(v.classes) > 800 and len(v.properties) > 1300
    assert {"Thing", "CreativeWork", "Course"} <= v.ancestors("Course")


def test_checker_accepts_inherited_properties():
    block = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": "Integrationskurs",  # Thing
        "inLanguage": "de",  # CreativeWork
        "hasCourseInstance": {"@type": "CourseInstance", "location": {"@type": "Place", "name": "VHS"}},
    }
    assert validate(block) == []


def test_checker_catches_invalid_types_and_properties():
    old_offer_markup = {  # what the offer page sent before issue 15
        "@context": "https://schema.org",
        "@type": "Course",
        "name": "Integrationskurs",
        "availableLanguage": ["de", "ar"],
        "location": {"@type": "Place", "address": "Markt 1"},
    }
    problems = validate(old_offer_markup)
    assert any("'availableLanguage' is not a property of Course" in p for p in problems), problems
    assert any("'location' is not a property of Course" in p for p in problems), problems
    service = {"@context": "https://schema.org", "@type": "Service", "isAccessibleForFree": True}
    assert any("'isAccessibleForFree' is not a property of Service" in p for p in validate(service))
    sdo = "https://schema.org"
    assert any("not a schema.org type" in p for p in validate({"@context": sdo, "@type": "Kurs"}))
    unknown = {"@context": sdo, "@type": "Event", "ort": "x"}
    assert any("not a schema.org property" in p for p in validate(unknown))
    nested = {
        "@context": sdo,
        "@type": "Organization",
        "location": {"@type": "Place", "openingHours": "Mo", "geo": {"@type": "GeoCoordinates", "lat": 1}},
    }
    problems = validate(nested)
    expected = "$.location.openingHours: 'openingHours' is not a property of Place"
    assert any(p.startswith(expected) for p in problems), problems
    assert any(p.startswith("$.location.geo.lat: 'lat'") for p in problems), problems
    wrong_range = {"@context": sdo, "@type": "Event", "organizer": {"@type": "Place", "name": "x"}}
    assert any("not in the range of 'organizer'" in p for p in validate(wrong_range))
    assert validate({"@context": "http://example.org", "@type": "Event"}) != []
