"""``/healthz`` (the process answers) and ``/readyz`` (its dependencies answer), JSON, never cached.

``/readyz`` checks the database, the cache, the search cluster when one is
configured, and the age of the oldest unsent e-mail; 503 when any fails. The
answer names the checks and their state, never a host, a URL or an error
message (only the exception's class name).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe


def _json(data, status=200):
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def healthz(request):
    return _json({"status": "ok"})


def check_database():
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # A broken connection must not be reused by the next request.
        connection.close_if_unusable_or_obsolete()
        raise
    return {}


def check_cache():
    if hasattr(cache, "ping"):
        cache.ping()
        return {}
    key = "operations:readyz"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was stored")
    return {}


def check_search(database_ok=True):
    from search import elastic

    conf = elastic.config()
    if conf is None:
        return {"configured": False}
    from elasticsearch import Elasticsearch

    es = Elasticsearch(
        list(conf["urls"]),
        request_timeout=settings.HEALTH_CHECK_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )
    try:
        es.info()
    finally:
        es.close()
    if not database_ok:
        return {"configured": True}
    from .models import PendingIndexUpdate

    return {"configured": True, "queued_index_writes": PendingIndexUpdate.objects.count()}


def check_outbox():
    from .models import OutboxMessage
    from .outbox import oldest_pending_age

    age = oldest_pending_age()
    limit = settings.OUTBOX_MAX_AGE_MINUTES * 60
    details = {
        "queued": OutboxMessage.objects.count(),
        "oldest_seconds": int(age) if age is not None else None,
    }
    if age is not None and age > limit:
        raise OutboxStale(details)
    return details


class OutboxStale(Exception):
    """Mail has waited longer than OUTBOX_MAX_AGE_MINUTES: the mail server or the cron job is missing."""


@require_safe
def readyz(request):
    """Each check once; those that need the database are skipped when it failed (no second timeout)."""
    results = {}
    ok = True
    checks = {
        "database": check_database,
        "cache": check_cache,
        "search": lambda: check_search(database_ok=results["database"]["ok"]),
        "outbox": check_outbox,
    }
    for name, check in checks.items():
        started = time.monotonic()
        if name == "outbox" and not results["database"]["ok"]:
            results[name] = {"ok": False, "error": "skipped: database unavailable", "ms": 0.0}
            continue
        try:
            result = {"ok": True, **check()}
        except OutboxStale as stale:
            result = {"ok": False, "error": "OutboxStale", **stale.args[0]}
        except Exception as error:
            result = {"ok": False, "error": type(error).__name__}
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
        ok = ok and result["ok"]
    return _json({"status": "ok" if ok else "fail", "checks": results}, status=200 if ok else 503)


def robots_txt(request):
    """Minimal: the health endpoints and the admin are not for crawlers; the sitemap is."""
    from django.http import HttpResponse

    lines = [
        "User-agent: *",
        "Disallow: /healthz",
        "Disallow: /readyz",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
