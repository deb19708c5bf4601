"""Login throttling: a username from one address is locked out after N failures; managers lift it.

Protects against the attack from issue 10 (30 wrong passwords in 16 seconds,
then the right one worked): after ``AXES_FAILURE_LIMIT`` failures even the
right password is refused with a clear page (429) for the cool-off time; the
same user from another address and other users are not affected; wrong
second-factor codes count too; the integration management sees the lockout in
the admin and lifts it, members cannot; password-reset e-mails are limited
per address.
"""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from accounts.tests.helpers import PASSWORDS, give_code, password_login, totp_code

pytestmark = pytest.mark.django_db

LIMIT = 5


def wrong_password(username, address="198.51.100.7"):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address
    )


def test_lockout_after_n_failures_even_with_the_right_password(users):
    for _ in range(LIMIT - 1):
        response = wrong_password("mitglied")
        assert response.status_code == 200  # the form again, with its error
    locked = wrong_password("mitglied")
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.content.decode()
    # The right password does not help now.
    client, response = password_login("mitglied", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # not logged in
    assert "_auth_user_id" not in client.session
    # The same user from elsewhere, and other users from here, are not locked out.
    _, elsewhere = password_login("mitglied", REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 302
    _, other_user = password_login("ag-mitglied", REMOTE_ADDR="198.51.100.7")
    assert other_user.status_code == 302


@pytest.mark.parametrize("language", ["de", "ar"])
def test_lockout_page_speaks_the_visitors_language(users, language):
    from django.utils import translation

    for _ in range(LIMIT):
        response = Client(HTTP_ACCEPT_LANGUAGE=language).post(
            reverse("wagtailadmin_login"), {"username": "mitglied", "password": "wrong"}
        )
    assert response.status_code == 429
    with translation.override(language):
        expected = translation.gettext("Too many failed attempts")
    assert expected != "Too many failed attempts"
    assert expected in response.content.decode()


def test_wrong_second_factor_codes_count_towards_the_lockout(users):
    client, _ = password_login("manager", REMOTE_ADDR="198.51.100.7")
    for _ in range(LIMIT - 1):
        assert give_code(client, "000000", REMOTE_ADDR="198.51.100.7").status_code == 400
    locked = give_code(client, "000000", REMOTE_ADDR="198.51.100.7")
    assert locked.status_code == 429
    # The half-finished login is ended, and the right code no longer helps.
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    _, again = password_login("manager", REMOTE_ADDR="198.51.100.7")
    assert again.status_code == 429


def test_manager_sees_and_lifts_the_lockout(users):
    for _ in range(LIMIT):
        wrong_password("mitglied")
    manager = Client(HTTP_ACCEPT_LANGUAGE="en")
    manager.force_login(users["manager"])
    listing = manager.get(reverse("accounts_lockouts"))
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "mitglied" in body
    assert "198.51.100.7" in body
    assert "Locked until" in body
    attempt = AccessAttempt.objects.get(username="mitglied")
    response = manager.post(reverse("accounts_lockout_lift", args=[attempt.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="mitglied").exists()
    _, response = password_login("mitglied", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    # The settings menu shows the page to managers.
    assert reverse("accounts_lockouts") in manager.get("/admin/").content.decode()


@pytest.mark.parametrize("username", ["mitglied", "ag-mitglied", "uebersetzer"])
def test_others_cannot_see_or_lift_lockouts(users, username):
    for _ in range(LIMIT):
        wrong_password("manager")
    attempt = AccessAttempt.objects.get(username="manager")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users[username])
    listing = client.get(reverse("accounts_lockouts"))
    assert listing.status_code in (302, 403)
    assert "198.51.100.7" not in listing.content.decode()
    client.post(reverse("accounts_lockout_lift", args=[attempt.pk]))
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert reverse("accounts_lockouts") not in client.get("/admin/").content.decode()


def test_success_resets_the_count(users):
    for _ in range(LIMIT - 1):
        wrong_password("mitglied")
    _, ok = password_login("mitglied", REMOTE_ADDR="198.51.100.7")
    assert ok.status_code == 302
    for _ in range(LIMIT - 1):
        assert wrong_password("mitglied").status_code == 200


@override_settings(PASSWORD_RESET_RATE_LIMIT=(2, 3600))
def test_password_reset_requests_are_limited_per_address(users):
    url = reverse("wagtailadmin_password_reset")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(2):
        response = client.post(url, {"email": "mitglied@beckum.example"}, REMOTE_ADDR="198.51.100.7")
        assert response.status_code == 302
    assert len(mail.outbox) == 2
    refused = client.post(url, {"email": "mitglied@beckum.example"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 2
    # Another address still may.
    assert (
        client.post(url, {"email": "mitglied@beckum.example"}, REMOTE_ADDR="203.0.113.9").status_code == 302
    )
    assert len(mail.outbox) == 3


def test_demo_passwords_are_the_documented_ones(users):
    for username, password in PASSWORDS.items():
        assert users[username].check_password(password), username


def test_totp_helper_gives_a_valid_code(users):
    client, _ = password_login("admin")
    assert give_code(client, totp_code(users["admin"])).status_code == 302
