"""The manager's dashboard: what waits for approval, translations behind the German source per locale,
offers to review or expiring, new requests and recent activity; only managers see it; fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home.models import GuidePage
from moderation import coverage
from moderation.panels import (
    MANAGER_PANELS,
    AwaitingModerationPanel,
    OfferReviewPanel,
    OutdatedTranslationsPanel,
    RecentActivityPanel,
    RequestsPanel,
    months_before,
    review_months,
)

from .helpers import edit_page, login, section, user

pytestmark = pytest.mark.django_db

PANEL_IDS = [
    "moderation-awaiting",
    "moderation-outdated-translations",
    "moderation-offer-review",
    "moderation-requests",
    "moderation-recent-activity",
]


def dashboard(client, username):
    login(client, username)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("username", ["manager", "admin"])
def test_managers_see_every_panel(client, username):
    body = dashboard(client, username)
    for panel_id in PANEL_IDS:
        assert f'id="{panel_id}-section"' in body, panel_id


@pytest.mark.parametrize("username", ["mitglied", "ag-mitglied", "uebersetzer"])
def test_others_do_not_see_the_manager_panels(client, username):
    body = dashboard(client, username)
    for panel_id in PANEL_IDS:
        assert f'id="{panel_id}-section"' not in body, panel_id


def render(panel, username, rf):
    request = rf.get("/admin/")
    request.user = user(username)
    return panel.render_html({"request": request, "csrf_token": "x"})


def test_awaiting_panel_lists_submissions(client, rf):
    page = section()
    login(client, "mitglied")
    edit_page(client, page, action="action-submit", intro="Neu eingereicht.")
    html = render(AwaitingModerationPanel(), "manager", rf)
    assert "1 item is waiting for your approval" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "mitglied" in html
    # A member does not moderate.
    assert "0 items are waiting" in render(AwaitingModerationPanel(), "mitglied", rf)


def test_outdated_translations_are_counted_per_locale(rf):
    before = coverage.summary(coverage.coverage_rows())
    german = GuidePage.objects.get(slug="sprach-und-integrationskurse", locale__language_code="de")
    translated = set(
        GuidePage.objects.filter(translation_key=german.translation_key, alias_of__isnull=True)
        .exclude(locale__language_code="de")
        .values_list("locale__language_code", flat=True)
    )
    assert {"en", "ar"} <= translated
    german.intro = german.intro + " Aktualisiert."
    german.save_revision().publish()
    after = coverage.summary(coverage.coverage_rows())
    for code in translated:
        assert after[code][coverage.OUTDATED] == before[code][coverage.OUTDATED] + 1, code
    html = render(OutdatedTranslationsPanel(), "manager", rf)
    assert '<tr data-locale="ar">' in html
    assert reverse("moderation:coverage") in html


def test_offer_panel(rf):
    offer_model = coverage.offer_model()
    html = render(OfferReviewPanel(), "manager", rf)
    if offer_model is None:
        assert "Offers are not available yet" in html
        return
    offer = offer_model.objects.filter(locale__language_code="de", live=True).first()
    assert offer is not None, "the demo content has live German offers"
    today = timezone.localdate()
    offer_model.objects.filter(pk=offer.pk).update(
        last_reviewed=today - datetime.timedelta(days=400), valid_until=today + datetime.timedelta(days=10)
    )
    data = OfferReviewPanel().get_panel_data(None)
    assert data["months"] == 6
    assert str(offer) in [o["title"] for o in data["unreviewed"]] or data["unreviewed_count"] > len(
        data["unreviewed"]
    )
    assert str(offer) in [o["title"] for o in data["expiring"]] or data["expiring_count"] > len(
        data["expiring"]
    )
    offer_model.objects.filter(pk=offer.pk).update(last_reviewed=today, valid_until=None)
    fresh = OfferReviewPanel().get_panel_data(None)
    assert fresh["unreviewed_count"] == data["unreviewed_count"] - 1
    assert fresh["expiring_count"] == data["expiring_count"] - 1


def test_review_months_from_environment(monkeypatch):
    monkeypatch.setenv("MODERATION_REVIEW_MONTHS", "3")
    assert review_months() == 3
    monkeypatch.setenv("MODERATION_REVIEW_MONTHS", "drei")
    assert review_months() == 6
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 6) == datetime.date(2025, 7, 15)


def test_requests_panel(rf):
    data = RequestsPanel().get_panel_data(None)
    html = render(RequestsPanel(), "manager", rf)
    if not data["available"]:
        assert "Requests are not available yet" in html
        return
    for entry in data["entries"]:
        assert str(entry["count"]) in html


def test_recent_activity_shows_the_audit_log(client, rf):
    page = section()
    login(client, "mitglied")
    edit_page(client, page, action="action-submit", intro="Für das Protokoll.")
    html = render(RecentActivityPanel(), "manager", rf)
    assert page.title in html
    assert "mitglied" in html


def test_panels_run_a_fixed_number_of_queries(client, rf):
    def count():
        with CaptureQueriesContext(connection) as queries:
            for panel in MANAGER_PANELS:
                render(panel(), "manager", rf)
        return len(queries)

    first = count()
    login(client, "mitglied")
    for slug in ("sprache", "wohnen", "bildung"):
        edit_page(client, section(slug), action="action-submit", intro=f"Neu: {slug}.")
    for page in GuidePage.objects.filter(locale__language_code="de")[:3]:
        page.save_revision().publish()
    assert count() <= first + 2  # +2: the items' content types, fetched once each
    assert count() < 60
