"""Addresses under a frame page's German slug keep working in every language.

The frame pages (offer finder, directory, news, events…) carry a translated slug
in each locale (issue 18), so ``/ar/angebote/vhs-frauenkurs-kinderbetreuung/``
became ``/ar/العروض/vhs-frauenkurs-kinderbetreuung/``. Links printed on flyers,
bookmarks and other sites still use the German slug. Wagtail's redirects match
whole paths only; this middleware answers a 404 below ``/<lang>/<German slug>/``
with a permanent redirect to the same rest of the path under the page's slug in
that language. It only runs on 404s, and costs two queries then.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from wagtail.models import Locale, Page


def translated_path(path):
    """The path with its German frame slug replaced by the locale's, or None."""
    parts = path.split("/")
    # "", lang, slug, *rest
    if len(parts) < 4 or not parts[1] or not parts[2] or parts[1] == settings.LANGUAGE_CODE:
        return None
    code, slug = parts[1], parts[2]
    if code not in dict(settings.LANGUAGES):
        return None
    german = (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug=slug, depth=3)
        .values_list("translation_key", flat=True)
        .first()
    )
    if german is None:
        return None
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        return None
    version = (
        Page.objects.filter(translation_key=german, locale=locale, depth=3)
        .values_list("slug", flat=True)
        .first()
    )
    if version is None or version == slug:
        return None
    parts[2] = quote(version)
    return "/".join(parts)


class OldFrameSlugRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = translated_path(request.path)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(target + ("?" + query if query else ""))
