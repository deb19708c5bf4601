"""Atom feed of public news and RFC 5545 iCalendar of public events, per locale and per event.

Feeds list only live and public items: nothing unpublished, nothing under a
view restriction. The iCalendar files parse with the ``icalendar`` library,
carry PRODID/VERSION, UID/DTSTAMP, TZID Europe/Berlin with its VTIMEZONE and
an RRULE for repeating events. Event lists show upcoming events first and keep
the past ones in an archive.
"""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from network.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
BERLIN = ZoneInfo("Europe/Berlin")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return root, [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("code", ["de", "en", "ar", "fa"])
def test_atom_feed_per_locale(client, code):
    index = NewsIndexPage.objects.get(locale__language_code=code)
    root, titles = atom_entries(client, index.url + "feed/")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == code
    expected = [p.title for p in NewsPage.objects.child_of(index).live().order_by("-date", "-pk")]
    assert titles == expected
    assert len(titles) == 4


def test_news_index_links_its_feed(client):
    body = client.get("/de/neuigkeiten/").content.decode()
    assert 'type="application/atom+xml"' in body
    assert 'href="/de/neuigkeiten/feed/"' in body


def test_feeds_leave_out_unpublished_and_restricted_items(client):
    index = NewsIndexPage.objects.get(locale__language_code="de")
    hidden, restricted = NewsPage.objects.child_of(index).live().order_by("pk")[:2]
    hidden.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    _root, titles = atom_entries(client, "/de/neuigkeiten/feed/")
    assert hidden.title not in titles
    assert restricted.title not in titles
    assert len(titles) == 2
    body = client.get("/de/neuigkeiten/").content.decode()
    assert hidden.title not in body and restricted.title not in body

    events = EventIndexPage.objects.get(locale__language_code="de")
    event = EventPage.objects.child_of(events).live().first()
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    calendar = Calendar.from_ical(client.get("/de/termine/ical/").content)
    assert event.title not in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


def parse_ical(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert not response.cookies
    return Calendar.from_ical(response.content)


@pytest.mark.parametrize("code", ["de", "en", "ar"])
def test_ical_feed_per_locale_is_rfc5545(client, code):
    index = EventIndexPage.objects.get(locale__language_code=code)
    calendar = parse_ical(client, index.url + "ical/")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = calendar.walk("VEVENT")
    pages = EventPage.objects.child_of(index).live()
    assert sorted(str(e["SUMMARY"]) for e in events) == sorted(p.title for p in pages)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) == 4
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert prop in event
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert event["DTEND"].params["TZID"] == "Europe/Berlin"
        assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
        assert "ORGANIZER" not in event  # must be a mailto: address; the name is in DESCRIPTION


def test_ical_of_one_recurring_event(client):
    meeting = EventPage.objects.get(locale__language_code="de", slug="netzwerktreffen-integration")
    calendar = parse_ical(client, meeting.url + "ical/")
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.datetime(2026, 2, 25, 17, 0, tzinfo=BERLIN)
    assert event.decoded("DTEND") == datetime.datetime(2026, 2, 25, 19, 0, tzinfo=BERLIN)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["INTERVAL"] == [3]
    # With a TZID start, UNTIL must be UTC (RFC 5545, 3.3.10).
    assert rule["UNTIL"][0].utcoffset() == datetime.timedelta(0)
    assert "Integrationsmanagement" in str(event["DESCRIPTION"])


def test_recurrence_is_dst_correct():
    meeting = EventPage.objects.get(locale__language_code="de", slug="netzwerktreffen-integration")
    occurrences = meeting.occurrences()
    # Every quarterly meeting starts at 17:00 Beckum time, in winter and in summer.
    assert {start.astimezone(BERLIN).hour for start, _end in occurrences} == {17}
    assert [s.month for s, _e in occurrences[:4]] == [2, 5, 8, 11]
    assert occurrences[-1][0].date() <= datetime.date(2027, 12, 31)
    after_today = meeting.next_occurrence(datetime.datetime(2026, 11, 26, 12, tzinfo=BERLIN))
    assert after_today[0] == datetime.datetime(2027, 2, 25, 17, 0, tzinfo=BERLIN)


def test_upcoming_first_then_archive(client):
    index = EventIndexPage.objects.get(locale__language_code="de")
    now = datetime.datetime(2026, 11, 26, 12, tzinfo=BERLIN)
    upcoming, past = index.split_events(now)
    assert [e.slug for e in upcoming] == [
        "netzwerktreffen-integration",
        "integrationskonferenz-2027",
        "fest-der-kulturen-2027",
    ]
    assert [e.slug for e in past] == ["fest-der-kulturen-2026"]

    body = client.get(index.url).content.decode()
    assert body.index("Upcoming events" if "Upcoming events" in body else "upcoming-heading") < body.index(
        "past-heading"
    )
    if timezone.now() < datetime.datetime(2027, 2, 25, tzinfo=BERLIN):
        assert body.index("Integrationskonferenz 2027") < body.index("Fest der Kulturen 2026")
    assert 'href="/de/termine/ical/"' in body


def test_event_validation():
    event = EventPage(
        title="x",
        start=timezone.now(),
        end=timezone.now() - datetime.timedelta(hours=1),
        location="y",
        recurrence="weekly",
    )
    with pytest.raises(Exception) as error:
        event.clean()
    assert "end" in str(error.value)


def test_feed_and_event_list_query_counts(client):
    client.get("/de/termine/")
    for url, limit in [("/de/neuigkeiten/feed/", 12), ("/de/termine/ical/", 12), ("/de/termine/", 20)]:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        assert len(ctx) <= limit, (url, len(ctx))
