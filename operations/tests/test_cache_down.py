"""Fault: Redis (the cache) is down or hangs. The public site must stay up.

Protects: with ``REDIS_URL`` pointing at a closed port, or at a socket that
accepts and never answers, every public page (home, guide, offer finder and
detail, search, news, events, request form incl. its rate limit) answers 200
with its content; the error is logged once as a warning; a hanging Redis costs
one short socket timeout, not one per cache call. The settings are those that
``cms/settings/base.py`` computes from ``REDIS_URL`` (production's path).
"""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings
from redis.exceptions import RedisError
from wagtail.models import Page

from offers.models import Offer
from personal_requests.factories import mediator_data
from personal_requests.models import RequestFormPage

from .conftest import base_settings_with

pytestmark = pytest.mark.django_db


def public_paths():
    guide = Page.objects.live().public().filter(locale__language_code="de", depth=4).first()
    offer = Offer.objects.current().filter(locale__language_code="de").first()
    return [
        ("/de/", "Beckum"),
        ("/ar/", 'dir="rtl"'),
        (guide.url, guide.title),
        ("/de/angebote/", "<form"),
        (offer.public_url("/de/angebote/"), offer.title),
        ("/de/suche/?q=Sprachkurs", "Sprachkurs"),
        ("/de/neuigkeiten/", "<h1"),
        ("/de/termine/", "<h1"),
    ]


def caches_for(port):
    return base_settings_with(REDIS_URL=f"redis://127.0.0.1:{port}/4", CACHE_SOCKET_TIMEOUT="0.3")["CACHES"]


def test_production_settings_use_the_resilient_backend_with_short_timeouts():
    caches = caches_for(6379)
    assert caches["default"]["BACKEND"] == "operations.cache.ResilientRedisCache"
    assert caches["default"]["OPTIONS"] == {"socket_connect_timeout": 0.3, "socket_timeout": 0.3}


@pytest.mark.parametrize("fault", ["refusing", "hanging"])
def test_public_pages_answer_while_the_cache_is_down(client, fault, refusing_port, hanging_server, caplog):
    port = refusing_port if fault == "refusing" else hanging_server.port
    with override_settings(CACHES=caches_for(port)), caplog.at_level(logging.WARNING, "operations.cache"):
        started = time.monotonic()
        for path, expected in public_paths():
            response = client.get(path)
            assert response.status_code == 200, path
            assert expected in response.content.decode(), path
        elapsed = time.monotonic() - started
        # The request form: the rate limit counts in the cache; without it the visitor is let through.
        page = RequestFormPage.objects.get(locale__language_code="de", kind="mediator")
        response = client.post(page.url, mediator_data())
        assert response.status_code == 302
        assert response["Location"].endswith("/sent/")
        assert cache.get("anything", "miss") == "miss"
    assert "Cache unavailable" in caplog.text
    # One warning per retry window, not one per cache call.
    assert caplog.text.count("Cache unavailable") == 1
    # A hanging Redis costs at most one socket timeout (0.3 s) for all these pages, on top of rendering.
    assert elapsed < 20


def test_hanging_cache_costs_one_timeout_not_one_per_call(hanging_server):
    with override_settings(CACHES=caches_for(hanging_server.port)):
        started = time.monotonic()
        for index in range(20):
            assert cache.get(f"key-{index}") is None
            cache.set(f"key-{index}", index)
        elapsed = time.monotonic() - started
    assert elapsed < 1.0  # 40 calls: the first waits 0.3 s, the others skip the dead server


def test_cache_errors_read_as_misses_for_every_operation(refusing_port):
    with override_settings(CACHES=caches_for(refusing_port)):
        assert cache.get("k", "default") == "default"
        assert cache.add("k", 1) is False
        assert cache.set("k", 1) is None
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("k") is False
        assert cache.delete("k") is False
        assert cache.get_or_set("k", "computed") == "computed"
        with pytest.raises(ValueError):
            cache.incr("k")
        with pytest.raises(RedisError):
            cache.ping()  # the readiness check is told the truth
