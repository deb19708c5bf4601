"""Logout: only by POST, and it ends the session on the server.

Protects: a GET (e.g. an ``<img src=/admin/logout/>`` on another site) neither
logs out nor touches the session cookie (Wagtail's view used to delete the
cookie even when it answered 405, while the session lived on); a POST deletes
the session from the session store, so a copied cookie is worthless afterwards.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_get_does_not_log_out(users):
    client = Client()
    client.force_login(users["manager"])
    key = client.session.session_key
    response = client.get(reverse("wagtailadmin_logout"))
    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/admin/").status_code == 200


def test_post_ends_the_session_on_the_server(users):
    client = Client()
    client.force_login(users["manager"])
    key = client.session.session_key
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = key
    assert stolen.get("/admin/").status_code == 200  # a copy of the cookie works while logged in
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert not Session.objects.filter(session_key=key).exists()
    # Neither the browser nor the copied cookie reach the admin now.
    assert client.get("/admin/").status_code == 302
    assert stolen.get("/admin/")["Location"].startswith(reverse("wagtailadmin_login"))


def test_logout_during_the_second_factor_step(users):
    """Someone who gave the password but not the code can still log out."""
    client = Client()
    client.force_login(users["manager"], verified=False)
    key = client.session.session_key
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
