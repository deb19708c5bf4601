"""Fixtures of the calendar import tests: a feed server on 127.0.0.1 and registered feeds."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from calendar_import.models import CalendarFeed
from network.models import EventIndexPage
from offers.models import Organisation

from .sample_feeds import MALFORMED, Dates, muetterzentrum_feed, vhs_feed

ICS = "text/calendar; charset=utf-8"


class FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802  (http.server's name)
        status, content_type, body, delay = self.server.routes.get(
            self.path, (404, "text/plain", b"nicht da", 0)
        )
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server(monkeypatch):
    """``server.routes[path] = (status, content type, body, delay in seconds)``; ``server.url(path)``."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    server.daemon_threads = True
    server.routes = {}
    server.url = lambda path: f"http://127.0.0.1:{server.server_address[1]}{path}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def dates():
    return Dates()


@pytest.fixture
def import_settings(settings):
    settings.CALENDAR_IMPORT_TIMEOUT = 0.5
    settings.CALENDAR_IMPORT_MAX_BYTES = 200_000
    settings.CALENDAR_IMPORT_MONTHS = 3
    return settings


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug="termine")


def organisation(slug):
    return Organisation.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=slug)


@pytest.fixture
def feeds(feed_server, dates, event_index, import_settings):
    """The two good feeds and every kind of broken one, registered and active."""
    routes = feed_server.routes
    routes["/vhs.ics"] = (200, ICS, vhs_feed(dates), 0)
    routes["/muetterzentrum.ics"] = (200, ICS, muetterzentrum_feed(dates), 0)
    routes["/kaputt.ics"] = (200, ICS, MALFORMED, 0)
    routes["/startseite.ics"] = (200, "text/html", b"<!doctype html><title>VHS</title><p>Kurse</p>", 0)
    routes["/langsam.ics"] = (200, ICS, vhs_feed(dates), 2)
    routes["/riesig.ics"] = (200, ICS, b"BEGIN:VCALENDAR\r\n" + b"X-FILL:" + b"x" * 300_000 + b"\r\n", 0)
    vhs, muetterzentrum = organisation("vhs"), organisation("muetterzentrum")

    def feed(name, path, org, field):
        return CalendarFeed.objects.create(
            name=name,
            url=feed_server.url(path),
            organisation=org,
            field_of_action=field,
            event_index=event_index,
        )

    return {
        "vhs": feed("VHS Beckum-Wadersloh", "/vhs.ics", vhs, "sprache"),
        "muetterzentrum": feed(
            "Mütterzentrum Beckum", "/muetterzentrum.ics", muetterzentrum, "leben-und-freizeit"
        ),
        "malformed": feed("Kaputter Kalender", "/kaputt.ics", vhs, "sprache"),
        "missing": feed("Alter Kalender (gelöscht)", "/weg.ics", vhs, "sprache"),
        "html": feed("Startseite statt Kalender", "/startseite.ics", vhs, "sprache"),
        "slow": feed("Langsamer Server", "/langsam.ics", vhs, "sprache"),
        "huge": feed("Riesige Datei", "/riesig.ics", vhs, "sprache"),
    }
