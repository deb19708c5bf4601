"""Public request forms: language mediator and mentorship, in every locale.

Protects: the legal-consequences notice and confirmation, storage, the
notification e-mail (without personal data), the confirmation in the reader's
language, the honeypot, the rate limit (429 with the entries kept), and the
CSRF cookie being set on form pages only.
"""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from personal_requests.factories import form_page, mediator_data
from personal_requests.models import MediatorRequest, MentorshipRequest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["de", "en", "ar", "fa", "uk", "ru", "tr"])
def test_form_pages_exist_in_every_locale(client, code):
    for kind in ("mediator", "mentorship"):
        page = form_page(code, kind)
        response = client.get(page.url)
        assert response.status_code == 200
        body = response.content.decode()
        assert f'<html lang="{code}"' in body
        assert 'name="csrfmiddlewaretoken"' in body
        assert 'name="website"' in body  # honeypot
        assert "no-cache" in response["Cache-Control"]


def test_mediator_form_states_the_legal_consequences_rule(client):
    body = client.get(form_page("de", "mediator").url).content.decode()
    with translation.override("de"):
        notice = gettext("The appointment has no legal consequences.")
    assert notice in body
    assert 'name="no_legal_consequences"' in body


def test_confirmation_is_required(client):
    page = form_page("de", "mediator")
    response = client.post(page.url, mediator_data(no_legal_consequences=""))
    assert response.status_code == 400
    assert not MediatorRequest.objects.exists()
    body = response.content.decode()
    assert "Kinderarztpraxis Beckum" in body  # nothing entered is lost


def test_phone_or_email_is_required(client):
    response = client.post(form_page("de", "mediator").url, mediator_data(email="", phone=""))
    assert response.status_code == 400
    assert not MediatorRequest.objects.exists()


def test_submission_is_stored_and_managers_are_notified(client, users):
    page = form_page("ar", "mediator")
    response = client.post(page.url, mediator_data())
    assert response.status_code == 302
    assert response["Location"] == page.url + "sent/"
    request = MediatorRequest.objects.get()
    assert request.name == "Testperson Qxwz"
    assert request.site_language == "ar"
    assert request.no_legal_consequences is True
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert users["manager"].email in message.to
    assert "mitglied@beckum.example" not in message.to
    assert f"/admin/mediator_requests/edit/{request.pk}/" in message.body
    # The e-mail carries no personal data: the admin link is enough.
    assert "Testperson" not in message.body + message.subject
    assert "testperson@example.org" not in message.body


def test_mentorship_submission(client):
    page = form_page("en", "mentorship")
    data = {
        "role": "offer",
        "languages": "Deutsch, Englisch",
        "interests": "Gemeinsam kochen",
        "name": "Mentor Testperson",
        "phone": "0000",
        "email": "",
        "message": "",
        "website": "",
    }
    response = client.post(page.url, data)
    assert response.status_code == 302
    assert MentorshipRequest.objects.get().role == "offer"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("code", ["ar", "en", "de", "uk"])
def test_confirmation_in_the_readers_language(client, code):
    page = form_page(code, "mediator")
    response = client.get(page.url + "sent/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{code}"' in body
    with translation.override(code):
        expected = gettext("Thank you. Your request has been sent.")
    assert expected in body
    assert not response.cookies


def test_honeypot_stores_nothing_and_sends_nothing(client):
    page = form_page("de", "mediator")
    response = client.post(page.url, mediator_data(website="http://spam.example"))
    assert response.status_code == 302  # the bot sees the usual confirmation
    assert not MediatorRequest.objects.exists()
    assert not mail.outbox


@override_settings(NETWORK_REQUEST_RATE_LIMIT=(2, 3600))
def test_rate_limit_per_client_ip(client):
    page = form_page("en", "mediator")
    for _ in range(2):
        assert client.post(page.url, mediator_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(page.url, mediator_data(name="Third Try"), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    body = response.content.decode()
    with translation.override("en"):
        assert gettext("Too many requests were sent from your connection.")[:20] in body
    assert "Third Try" in body  # the entries are kept
    assert MediatorRequest.objects.count() == 2
    # Another client is not affected.
    assert client.post(page.url, mediator_data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    assert MediatorRequest.objects.count() == 3


def test_csrf_is_enforced(users):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(form_page("de", "mediator").url, mediator_data())
    assert response.status_code == 403
    assert not MediatorRequest.objects.exists()


def test_only_form_pages_set_a_cookie(client):
    assert client.get(form_page("de", "mediator").url).cookies.get("csrftoken")
    for url in ["/de/", "/de/neuigkeiten/", "/de/termine/", "/de/termine/netzwerktreffen-integration/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url


def test_past_date_is_refused(client):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(form_page("de", "mediator").url, mediator_data(date=yesterday))
    assert response.status_code == 400
    assert not MediatorRequest.objects.exists()
