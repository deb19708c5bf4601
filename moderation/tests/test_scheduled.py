"""Scheduled publishing and expiry work with the workflow: an approved change with a go-live date waits,
``publish_scheduled`` (run by cron or a systemd timer, see moderation/README.md) publishes it, and unpublishes
a page whose expiry date has passed."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from .helpers import edit_page, login, section, workflow_action

pytestmark = pytest.mark.django_db

LATER_INTRO = "Ab nächster Woche: neue Kurszeiten."


def test_approved_change_with_go_live_date_is_published_by_publish_scheduled(client, monkeypatch):
    page = section("wohnen")
    live_intro = page.intro
    go_live = timezone.localtime() + datetime.timedelta(days=7)
    login(client, "mitglied")
    edit_page(
        client, page, action="action-submit", intro=LATER_INTRO, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    login(client, "manager")
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.intro == live_intro, "approved, but scheduled for later"
    revision = Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).get()

    assert revision.approved_go_live_at > timezone.now()

    # Eight days later, the timer runs the command.
    later = timezone.now() + datetime.timedelta(days=8)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.intro == LATER_INTRO and page.live


def test_expired_page_is_unpublished_by_publish_scheduled():
    page = section("gesundheit")
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live and page.expired
