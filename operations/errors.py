"""Error pages (400, 403, 404, 500, 503) in the language of the URL, rendered without the database.

The language comes from the path's prefix (``/ar/…``), not from the database or
the session; the template (``operations/error.html``) extends nothing, loads no
static file (its CSS is inline, so a missing static manifest cannot break it)
and reads only ``gettext`` catalogues. The same layout serves the refusal of a
logged-in reader of the wrong group (``network.wagtail_hooks``).
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

#: Exceptions that mean "the database is not there" (refused, timed out, gone away, statement cancelled).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

MESSAGES = {
    400: (_("Bad request"), _("Your browser sent a request that this site cannot understand.")),
    403: (
        _("No access"),
        _(
            "You are not allowed to open this page. "
            "If you think you should have access, please ask the integration management."
        ),
    ),
    404: (
        _("Page not found"),
        _("The page you are looking for does not exist (any more). It may have been moved or taken down."),
    ),
    500: (
        _("Something went wrong"),
        _("An error occurred on our side. It has been recorded; please try again later."),
    ),
    503: (
        _("Temporarily unavailable"),
        _(
            "The integration portal is temporarily unavailable because of maintenance "
            "or a technical problem. Please try again in a few minutes."
        ),
    ),
}


def retry_after_seconds():
    return int(getattr(settings, "SERVICE_UNAVAILABLE_RETRY_AFTER", 30))


def language_of(request):
    """The language of the URL's prefix, else the active one, else the site's default."""
    codes = {code for code, _name in settings.LANGUAGES}
    path = getattr(request, "path_info", "") or ""
    code = translation.get_language_from_path(path)
    if code in codes:
        return code
    active = (translation.get_language() or "").split("-")[0]
    return active if active in codes else settings.LANGUAGE_CODE


def _url(name, language, fallback):
    with translation.override(language):
        try:
            return reverse(name)
        except NoReverseMatch:
            return fallback


def error_context(request, status):
    language = language_of(request)
    title, message = MESSAGES.get(status, MESSAGES[500])
    return {
        "status": status,
        "language_code": language,
        "language_dir": "rtl" if translation.get_language_info(language)["bidi"] else "ltr",
        "home_url": f"/{language}/",
        "search_url": _url("portal_search:search", language, f"/{language}/suche/"),
        "title": title,
        "message": message,
    }


def render_error(request, status, template="operations/error.html", extra=None):
    """An ``HttpResponse`` (not a TemplateResponse: nothing renders later, no context processors)."""
    context = error_context(request, status)
    context.update(extra or {})
    with translation.override(context["language_code"]):
        content = loader.get_template(template).render(context)
    response = HttpResponse(content, status=status)
    response["Content-Language"] = context["language_code"]
    if status >= 500 or status == 403:
        add_never_cache_headers(response)
    if status == 503:
        response["Retry-After"] = str(retry_after_seconds())
    return response


def service_unavailable(request, error=None):
    """The 503 answer when the database is down; logs one line, no traceback."""
    logger.warning(
        "Database unavailable, answered 503: %s %s (%s)",
        request.method,
        getattr(request, "path", ""),
        type(error).__name__ if error else "unknown",
    )
    return render_error(request, 503)


def bad_request(request, exception=None):
    return render_error(request, 400)


def permission_denied(request, exception=None):
    return render_error(request, 403)


def page_not_found(request, exception=None):
    return render_error(request, 404)


def server_error(request):
    """handler500: a database outage that escaped the middleware still becomes a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return service_unavailable(request, error)
    return render_error(request, 500)


class DatabaseUnavailableLogFilter:
    """Logging filter: a database outage is one warning line in the log, not a traceback.

    Django's ``django.request`` logger writes the traceback of every 5xx it
    handled; for the database errors above the record keeps its message and
    loses ``exc_info``.
    """

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, DATABASE_UNAVAILABLE):
            record.msg = f"{record.msg} (database unavailable: {type(error).__name__})"
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
