"""Full-page cache for anonymous readers, conditional requests, Cache-Control and compression.

One middleware (``PageCacheMiddleware``, right after WhiteNoise) does four things for
the public site:

* **Full-page cache.** A response is stored only if it is public by construction:
  a GET without a session cookie, messages cookie or Authorization header, outside
  the admin, documents, media and health checks; status 200, not streamed, no
  cookie set, no CSRF token used while rendering (``CSRF_COOKIE_NEEDS_UPDATE``, plus
  a look for ``csrfmiddlewaretoken`` in the body), no ``private``/``no-store``/
  ``no-cache`` from the view, no ``Vary`` other than Cookie/Accept-Encoding, no
  authenticated user, and — for Wagtail pages — no view restriction on the page or
  an ancestor (``before_serve_page`` marks the page; checked again at store time).
  Search results are never stored (``PAGE_CACHE_SKIP_URL_NAMES``): free text makes
  the key space unbounded, and the search index may be written after the content
  (queued Elasticsearch writes), so a version bump could come before the new results.
* **Invalidation that is never wrong.** Every key holds the site-wide content version
  (``operations.ContentVersion``, one row in the database, read once per request). Any
  saved or deleted model that is not on the ignore list below, any m2m change, Wagtail's
  publish/unpublish/move signals (scheduled publishing and expiry through
  ``publish_scheduled`` send them too) bump the version *inside the same transaction*,
  so a rolled-back change does not bump and a committed one is seen by every process
  at once. Keys also hold the date (offers and events that end at midnight) and expire
  after ``PAGE_CACHE_TIMEOUT`` seconds (events starting during the day, stale keys).
* **Pages the clock changes.** A view that shows something true only until a known moment
  (an "open now, until 12:00" line, ``offers/hours.py``) calls ``limit_lifetime(request,
  until)``: the page is then stored at most until that moment, and browsers get no
  ``max-age`` beyond it.
* **Conditional requests.** Public responses get an ``ETag`` (hash of the body) and a
  ``Last-Modified`` (time of rendering), ``Cache-Control: public, max-age=…,
  must-revalidate``; a matching ``If-None-Match``/``If-Modified-Since`` gets a 304.
  Everything else a signed-in person, the admin or a form gets is ``private, no-cache,
  no-store`` (unless the view said more already).
* **Compression** (gzip, or brotli if the client accepts it and ``brotli`` is
  installed) of public responses only: never a response that carries a CSRF token or
  anything personal (BREACH needs a secret in the body; public pages have none).

If the cache (Redis) is down, ``ResilientRedisCache`` answers misses and stores nothing:
pages are rendered as without the cache. The version row lives in the database, so a
version bump can never be lost while Redis is down.
"""

import gzip
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

try:  # optional: a kept package (requirements.txt)
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

logger = logging.getLogger(__name__)

#: Models whose rows never show on a public page (logs, sessions, queues, search index,
#: translation memory, renditions made while rendering, ...): saving them does not bump.
IGNORED_MODELS = {
    "migrations",
    "sessions",
    "admin",
    "contenttypes",
    "auth.permission",
    "axes",
    "otp_totp",
    "otp_static",
    "django_otp",
    "operations",
    "search",
    "wagtailsearch",
    "wagtail_localize",
    "wagtailadmin",
    "wagtailusers",
    "wagtailembeds",
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pageviewrestriction_groups_placeholder",
    "wagtailcore.uploadedfile",
    "feedback",  # readers' answers to "Did this page help you?": no public page shows them
}

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/healthz", "/readyz")
VERSION_ROW = 1
ALLOWED_VARY = {"cookie", "accept-encoding"}
MIN_COMPRESS_LENGTH = 200
_CSRF_MARK = b"csrfmiddlewaretoken"


def _conf(name, default):
    return getattr(settings, name, default)


def enabled():
    return _conf("PAGE_CACHE_ENABLED", True)


def _cache():
    return caches[_conf("PAGE_CACHE_ALIAS", "default")]


# --- the content version ---------------------------------------------------------------
_VERSION_SQL = "SELECT version, changed_at FROM operations_contentversion WHERE id = %s"


def current_version():
    """``(version, changed_at)`` of the site's public content, in one query (``version_token``)."""
    from .models import ContentVersion

    connection = connections[DEFAULT_DB_ALIAS]
    connection._page_cache_read_since_bump = True
    # Every anonymous request asks this, cache hits included: plain SQL, no queryset to build.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [VERSION_ROW])
        row = cursor.fetchone()
    if row is None:
        row = ContentVersion.objects.get_or_create(pk=VERSION_ROW)[0]
        row = (row.version, row.changed_at)
    return row


def version_token():
    """The version number and the time of the change, as one string for keys.

    With the time, a database rolled back or restored to an earlier number (tests, a
    restore) does not meet pages or memos kept for another state under the same number
    (``portal/version_memo.py``).
    """
    version, changed_at = current_version()
    return f"{version}@{changed_at}"


def _bumped_marker():
    """Registered with on_commit: says "this transaction has bumped already"."""


def bump_version(using=DEFAULT_DB_ALIAS):
    """Make every cached page stale, inside the changing transaction.

    Within one transaction the UPDATE runs once, unless the version was read in between
    (a page rendered and stored inside the same transaction must not outlive the next
    change). A rolled-back savepoint takes its UPDATE and its marker with it.
    """
    from .models import ContentVersion

    conn = connections[using]
    if conn.in_atomic_block:
        pending = any(entry[1] is _bumped_marker for entry in conn.run_on_commit)
        if pending and not getattr(conn, "_page_cache_read_since_bump", True):
            return
        if not pending:
            transaction.on_commit(_bumped_marker, using=using)
    updated = (
        ContentVersion.objects.using(using)
        .filter(pk=VERSION_ROW)
        .update(version=F("version") + 1, changed_at=timezone.now())
    )
    if not updated:
        ContentVersion.objects.using(using).get_or_create(pk=VERSION_ROW, defaults={"version": 2})
    conn._page_cache_read_since_bump = False


def _ignored(model):
    if model.__module__ == "__fake__":
        return True  # a historical model: a data migration, maybe before this table exists
    meta = model._meta
    return meta.app_label in IGNORED_MODELS or meta.label_lower in IGNORED_MODELS


def _on_save(sender, instance=None, raw=False, update_fields=None, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw or _ignored(sender):
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a login changes nothing anonymous readers see
    bump_version(using)


def _on_delete(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if not _ignored(sender):
        bump_version(using)


def _on_m2m(sender, action, using=DEFAULT_DB_ALIAS, model=None, instance=None, **kwargs):
    if action.startswith("post_") and not (_ignored(type(instance)) and (model is None or _ignored(model))):
        bump_version(using)


def _on_wagtail_change(sender, **kwargs):
    instance = kwargs.get("instance")
    bump_version(getattr(getattr(instance, "_state", None), "db", None) or DEFAULT_DB_ALIAS)


def connect():
    """Called from OperationsConfig.ready()."""
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(_on_save, dispatch_uid="page_cache_save")
    post_delete.connect(_on_delete, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="page_cache_m2m")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_wagtail_change, dispatch_uid=f"page_cache_{id(signal)}")


# --- which requests and responses ------------------------------------------------------
def anonymous_request(request):
    """A GET/HEAD by someone without a session, outside the admin, documents and media."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


def _cache_control_forbids(response):
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-store", "no-cache"))


def public_response(request, response):
    """May this response be reused for every anonymous reader (and be compressed)?"""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a CSRF token was put into the page
    if _cache_control_forbids(response):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= ALLOWED_VARY:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "_page_cache_refuse", False):
        return False
    return _CSRF_MARK not in response.content


def storable(request, response):
    if request.method != "GET":
        return False
    if getattr(request, "_page_cache_restricted", False):
        return False  # restricted here or above (read by mark_page): never stored
    match = getattr(request, "resolver_match", None)
    skipped = _conf("PAGE_CACHE_SKIP_URL_NAMES", ("search", "suggest"))
    return match is None or match.url_name not in skipped


def limit_lifetime(request, until):
    """The response to ``request`` is true only until ``until`` (an aware datetime).

    Several calls keep the earliest moment. The page cache stores the page no longer than
    that (not at all once it has passed) and caps ``max-age`` at the time left.
    """
    moment = until.timestamp()
    current = getattr(request, "page_cache_valid_until", None)
    if current is None or moment < current:
        request.page_cache_valid_until = moment


def _timeout(entry):
    """Seconds to keep ``entry``: ``PAGE_CACHE_TIMEOUT``, or less when the page says so (0: do not keep)."""
    timeout = _conf("PAGE_CACHE_TIMEOUT", 300)
    valid_until = entry.get("valid_until")
    if valid_until is not None:
        timeout = min(timeout, int(valid_until - time.time()))
    return max(timeout, 0)


def cache_key(request, version):
    day = timezone.localdate().isoformat()
    raw = f"{version}|{day}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "pagecache:" + hashlib.sha256(raw.encode()).hexdigest()


# --- compression -------------------------------------------------------------------------
_ACCEPT_TOKEN = re.compile(r"\s*([a-z*]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?", re.I)


def accepted_encodings(request):
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        match = _ACCEPT_TOKEN.match(part)
        if not match:
            continue
        try:
            weight = 1.0 if match.group(2) is None else float(match.group(2))
        except ValueError:
            continue
        if weight > 0:
            accepted.add(match.group(1).lower())
    return accepted


def compressible(body, content_type):
    return len(body) >= MIN_COMPRESS_LENGTH and content_type.startswith(
        ("text/", "application/xml", "application/json", "application/rss", "application/atom")
    )


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


ENCODINGS = ("br", "gzip") if brotli is not None else ("gzip",)


# --- the middleware ------------------------------------------------------------------------
HEADERS_NOT_STORED = {"content-length", "content-encoding", "set-cookie"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not anonymous_request(request):
            response = self.get_response(request)
            self._private_headers(request, response)
            return response
        use_cache = enabled()
        version = version_token() if use_cache else None
        request.page_cache_version = version  # per-version caches of page parts (portal/chrome_cache.py)
        key = cache_key(request, version) if use_cache else None
        if use_cache:
            entry = _cache().get(key)
            if entry is not None:
                response, compressed = self._respond(request, self._from_entry(entry), entry, hit=True)
                if compressed and _timeout(entry):  # a first reader with this encoding: keep it too
                    _cache().set(key, entry, _timeout(entry))
                return response
        response = self.get_response(request)
        if not public_response(request, response):
            self._private_headers(request, response)
            return response
        entry = self._entry(response)
        entry["valid_until"] = getattr(request, "page_cache_valid_until", None)
        response, _compressed = self._respond(request, response, entry, hit=False)
        if use_cache and storable(request, response) and _timeout(entry):
            _cache().set(key, entry, _timeout(entry))
        return response

    # An entry: everything needed to answer without rendering.
    @staticmethod
    def _entry(response):
        body = response.content
        return {
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k.lower() not in HEADERS_NOT_STORED],
            "body": body,
            "etag": '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
            "modified": time.time(),
            "compressible": compressible(body, response.get("Content-Type", "")),
            "variants": {},  # encoding -> body, made when a reader first asks for it
        }

    @staticmethod
    def _from_entry(entry):
        response = HttpResponse(entry["body"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return response

    def _respond(self, request, response, entry, hit):
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        response["X-Page-Cache"] = "hit" if hit else "miss"
        if "max-age" in response.get("Cache-Control", ""):
            patch_cache_control(response, public=True)
        else:
            max_age = _conf("PAGE_CACHE_MAX_AGE", 0)
            if entry.get("valid_until") is not None:  # an "open now" line: not beyond its change
                max_age = min(max_age, max(int(entry["valid_until"] - time.time()), 0))
            patch_cache_control(response, public=True, max_age=max_age, must_revalidate=True)
        if entry["compressible"]:
            patch_vary_headers(response, ("Accept-Encoding",))
        if self._not_modified(request, entry):
            not_modified = HttpResponseNotModified()
            kept = ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language", "X-Page-Cache")
            kept += ("Access-Control-Allow-Origin",)  # the public API's CORS (api/middleware.py)
            for name in kept:
                if response.has_header(name):
                    not_modified[name] = response[name]
            return not_modified, False
        compressed_now = False
        accepted = accepted_encodings(request) if entry["compressible"] else ()
        encoding = next((e for e in ENCODINGS if e in accepted), None)
        if encoding is not None:
            if encoding not in entry["variants"]:
                entry["variants"][encoding] = compress(entry["body"], encoding)
                compressed_now = True
            response.content = entry["variants"][encoding]
            response["Content-Encoding"] = encoding
            # A strong ETag names one representation: the compressed one is another.
            response["ETag"] = entry["etag"][:-1] + f"-{encoding}" + '"'
        response["Content-Length"] = str(len(response.content))
        if request.method == "HEAD":
            response.content = b""
        return response, compressed_now

    @staticmethod
    def _not_modified(request, entry):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            base = entry["etag"][:-1]
            return "*" in tags or any(t == entry["etag"] or t.startswith(base + "-") for t in tags)
        since = request.META.get("HTTP_IF_MODIFIED_SINCE")
        if since:
            since = parse_http_date_safe(since)
            return since is not None and int(entry["modified"]) <= since
        return False

    @staticmethod
    def _private_headers(request, response):
        """Signed-in readers, the admin, forms, documents: never kept by any shared cache."""
        if _cache_control_forbids(response) or request.path.startswith(("/static/", "/media/")):
            return
        if "public" in response.get("Cache-Control", "") and anonymous_request(request):
            return  # the view's own choice for anonymous readers (search results: a minute)
        patch_cache_control(response, private=True, no_cache=True, no_store=True)


def view_restrictions(page):
    """Wagtail's ``get_view_restrictions`` in one query instead of two.

    The same rule: the restrictions on ``page`` and its ancestors, where an alias counts
    by its source page (an alias's own restriction row is ignored, as Wagtail does; the
    privacy dialog relies on it when it weakens a restriction).
    """
    from django.db.models import Q
    from wagtail.models import Page, PageViewRestriction

    step = Page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
    return list(
        PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=sources)
        )
    )


def mark_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook, run first: read the page's view restrictions once.

    The page cache refuses to store a page with a restriction on it or an ancestor; Wagtail's
    own check and network's refusal (later hooks) get the same list instead of asking again.
    For anonymous readers the list is kept per content version (``portal/version_memo.py``).
    """
    from portal.version_memo import remember

    restrictions = remember(request, ("restrictions", page.pk), lambda: tuple(view_restrictions(page)))
    request._page_cache_page = page
    request._page_cache_restricted = bool(restrictions)
    page.get_view_restrictions = lambda: restrictions
