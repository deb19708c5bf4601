"""The client address behind our reverse proxies (``TRUSTED_PROXY_COUNT``), for the form limit and axes.

Protects: with the README's nginx set-up every visitor used to be one address
(the proxy's), so one person blocked both request forms for everyone for an
hour. Now two visitors behind one and behind two proxies are counted apart;
a forged ``X-Forwarded-For`` does not give a fresh count; without trusted
proxies the header is ignored; only accepted submissions count; the login
lockout uses the same address.
"""

import datetime

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone

from accounts.client_address import client_ip
from personal_requests.models import MediatorRequest, RequestFormPage

pytestmark = pytest.mark.django_db

PROXY_1 = "10.0.0.2"  # nginx on the same host or in front of it
PROXY_2 = "10.0.0.3"  # e.g. the town's load balancer in front of nginx
ALICE = "203.0.113.10"
BOB = "198.51.100.20"


def request_via(*forwarded, remote):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = ", ".join(forwarded)
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("count", "forwarded", "remote", "expected"),
    [
        (0, (), ALICE, ALICE),
        (0, ("1.2.3.4",), ALICE, ALICE),  # header ignored without trusted proxies
        (1, (ALICE,), PROXY_1, ALICE),
        (1, ("1.2.3.4", ALICE), PROXY_1, ALICE),  # forged entry on the left is ignored
        (2, (ALICE, PROXY_1), PROXY_2, ALICE),
        (2, ("1.2.3.4", ALICE, PROXY_1), PROXY_2, ALICE),
        (2, (ALICE,), PROXY_1, PROXY_1),  # fewer entries than proxies: the connection's address
        (1, ("not-an-address",), PROXY_1, PROXY_1),
        (1, ("2001:db8::1",), PROXY_1, "2001:db8::1"),
    ],
)
def test_client_ip(count, forwarded, remote, expected):
    with override_settings(TRUSTED_PROXY_COUNT=count):
        assert client_ip(request_via(*forwarded, remote=remote)) == expected


def mediator_data(name):
    return {
        "language": "ar",
        "date": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "time": "10:30",
        "place": "Rathaus Beckum",
        "appointment_kind": "authority",
        "no_legal_consequences": "on",
        "name": name,
        "phone": "",
        "email": "person@example.org",
        "message": "",
        "website": "",
    }


def headers_for(proxies, client, forged=None):
    """META of a request from ``client`` through ``proxies`` nginx-style proxies."""
    chain = ([forged] if forged else []) + [client] + [PROXY_1, PROXY_2][: proxies - 1]
    return {"REMOTE_ADDR": [PROXY_1, PROXY_2][proxies - 1], "HTTP_X_FORWARDED_FOR": ", ".join(chain)}


@pytest.mark.parametrize("proxies", [1, 2])
def test_form_limit_counts_each_visitor_behind_the_proxies(client, proxies):
    page = RequestFormPage.objects.get(locale__language_code="de", kind="mediator")
    with override_settings(TRUSTED_PROXY_COUNT=proxies, NETWORK_REQUEST_RATE_LIMIT=(2, 3600)):
        for i in range(2):
            response = client.post(page.url, mediator_data(f"Alice {i}"), **headers_for(proxies, ALICE))
            assert response.status_code == 302
        refused = client.post(page.url, mediator_data("Alice 3"), **headers_for(proxies, ALICE))
        assert refused.status_code == 429
        # Forging X-Forwarded-For does not give Alice a fresh count.
        forged = client.post(page.url, mediator_data("Alice 4"), **headers_for(proxies, ALICE, forged=BOB))
        assert forged.status_code == 429
        # Bob, through the same proxies, is not affected.
        assert client.post(page.url, mediator_data("Bob"), **headers_for(proxies, BOB)).status_code == 302
    assert sorted(MediatorRequest.objects.values_list("name", flat=True)) == ["Alice 0", "Alice 1", "Bob"]


def test_without_trusted_proxies_everyone_behind_a_proxy_is_one_client(client):
    """The documented failure mode when TRUSTED_PROXY_COUNT is not set behind nginx."""
    page = RequestFormPage.objects.get(locale__language_code="de", kind="mediator")
    with override_settings(TRUSTED_PROXY_COUNT=0, NETWORK_REQUEST_RATE_LIMIT=(1, 3600)):
        assert client.post(page.url, mediator_data("Alice"), **headers_for(1, ALICE)).status_code == 302
        assert client.post(page.url, mediator_data("Bob"), **headers_for(1, BOB)).status_code == 429


def test_only_accepted_submissions_count(client):
    page = RequestFormPage.objects.get(locale__language_code="de", kind="mediator")
    with override_settings(NETWORK_REQUEST_RATE_LIMIT=(1, 3600)):
        for _ in range(3):  # mistakes: the name is missing
            bad = client.post(page.url, mediator_data(""), REMOTE_ADDR=ALICE)
            assert bad.status_code == 400
        assert client.post(page.url, mediator_data("Alice"), REMOTE_ADDR=ALICE).status_code == 302
        assert client.post(page.url, mediator_data("Alice again"), REMOTE_ADDR=ALICE).status_code == 429
    assert MediatorRequest.objects.count() == 1


@pytest.mark.parametrize("proxies", [1, 2])
def test_login_lockout_uses_the_same_address(users, proxies):
    from django.test import Client
    from django.urls import reverse

    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        client = Client()
        for _ in range(5):
            response = client.post(
                reverse("wagtailadmin_login"),
                {"username": "mitglied", "password": "wrong"},
                **headers_for(proxies, ALICE),
            )
        assert response.status_code == 429
        ok = client.post(
            reverse("wagtailadmin_login"),
            {"username": "mitglied", "password": "beckum-mitglied"},
            **headers_for(proxies, BOB),
        )
        assert ok.status_code == 302
    from axes.models import AccessAttempt

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ALICE]


def test_rate_limit_does_not_turn_a_cache_failure_into_an_error(client, monkeypatch):
    """Its cache (Redis) fails: the request is still accepted (and logged), no error page."""
    from accounts import ratelimit

    class Broken:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("redis down")

            return fail

    monkeypatch.setattr(ratelimit, "cache", Broken())
    page = RequestFormPage.objects.get(locale__language_code="de", kind="mediator")
    response = client.post(page.url, mediator_data("Alice"), REMOTE_ADDR=ALICE)
    assert response.status_code == 302
    assert MediatorRequest.objects.filter(name="Alice").exists()


def test_rate_limit_key_cannot_be_reversed_to_the_address(settings):
    """The key holds a hash keyed with SECRET_KEY: trying every IPv4 address does not find it."""
    import hashlib

    from accounts import ratelimit

    request = RequestFactory().post("/", REMOTE_ADDR=ALICE)
    key = ratelimit._key(request, "mediator", 3600)
    assert ALICE not in key
    assert hashlib.sha256(ALICE.encode()).hexdigest()[:32] not in key  # a plain hash would be guessable
    settings.SECRET_KEY = "another-secret-" + "x" * 40
    assert ratelimit._key(request, "mediator", 3600) != key  # positive control: the key depends on it
    assert ratelimit._key(RequestFactory().post("/", REMOTE_ADDR=ALICE), "mediator", 3600) == (
        ratelimit._key(request, "mediator", 3600)
    )  # and stays the same for the same address
