"""Helpers of the accounts tests: log in with the password, give a TOTP code."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import current_code

PASSWORDS = {
    "admin": "beckum-admin",
    "manager": "beckum-manager",
    "mitglied": "beckum-mitglied",
    "ag-mitglied": "beckum-ag",
    "uebersetzer": "beckum-uebersetzer",
}


def password_login(username, client=None, **extra):
    """POST the Wagtail login form with the demo password; returns (client, response)."""
    client = client or Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": PASSWORDS[username], "next": reverse("wagtailadmin_home")},
        **extra,
    )
    return client, response


def totp_code(user):
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return current_code(device)


def give_code(client, code, next_url="/admin/", **extra):
    return client.post(reverse("accounts_2fa_verify"), {"code": code, "next": next_url}, **extra)
