"""Web manifest, service worker, offline page and the section URL list (all GET, no cookie).

* ``/sw.js`` (site root, so that its scope is the whole site): the service worker of
  ``service_worker.js`` with its configuration put in front: the site's content version
  (``operations.ContentVersion``) names the caches, so a new publication makes a new worker
  whose activation re-fetches every stored page and drops the old copies; the offline page of
  every language; the paths never stored. ``Cache-Control: no-cache``: the browser asks again
  at every check for an update.
* ``/<lang>/manifest.webmanifest``: one manifest per language. Name, ``lang``, ``dir`` and
  ``start_url`` follow the reader's language, so that the installed app opens in it and is
  named in its script; the ``id`` is the same in every language (one app, not seven).
* ``/<lang>/offline/``: the page the worker shows for a page that was never stored; lists
  what is stored on the device (``offline.js`` reads the worker's cache).
* ``/<lang>/offline/section/<id>.json``: the public URLs of one field of action
  (``sections.py``), for the "save this field of action" button.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from operations.page_cache import current_version
from portal.pages import language_dict, switcher_entry, text_direction

from .sections import section_page, section_urls

WORKER_SOURCE = Path(__file__).resolve().parent / "service_worker.js"
THEME_COLOUR = "#003e61"  # the header's blue (--accent-dark in site.css)
BACKGROUND_COLOUR = "#ffffff"
#: Never stored by the worker: the admin (login, password reset, two-factor), documents (private
#: collections are served through the same view), media originals, health checks, Wagtail's
#: password and login forms for restricted pages, the worker itself.
NEVER_STORED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/readyz", "/sw.js", "/media/original_images/")
NEVER_STORED_PARTS = ("/_util/",)
STATIC_FILES = ("css/site.css", "offline/offline.js", "search/autocomplete.js", "offline/icon-192.png")


def content_version():
    """The site's content version as the worker's cache name part (``operations.ContentVersion``).

    With the time of the change where the kernel reads it, so that a database restored to an
    earlier number does not meet copies kept under the same number.
    """
    version, changed_at = current_version()
    if changed_at is None:
        return str(version)
    return f"{version}-{hashlib.blake2b(str(changed_at).encode(), digest_size=4).hexdigest()}"


def offline_url(code):
    with translation.override(code):
        return reverse("offline:page")


def _search_paths():
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("portal_search:search"))
            paths.add(reverse("portal_search:suggest"))
    return sorted(paths)


def worker_config(version):
    return {
        "version": version,
        "languages": [code for code, _name in settings.LANGUAGES],
        "defaultLanguage": settings.LANGUAGE_CODE,
        "offlinePages": {code: offline_url(code) for code, _name in settings.LANGUAGES},
        "precache": [static(name) for name in STATIC_FILES],
        "staticPrefix": settings.STATIC_URL,
        "neverPrefixes": list(NEVER_STORED_PREFIXES) + _search_paths(),
        "neverParts": list(NEVER_STORED_PARTS),
    }


@require_safe
@cache_control(no_cache=True, max_age=0)
def service_worker(request):
    config = json.dumps(worker_config(content_version()), separators=(",", ":"))
    body = f"/* Integrationsportal Beckum: offline reading (offline/views.py) */\nself.PORTAL = {config};\n"
    body += WORKER_SOURCE.read_text()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # The worker controls the whole site although it is a script: allowed explicitly.
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def manifest(request):
    code = translation.get_language()
    icon = {"type": "image/png", "purpose": "any"}
    data = {
        "id": "/",
        "name": _("Integration portal Beckum"),
        "short_name": _("Portal Beckum"),
        "description": _(
            "Information for newcomers in Beckum: guide, offers, contacts and events in seven languages."
        ),
        "lang": code,
        "dir": text_direction(code),
        "start_url": f"/{code}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {**icon, "src": static("offline/icon-192.png"), "sizes": "192x192"},
            {**icon, "src": static("offline/icon-512.png"), "sizes": "512x512"},
            {**icon, "src": static("offline/icon-512.png"), "sizes": "512x512", "purpose": "maskable"},
        ],
    }
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/manifest+json; charset=utf-8")


def _chrome(request, locale):
    home = Page.objects.live().filter(depth=2, locale=locale).specific().first()
    if home is None:
        return {"home": None, "nav": [], "footer_pages": []}
    chrome = home.site_chrome(request)
    chrome.pop("language", None)
    return chrome


@require_safe
def offline_page(request):
    locale = Locale.get_active()
    code = locale.language_code
    switcher = [
        switcher_entry(other, name, offline_url(other), other == code, True)
        for other, name in settings.LANGUAGES
    ]
    context = {
        **_chrome(request, locale),
        "language": language_dict(code, switcher, canonical=request.build_absolute_uri(offline_url(code))),
        "offline_pages": [offline_url(other) for other, _name in settings.LANGUAGES],
    }
    return render(request, "offline/offline_page.html", context)


@require_safe
def section(request, page_id):
    page = section_page(page_id, translation.get_language())
    if page is None:
        raise Http404
    urls = section_urls(page, request)
    return JsonResponse({"version": content_version(), "section": page.title, "urls": urls})
