"""Fault: PostgreSQL refuses connections (closed port) or hangs (accepts, never answers).

Protects, against gunicorn with the production settings (``cms.settings.production``
with plain static storage, ``operations/tests/gunicorn_settings.py``):
a visitor gets the static 503 page in the language of the URL (right to left
for Arabic and Farsi) within 3 s, with ``Retry-After`` and no-store caching,
and no traceback reaches the page or the log; ``/healthz`` stays 200;
``/readyz`` says 503 with the database check failed. The settings pass
``connect_timeout`` and ``statement_timeout`` to PostgreSQL from the environment.
"""

import pytest
from django.db import connection

from operations.faultlab import FaultProxy, Gunicorn, closed_port

from .conftest import base_settings_with

SETTINGS = "operations.tests.gunicorn_settings"

EXPECTED = {
    "/de/": ("de", "ltr", "Vorübergehend nicht erreichbar"),
    "/en/angebote/": ("en", "ltr", "Temporarily unavailable"),
    "/ar/": ("ar", "rtl", "غير متاح مؤقتًا"),
    "/fa/suche/?q=kurs": ("fa", "rtl", "موقتاً در دسترس نیست"),
    "/uk/": ("uk", "ltr", "Тимчасово недоступно"),
    "/ru/": ("ru", "ltr", "Временно недоступно"),
    "/tr/neuigkeiten/": ("tr", "ltr", "Geçici olarak kullanılamıyor"),
}


@pytest.fixture(scope="module", params=["refusing", "hanging"])
def site_without_database(request):
    if request.param == "refusing":
        port, proxy = closed_port(), None
    else:
        proxy = FaultProxy(mode="hang")
        port = proxy.port
    server = Gunicorn(
        {"DATABASE_URL": f"postgres://beckum:secret@127.0.0.1:{port}/beckum"}, settings=SETTINGS
    )
    yield server
    server.stop()
    if proxy:
        proxy.close()


@pytest.mark.parametrize("path", list(EXPECTED))
def test_visitor_gets_a_503_in_the_language_of_the_url_fast(site_without_database, path):
    language, direction, title = EXPECTED[path]
    status, headers, body, seconds = site_without_database.get(path, timeout=10)
    assert status == 503
    assert seconds < 3, seconds
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert f"<h1>{title}</h1>" in body
    assert f'href="/{language}/"' in body  # back home
    assert f'action="/{language}/suche/"' in body  # and to the search
    assert "Traceback" not in body and "OperationalError" not in body and "beckum:secret" not in body


def test_health_endpoints_without_database(site_without_database):
    status, headers, body, seconds = site_without_database.get("/healthz")
    assert (status, body) == (200, '{"status": "ok"}')
    status, headers, body, seconds = site_without_database.get("/readyz", timeout=10)
    assert status == 503
    assert seconds < 3
    assert '"database": {"ok": false, "error": "OperationalError"' in body
    assert "secret" not in body and "127.0.0.1" not in body
    assert "no-store" in headers["Cache-Control"]


def test_no_traceback_in_the_log(site_without_database):
    site_without_database.get("/de/")
    log = site_without_database.log()
    assert "Database unavailable, answered 503: GET /de/ (OperationalError)" in log
    assert "Traceback" not in log
    assert "secret" not in log


def test_database_settings_carry_the_timeouts():
    settings = base_settings_with(
        DATABASE_URL="postgres://u:p@db.example:5432/beckum",
        DB_CONNECT_TIMEOUT="3",
        DB_STATEMENT_TIMEOUT_MS="4000",
    )
    options = settings["DATABASES"]["default"]["OPTIONS"]
    assert options["connect_timeout"] == 3
    assert options["options"] == "-c statement_timeout=4000"


@pytest.mark.django_db
def test_statement_timeout_reaches_postgresql():
    """The options the settings compute, on a real connection: a slow statement is cancelled."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only; CI runs the suite on PostgreSQL too")
    import psycopg2

    db = connection.settings_dict
    options = base_settings_with(
        DATABASE_URL="postgres://u@localhost/x", DB_CONNECT_TIMEOUT="2", DB_STATEMENT_TIMEOUT_MS="200"
    )["DATABASES"]["default"]["OPTIONS"]
    probe = psycopg2.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"],
        **options,
    )
    try:
        with probe.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "200ms"
            with pytest.raises(psycopg2.OperationalError):  # QueryCanceled: Django's OperationalError
                cursor.execute("SELECT pg_sleep(2)")
    finally:
        probe.close()
