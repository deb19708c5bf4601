"""The language of an API request (``?locale=`` or ``?lang=``) and of each item it returns.

Rule, the same as for readers of the site: asked for language X, an item that has no
live, approved X version is returned in German with ``"fallback": true`` and
``"language": "de"``. Without a language parameter every language version is listed
as what it is (an untranslated page of another locale is still a German fallback).
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page

from portal.pending import pending_exists

from .errors import BadRequest


def requested_locale(request):
    """The ``Locale`` asked for, or None; 400 for an unknown code or two different ones."""
    codes = {request.GET[name] for name in ("locale", "lang") if request.GET.get(name)}
    if not codes:
        return None
    if len(codes) > 1:
        raise BadRequest("'locale' and 'lang' name different languages; give one of them")
    code = codes.pop()
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(code for code, _name in settings.LANGUAGES)
        raise BadRequest(f"unknown language '{code}'; known: {known}")
    return locale


def attach_page_languages(pages):
    """Set ``api_language`` / ``api_fallback`` on each page (one query for all of them).

    A page is a German fallback when it is an alias of the German page (not translated
    yet) or a translation that was started but not approved (it still holds the German
    text, ``portal.pending``).
    """
    pages = [p for p in pages if not hasattr(p, "api_language")]
    if not pages:
        return
    rows = (
        Page.objects.filter(pk__in=[p.pk for p in pages])
        .annotate(api_pending=pending_exists())
        .values_list("pk", "locale__language_code", "alias_of__locale__language_code", "api_pending")
    )
    found = {}
    for pk, own, source, pending in rows:
        if source and source != own:
            found[pk] = (source, True)
        elif pending and own != settings.LANGUAGE_CODE:
            found[pk] = (settings.LANGUAGE_CODE, True)
        else:
            found[pk] = (own, False)
    for page in pages:
        page.api_language, page.api_fallback = found.get(page.pk, (None, False))


def not_pending():
    """Rows that are not a started, unapproved translation (they still hold German text)."""
    return Q(api_pending=False) | Q(locale__language_code=settings.LANGUAGE_CODE)
