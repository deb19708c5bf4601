"""The language context of an offer's and an organisation's page: canonical, hreflang, switcher.

An offer's detail page lives under the offer finder of each locale
(``/<lang>/angebote/<slug>/``; the slug is synchronised between translations).
Its canonical link, hreflang alternates and language switcher point to the
same offer in the other languages, never to the finder, and only to
translations that exist and are public. A German offer shown as fallback in
another locale is handled like an untranslated page: a notice, its content
marked ``lang="de"``, the canonical link to the German original, and the
switcher leading to the start page of a language the offer has no
translation in. An organisation's page (``/<lang>/akteure/<slug>/`` under the
organisation directory) follows the same rules.
"""

from django.conf import settings

from portal.pages import language_dict, locale_homes, switcher_entry

from .models.organisations import Organisation
from .queries import current_offers


def offer_language_context(finder, offer, request, homes=None, versions=None):
    """``language`` for ``offer`` shown under ``finder``.

    ``homes`` and ``versions`` (the finder's live versions) come from the page's site chrome,
    which has read them already; without them, two more queries.
    """
    return item_language_context(finder, offer, current_offers(), request, homes=homes, versions=versions)


def organisation_language_context(directory, organisation, request, homes=None, versions=None):
    """``language`` for an organisation's page under the organisation ``directory`` (the same rules)."""
    public = Organisation.objects.filter(live=True)
    return item_language_context(directory, organisation, public, request, homes=homes, versions=versions)


def item_language_context(finder, offer, public, request, homes=None, versions=None):
    """``language`` for a snippet (offer, organisation) shown under the page ``finder``.

    ``public``: the snippet's public rows (every locale); ``offer.public_url(page_url)`` its address.
    """
    finders = versions if versions is not None else finder.language_versions()
    current = finder.own_language(finders)
    translations = {
        o.locale.language_code: o
        for o in public.filter(translation_key=offer.translation_key).select_related("locale")
    }
    if homes is None:
        homes = locale_homes(finder)

    def url(code, full=False):
        version = finders.get(code)
        if version is None:
            return None
        base = version.get_full_url(request) if full else version.get_url(request)
        return offer.public_url(base) if base else None

    from portal.sites import site_languages

    alternates, switcher = [], []
    for code, name in site_languages(request):
        translated = code in translations and code in finders
        if translated:
            alternates.append({"code": code, "url": url(code, full=True)})
        if code == current or translated:
            target = url(code)
        elif code in homes:
            target = homes[code].get_url(request)
        else:
            target = None
        if target:
            switcher.append(switcher_entry(code, name, target, code == current, translated))
    source = offer.locale.language_code
    canonical = url(source, full=True) if source != current else url(current, full=True)
    return language_dict(
        current,
        switcher,
        canonical=canonical or request.build_absolute_uri(),
        source=source,
        alternates=alternates,
        x_default=next((a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None),
    )
