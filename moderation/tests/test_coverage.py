"""The translation coverage report: per locale, pages and offers up to date, outdated or missing,
as an admin page for managers and as CSV."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from home.models import GuidePage
from moderation import coverage

from .helpers import login

pytestmark = pytest.mark.django_db


def csv_rows(client, query=""):
    response = client.get(reverse("moderation:coverage") + "?format=csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_lists_every_locale_with_statuses(client):
    login(client, "manager")
    rows = csv_rows(client)
    assert set(rows[0]) == {"locale", "kind", "title", "status", "source_edit_url", "translation_edit_url"}
    assert {r["locale"] for r in rows} == {"en", "ar", "fa", "uk", "ru", "tr"}
    german_pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code="de", depth__gte=2, alias_of__isnull=True)
        .count()
    )
    pages = {"page", "news", "event"}
    assert sum(1 for r in rows if r["locale"] == "en" and r["kind"] in pages) == german_pages
    statuses = {r["status"] for r in rows}
    assert coverage.UP_TO_DATE in statuses and coverage.MISSING in statuses
    kurse = [
        r for r in rows if r["title"].startswith("Sprach- und Integrationskurse") and r["kind"] == "page"
    ]
    assert {r["locale"]: r["status"] for r in kurse}["ar"] == coverage.UP_TO_DATE
    assert all(r["translation_edit_url"].startswith("http") for r in kurse if r["status"] != coverage.MISSING)


def test_changed_german_page_becomes_outdated_and_csv_filters(client):
    german = GuidePage.objects.get(slug="sprach-und-integrationskurse", locale__language_code="de")
    german.intro += " Neu."
    german.save_revision().publish()
    login(client, "manager")
    outdated = csv_rows(client, "&status=outdated")
    assert {r["status"] for r in outdated} == {coverage.OUTDATED}
    assert {r["locale"] for r in outdated if r["title"] == german.title} >= {"en", "ar"}


def test_report_page_and_query_count(client):
    login(client, "manager")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("moderation:coverage"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="coverage-summary"' in body and "Download as CSV" in body
    # a fixed number per content kind (pages, offers, organisations): 7 each, plus the admin's own
    # measured: 50, 53 with the glossary's admin menu item, 58 with the menu items of the feedback
    # report, calendar feeds and town settings (each checks a permission); fixed, not per row
    assert len(queries) <= 60


@pytest.mark.parametrize("username", ["mitglied", "uebersetzer", "ag-mitglied"])
def test_only_managers_open_the_report(client, username):
    login(client, username)
    response = client.get(reverse("moderation:coverage") + "?format=csv")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def ar_row(title, kind="page"):
    rows = [r for r in coverage.coverage_rows(locales=["ar"]) if r.title == title and r.kind == kind]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_translation_passes_through_every_status(client):
    """Fault 5: a started translation with untranslated strings was "up to date"."""
    from .test_workflow_faults import start_page_translation, submit, translate_strings, workflow_action

    german, translation = start_page_translation(client)
    row = ar_row(german.title)
    assert (row.status, row.share) == (coverage.IN_PROGRESS, 0)
    assert "0 % translated" in str(row.status_label)

    segments = list(translation.source.stringsegment_set.select_related("string", "context"))
    translate_strings(translation)
    row = ar_row(german.title)
    assert (row.status, row.share) == (coverage.IN_PROGRESS, 100), len(segments)

    submit(client, translation)
    assert ar_row(german.title).status == coverage.WAITING
    target = translation.get_target_instance()
    login(client, "manager")
    workflow_action(client, target, "reject", comment="Bitte den Titel kürzen.")
    assert ar_row(german.title).status == coverage.IN_PROGRESS, "sent back"
    submit(client, translation)
    login(client, "manager")
    workflow_action(client, target, "approve")
    assert ar_row(german.title).status == coverage.CURRENT

    german.intro = "Jeden Mittwoch."
    german.save_revision().publish()
    assert ar_row(german.title).status == coverage.OUTDATED
    # positive control: other languages of the same page are still missing, not outdated
    en = [r for r in coverage.coverage_rows(locales=["en"]) if r.title == german.title]
    assert [r.status for r in en] == [coverage.MISSING]


def test_organisations_news_and_events_are_reported(client):
    from offers.models import Organisation

    rows = coverage.coverage_rows(locales=["ar", "en"])
    kinds = {r.kind for r in rows}
    assert {"page", "offer", "organisation"} <= kinds
    german_organisations = Organisation.objects.filter(locale__language_code="de", live=True).count()
    assert sum(1 for r in rows if r.kind == "organisation" and r.locale == "ar") == german_organisations
    from network.models import EventPage, NewsPage

    for model, kind in ((NewsPage, "news"), (EventPage, "event")):
        live = model.objects.live().public().filter(locale__language_code="de").count()
        assert sum(1 for r in rows if r.kind == kind and r.locale == "ar") == live
    login(client, "manager")
    body = client.get(reverse("moderation:coverage")).content.decode()
    assert "waiting for approval" in body and "in progress" in body
