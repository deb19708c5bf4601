"""iCalendar import: feeds served from 127.0.0.1 become event drafts in the approval workflow.

Protects: new events are drafts waiting for the integration management (never live
before approval); recurring events are expanded (EXDATE and a moved occurrence
respected); TZID, UTC, floating and all-day times land in Europe/Berlin; a second run
updates instead of duplicating; an event edited by hand is not overwritten; a cancelled
event is unpublished; events gone from the feed are reported; broken feeds (malformed,
HTTP 404, HTML, timeout, too large) are reported while the other feeds are still
imported, and the command's exit status says so.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import WorkflowState

from calendar_import.importer import IMPORT_USERNAME
from calendar_import.models import ImportedEvent
from moderation.models import ManagerApprovalTask
from network.models import EventPage

from .conftest import ICS
from .sample_feeds import ISTANBUL, muetterzentrum_feed, vhs_feed


def run_import(**options):
    """(stdout, error or None) of ``import_calendar_feeds``, reporting in English."""
    out = io.StringIO()
    try:
        with translation.override("en"):
            call_command("import_calendar_feeds", stdout=out, **options)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def imported_pages(feed):
    return {
        (r.uid.split("@")[0], r.recurrence_id): EventPage.objects.get(pk=r.page_id)
        for r in ImportedEvent.objects.filter(feed=feed)
    }


def in_workflow(page):
    return WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).first()


@pytest.mark.django_db
def test_first_run_creates_drafts_in_the_workflow_and_reports_broken_feeds(feeds, dates, event_index, client):
    live_before = EventPage.objects.live().count()
    assert live_before >= 3  # the demo's events (positive control for the listing below)

    out, error = run_import()

    # The exit status says there were errors (five broken feeds, one broken event in the
    # Mütterzentrum's); every good event was still imported.
    assert error is not None and "6 of 7" in str(error)
    vhs = imported_pages(feeds["vhs"])
    assert (
        sorted(key for key, _rid in vhs)
        == ["deutschkurs-a1", "infoabend-integrationskurse"] + ["sprachcafe"] * 5
    )
    assert feeds["vhs"].__class__.objects.get(pk=feeds["vhs"].pk).last_report["counts"]["created"] == 7

    # Drafts, below the feed's German event list, in the workflow with the managers' task.
    for page in vhs.values():
        assert page.get_parent().pk == event_index.pk
        assert not page.live and page.has_unpublished_changes
        state = in_workflow(page)
        assert state is not None and state.requested_by.username == IMPORT_USERNAME
        assert isinstance(state.current_task_state.task.specific, ManagerApprovalTask)
        assert state.current_task_state.revision_id == page.latest_revision_id
    assert EventPage.objects.live().count() == live_before

    # Nothing is public before approval: the event list shows the demo's events, not the drafts.
    listing = client.get(event_index.url).content.decode()
    assert "Fest der Kulturen" in listing  # the demo's own, live event
    assert "Sprachcafé" not in listing and "Informationsabend" not in listing

    # Fields: organiser from the feed's organisation, description escaped with the URL as a link.
    info = vhs[("infoabend-integrationskurse", "")]
    assert info.organiser == "Volkshochschule Beckum-Wadersloh"
    assert info.location == "VHS Beckum-Wadersloh, Musterstraße 12, 59269 Beckum"
    assert "<p>Welche Integrationskurse gibt es?<br/>Wie melde ich mich an?</p>" in info.description
    assert 'href="https://vhs-beckum-wadersloh.example/integrationskurse"' in info.description
    assert info.start == dates.berlin(1, 18) and info.end == dates.berlin(1, 19, 30)
    record = ImportedEvent.objects.get(page=info)
    assert record.field_of_action == "bildung"  # first field named in CATEGORIES

    # Recurrence: five Thursdays (the third dropped by EXDATE), the second moved to 16:00.
    cafes = sorted((p for (key, _rid), p in vhs.items() if key == "sprachcafe"), key=lambda p: p.start)
    assert [p.start for p in cafes] == [
        dates.berlin(3, 15),
        dates.berlin(10, 16),
        dates.berlin(24, 15),
        dates.berlin(31, 15),
        dates.berlin(38, 15),
    ]
    assert cafes[1].title.endswith("(später)")
    assert len({p.slug for p in cafes}) == 5

    # UTC (08:00Z) in Berlin time; the cancelled Elternabend was not created at all.
    course = vhs[("deutschkurs-a1", "")]
    assert course.start == datetime.datetime.combine(dates.day(4), datetime.time(8), datetime.UTC)
    assert not EventPage.objects.filter(title__startswith="Elternabend").exists()

    # Floating time = Beckum time, all-day = 00:00 to 23:59 of the last day, Istanbul converted.
    mz = imported_pages(feeds["muetterzentrum"])
    breakfast = mz[("fruehstueck", "")]
    assert breakfast.start == dates.berlin(5, 9, 30)
    assert breakfast.location == "Musterstraße 30, 59269 Beckum"  # no LOCATION: the organisation's address
    fest = mz[("fest-der-kulturen", "")]
    assert (fest.start, fest.end) == (dates.berlin(12, 0), dates.berlin(13, 23, 59))
    online = mz[("online-abend", "")]
    assert online.start == dates.berlin(6, 19, zone=ISTANBUL)

    # The broken event of that feed is reported, the rest imported.
    report = feeds["muetterzentrum"].__class__.objects.get(pk=feeds["muetterzentrum"].pk).last_report
    assert report["counts"]["created"] == 3 and report["counts"]["errors"] == 1
    assert "Nähcafé" in report["items"][0]["message"]

    # Every broken feed: reported on the feed and in the output, nothing created for it.
    for name, words in {
        "malformed": "iCalendar",
        "missing": "404",
        "html": "text/html",
        "slow": "0.5",
        "huge": "200000",
    }.items():
        feed = feeds[name].__class__.objects.get(pk=feeds[name].pk)
        assert feed.last_report["failed"] is True, name
        assert words in feed.last_report["items"][0]["message"], (name, feed.last_report)
        assert feed.last_run is not None
        assert not ImportedEvent.objects.filter(feed=feed).exists()
        assert feed.name in out
    assert "Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen" in out


@pytest.mark.django_db
def test_second_run_updates_without_duplicates_and_reports_removed_events(feeds, feed_server, dates):
    run_import(feed=[feeds["vhs"].pk])
    pages_before = EventPage.objects.count()
    info = ImportedEvent.objects.get(uid__startswith="infoabend").page
    first_revision = info.latest_revision_id

    feed_server.routes["/vhs.ics"] = (200, ICS, vhs_feed(dates, changed=True), 0)
    out, error = run_import(feed=[feeds["vhs"].pk])

    assert error is None, out
    assert EventPage.objects.count() == pages_before  # no duplicate
    report = feeds["vhs"].__class__.objects.get(pk=feeds["vhs"].pk).last_report
    assert report["counts"] == {
        "created": 0,
        "updated": 1,
        "unchanged": 5,
        "cancelled": 0,
        "kept": 0,
        "removed": 1,
        "errors": 0,
    }
    info.refresh_from_db()
    assert info.latest_revision_id != first_revision  # a new revision ...
    assert info.get_latest_revision_as_object().start == dates.berlin(1, 19)  # ... with the new time
    assert not info.live
    states = WorkflowState.objects.filter(object_id=str(info.pk), base_content_type__model="page")
    assert states.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1  # resubmitted
    assert in_workflow(info).current_task_state.revision_id == info.latest_revision_id
    assert states.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1
    # The A1 course is gone from the feed: reported, its draft left alone.
    removed = [i for i in report["items"] if i["kind"] == "removed"]
    assert removed[0]["title"] == "Deutschkurs A1 mit Kinderbetreuung: erster Termin"
    assert ImportedEvent.objects.get(uid__startswith="deutschkurs").page is not None

    # A third run with the same feed changes nothing.
    revisions = info.revisions.count()
    run_import(feed=[feeds["vhs"].pk])
    report = feeds["vhs"].__class__.objects.get(pk=feeds["vhs"].pk).last_report
    assert report["counts"]["unchanged"] == 6 and report["counts"]["updated"] == 0
    assert info.revisions.count() == revisions


@pytest.mark.django_db
def test_event_edited_by_hand_is_not_overwritten(feeds, feed_server, dates, users):
    run_import(feed=[feeds["vhs"].pk])
    info = ImportedEvent.objects.get(uid__startswith="infoabend").page
    draft = info.get_latest_revision_as_object()
    draft.registration = "Anmeldung bei Frau Yılmaz, Telefon 02521 00000-30."
    manual = draft.save_revision(user=users["manager"])

    feed_server.routes["/vhs.ics"] = (200, ICS, vhs_feed(dates, changed=True), 0)
    out, _error = run_import(feed=[feeds["vhs"].pk])

    info.refresh_from_db()
    assert info.latest_revision_id == manual.pk
    assert info.get_latest_revision_as_object().start == dates.berlin(
        1, 18
    )  # the feed's new time not applied
    report = feeds["vhs"].__class__.objects.get(pk=feeds["vhs"].pk).last_report
    assert report["counts"]["kept"] == 1 and report["counts"]["updated"] == 0
    assert "edited by hand" in out


@pytest.mark.django_db
def test_approved_event_goes_live_and_a_cancellation_unpublishes_it(feeds, feed_server, dates, users, client):
    run_import(feed=[feeds["muetterzentrum"].pk])
    breakfast = ImportedEvent.objects.get(uid__startswith="fruehstueck").page
    index_url = breakfast.get_parent().url
    assert "Frauenfrühstück" not in client.get(index_url).content.decode()

    # The manager approves it like any other submission.
    in_workflow(breakfast).current_task_state.approve(user=users["manager"])
    breakfast.refresh_from_db()
    assert breakfast.live
    assert "Frauenfrühstück im Mehrgenerationenhaus" in client.get(index_url).content.decode()

    feed_server.routes["/muetterzentrum.ics"] = (
        200,
        ICS,
        muetterzentrum_feed(dates, cancel_breakfast=True),
        0,
    )
    out, _error = run_import(feed=[feeds["muetterzentrum"].pk])

    breakfast.refresh_from_db()
    assert not breakfast.live
    assert "Frauenfrühstück" not in client.get(index_url).content.decode()
    assert ImportedEvent.objects.get(page=breakfast).cancelled
    report = feeds["muetterzentrum"].__class__.objects.get(pk=feeds["muetterzentrum"].pk).last_report
    assert report["counts"]["cancelled"] == 1
    assert "unpublished" in out
    # Another run: still cancelled, nothing more to do.
    run_import(feed=[feeds["muetterzentrum"].pk])
    report = feeds["muetterzentrum"].__class__.objects.get(pk=feeds["muetterzentrum"].pk).last_report
    assert report["counts"]["cancelled"] == 0 and report["counts"]["unchanged"] == 3


@pytest.mark.django_db
def test_inactive_feeds_are_not_fetched(feeds):
    feeds["vhs"].__class__.objects.exclude(pk=feeds["vhs"].pk).update(active=False)
    out, error = run_import()
    assert error is None
    assert "VHS Beckum-Wadersloh" in out and "Kaputter Kalender" not in out
    assert ImportedEvent.objects.filter(feed=feeds["vhs"]).count() == 7
