"""Fault: the mail server refuses or hangs. Nothing is lost and nobody is misled.

Protects: a newcomer's request is stored and they see the confirmation
whatever the mail server does; the notification waits in the outbox (with no
more than the e-mail itself: no name, no phone, no address of the newcomer)
and stays there when sending fails; the manager's dashboard lists it;
``manage.py send_outbox`` sends it later and empties the outbox; delivery
happens only after the response has gone out; Wagtail's own e-mails
(moderation) take the same way; ``purge_personal_data`` removes old unsent mail.
"""

import datetime
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from operations.models import OutboxMessage
from operations.outbox import OutboxDeliveryMiddleware
from personal_requests.factories import form_page, mediator_data
from personal_requests.models import MediatorRequest

from .conftest import base_settings_with

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(params=["refusing", "hanging"])
def dead_mail_server(request, settings, refusing_port, hanging_server):
    """The production mail settings (outbox in front of SMTP), the SMTP server dead."""
    production = base_settings_with(EMAIL_TIMEOUT="1")
    settings.EMAIL_BACKEND = production["EMAIL_BACKEND"]
    settings.OUTBOX_DELIVERY_BACKEND = production["OUTBOX_DELIVERY_BACKEND"]
    settings.EMAIL_TIMEOUT = production["EMAIL_TIMEOUT"]
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = refusing_port if request.param == "refusing" else hanging_server.port
    return settings


def test_production_settings_put_the_outbox_in_front_of_smtp():
    production = base_settings_with()
    assert production["EMAIL_BACKEND"] == "operations.outbox.OutboxEmailBackend"
    assert production["OUTBOX_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert production["EMAIL_TIMEOUT"] == 10


def test_request_is_stored_confirmed_and_the_notification_kept(
    dead_mail_server, client, users, django_capture_on_commit_callbacks
):
    page = form_page("ar", "mediator")
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, mediator_data())
    assert time.monotonic() - started < 5
    assert response.status_code == 302
    assert response["Location"] == page.url + "sent/"
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "شكرًا" in confirmation.content.decode() or "شكر" in confirmation.content.decode()
    request = MediatorRequest.objects.get()
    # Not sent, not lost: queued, with the failure noted.
    queued = OutboxMessage.objects.get()
    assert queued.attempts == 1
    assert queued.last_error
    assert users["manager"].email in queued.to
    assert f"/admin/mediator_requests/edit/{request.pk}/" in queued.body
    stored = " ".join(
        str(value)
        for value in (queued.subject, queued.body, queued.to, queued.cc, queued.bcc, queued.headers)
    )
    for personal in ("Testperson", "testperson@example.org", "Kinderarztpraxis"):
        assert personal not in stored
    assert mail.outbox == []

    # The manager sees it on the dashboard; a network member does not.
    client.force_login(users["manager"])
    dashboard = client.get("/admin/").content.decode()
    assert (
        "Unsent e-mail notifications" in dashboard
        or "Nicht versendete E-Mail-Benachrichtigungen" in dashboard
    )
    assert queued.subject in dashboard
    client.force_login(users["mitglied"])
    assert queued.subject not in client.get("/admin/").content.decode()

    # The mail server is back: the cron job sends it and empties the outbox.
    dead_mail_server.OUTBOX_DELIVERY_BACKEND = LOCMEM
    call_command("send_outbox")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == queued.subject
    assert mail.outbox[0].to == queued.to
    assert not OutboxMessage.objects.exists()


def test_send_outbox_keeps_what_still_fails_and_waits_one_timeout_only(dead_mail_server):
    for subject in ("Eins", "Zwei", "Drei"):
        OutboxMessage.objects.create(subject=subject, body="x", from_email="a@b.example", to=["m@b.example"])
    started = time.monotonic()
    with pytest.raises(SystemExit):
        call_command("send_outbox")
    # EMAIL_TIMEOUT is 1 s: a hanging server is waited for once per run, not once per message.
    assert time.monotonic() - started < 1.9
    assert OutboxMessage.objects.count() == 3
    assert sorted(OutboxMessage.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    assert not OutboxMessage.objects.filter(locked_until__isnull=False).exists()


def test_delivery_waits_until_the_response_has_gone_out(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "operations.outbox.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM

    def view(request):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            mail.send_mail("Nach der Antwort", "Text", "a@b.example", ["m@b.example"])
        return HttpResponse("ok")

    response = OutboxDeliveryMiddleware(view)(RequestFactory().get("/de/"))
    assert response.content == b"ok"
    assert mail.outbox == []  # the visitor's answer does not wait for the mail server
    assert OutboxMessage.objects.count() == 1
    # What the WSGI server does after the last byte (as the test client does, without closing the
    # test's database connection).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert [m.subject for m in mail.outbox] == ["Nach der Antwort"]
    assert not OutboxMessage.objects.exists()


def test_wagtail_moderation_mail_goes_through_the_outbox(settings, django_capture_on_commit_callbacks):
    from wagtail.admin.mail import send_mail as wagtail_send_mail

    settings.EMAIL_BACKEND = "operations.outbox.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    with django_capture_on_commit_callbacks(execute=True):
        wagtail_send_mail(
            "Seite zur Freigabe", "Bitte prüfen", ["manager@beckum.example"], html_message="<p>x</p>"
        )
    message = OutboxMessage.objects.get()
    assert message.subject == "Seite zur Freigabe"
    assert message.alternatives == [["<p>x</p>", "text/html"]]
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    call_command("send_outbox")
    assert (
        mail.outbox[0].alternatives[0].content == "<p>x</p>"
        or mail.outbox[0].alternatives[0][0] == "<p>x</p>"
    )


def test_old_unsent_mail_is_purged_with_the_personal_data(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 180
    old = OutboxMessage.objects.create(subject="Alt", body="x", from_email="a@b.example", to=["m@b.example"])
    OutboxMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    OutboxMessage.objects.create(subject="Neu", body="x", from_email="a@b.example", to=["m@b.example"])
    call_command("purge_personal_data", "--days", "180")
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["Neu"]
