"""``/readyz`` goes 503 in each fault and back to 200 when it ends; ``/healthz`` never needs a dependency.

Protects: the readiness answer for the database (gunicorn with production
settings behind a switchable proxy to the real PostgreSQL), the cache (a proxy
to the real Redis), the search cluster (a proxy to a stand-in answering
Elasticsearch's info call) and the outbox (an e-mail older than
``OUTBOX_MAX_AGE_MINUTES``); JSON without hosts or secrets; never cached; not
in the sitemap; disallowed in robots.txt.
"""

import datetime
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from operations.faultlab import FaultProxy, Gunicorn, free_port
from operations.models import OutboxMessage

from .conftest import base_settings_with

pytestmark = pytest.mark.django_db


def readyz(client):
    started = time.monotonic()
    response = client.get("/readyz")
    return response.status_code, json.loads(response.content), time.monotonic() - started


def reachable(host, port):
    try:
        socket.create_connection((host, port), timeout=1).close()
        return True
    except OSError:
        return False


def test_healthz_and_readyz_when_all_is_well(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    status, body, _ = readyz(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "outbox"}
    assert body["checks"]["search"] == {"ok": True, "configured": False, "ms": body["checks"]["search"]["ms"]}
    assert "no-store" in client.get("/readyz")["Cache-Control"]
    assert "no-store" in client.get("/healthz")["Cache-Control"]


def test_health_endpoints_are_not_in_the_sitemap_and_disallowed_in_robots(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "healthz" not in sitemap and "readyz" not in sitemap
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    lines = robots.content.decode().splitlines()
    assert "Disallow: /healthz" in lines and "Disallow: /readyz" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_outbox_fault_and_recovery(client, settings):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert readyz(client)[0] == 200
    message = OutboxMessage.objects.create(
        subject="Neue Anfrage", body="…", from_email="a@b.example", to=["m@b.example"]
    )
    assert readyz(client)[0] == 200  # fresh mail is normal
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    status, body, _ = readyz(client)
    assert status == 503
    assert body["checks"]["outbox"]["ok"] is False
    assert body["checks"]["outbox"]["queued"] == 1
    assert body["checks"]["outbox"]["oldest_seconds"] >= 7200
    call_command("send_outbox")
    assert [m.subject for m in mail.outbox] == ["Neue Anfrage"]
    assert readyz(client)[0] == 200


def test_cache_fault_and_recovery(client):
    if not reachable("127.0.0.1", 6379):
        pytest.skip("needs the local Redis on 127.0.0.1:6379")
    with FaultProxy(upstream=("127.0.0.1", 6379)) as proxy:
        caches = base_settings_with(REDIS_URL=f"redis://127.0.0.1:{proxy.port}/4", CACHE_SOCKET_TIMEOUT="0.3")
        with override_settings(CACHES=caches["CACHES"]):
            assert readyz(client)[0] == 200
            for mode in ("refuse", "hang"):
                proxy.set_mode(mode)
                status, body, seconds = readyz(client)
                assert status == 503, mode
                assert body["checks"]["cache"]["ok"] is False
                assert seconds < 2
                # The public site is still up meanwhile.
                assert client.get("/de/").status_code == 200
                proxy.set_mode("forward")
                assert readyz(client)[0] == 200, mode


class _ElasticsearchInfo(BaseHTTPRequestHandler):
    """Answers Elasticsearch's info call (GET /) like a 9.x node; nothing else."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = json.dumps(
            {
                "name": "stand-in",
                "cluster_name": "beckum",
                "version": {"number": "9.1.0"},
                "tagline": "You Know",
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def elasticsearch_info_server():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _ElasticsearchInfo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_search_cluster_fault_and_recovery(client, elasticsearch_info_server):
    with FaultProxy(upstream=("127.0.0.1", elasticsearch_info_server)) as proxy:
        backends = base_settings_with(ELASTICSEARCH_URL=f"http://127.0.0.1:{proxy.port}")[
            "WAGTAILSEARCH_BACKENDS"
        ]
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            status, body, _ = readyz(client)
            assert status == 200, body
            assert body["checks"]["search"]["configured"] is True
            for mode in ("refuse", "hang"):
                proxy.set_mode(mode)
                status, body, seconds = readyz(client)
                assert status == 503, mode
                assert body["checks"]["search"] == {
                    "ok": False,
                    "error": body["checks"]["search"]["error"],
                    "ms": body["checks"]["search"]["ms"],
                }
                assert seconds < 2.5
                proxy.set_mode("forward")
                assert readyz(client)[0] == 200, mode


def test_database_fault_and_recovery_under_gunicorn():
    if connection.vendor != "postgresql":
        pytest.skip("the subprocess needs the test database on a server: CI runs this in its PostgreSQL pass")
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)
    with FaultProxy(upstream=(host, port)) as proxy:
        url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@127.0.0.1:{proxy.port}/{db['NAME']}"
        with Gunicorn({"DATABASE_URL": url}, settings="operations.tests.gunicorn_settings") as server:
            assert server.get("/readyz")[0] == 200
            assert server.get("/de/")[0] == 200
            for mode in ("refuse", "hang"):
                proxy.set_mode(mode)
                status, _headers, body, seconds = server.get("/readyz", timeout=10)
                assert status == 503, mode
                assert json.loads(body)["checks"]["database"]["ok"] is False
                assert seconds < 3
                status, _headers, body, seconds = server.get("/de/", timeout=10)
                assert status == 503 and seconds < 3
                proxy.set_mode("forward")
                assert server.get("/readyz")[0] == 200, mode
                assert server.get("/de/")[0] == 200
            assert "Traceback" not in server.log()
