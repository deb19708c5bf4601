"""The portal's frame: the pages the menu, the footer and the home page's action links point to.

They are the German home page's live children of the frame types (fields of
action, offer finder, directory, standard pages, request forms, news and
events indexes). Each must be translated, not aliased, in every locale.
"""

from django.conf import settings
from wagtail.models import Locale, Page


def frame_types():
    from home.models import GuideIndexPage, StandardPage

    types = [GuideIndexPage, StandardPage]
    try:
        from offers.models import OfferFinderPage, OrganisationDirectoryPage

        types += [OfferFinderPage, OrganisationDirectoryPage]
    except ImportError:  # pragma: no cover - offers not installed
        pass
    try:
        from network.models import EventIndexPage, NewsIndexPage, RequestFormPage

        types += [NewsIndexPage, EventIndexPage, RequestFormPage]
    except ImportError:  # pragma: no cover
        pass
    return types


def german_frame_pages():
    from home.models import HomePage

    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return []
    return list(Page.objects.child_of(home).live().type(*frame_types()).order_by("path"))


def untranslated_frame_pages():
    """{language code: [German frame page without a live translation of its own]} (three queries)."""
    pages = german_frame_pages()
    keys = [p.translation_key for p in pages]
    translated = set(
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True, live=True).values_list(
            "translation_key", "locale__language_code"
        )
    )
    result = {}
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code"):
        result[locale.language_code] = [
            p for p in pages if (p.translation_key, locale.language_code) not in translated
        ]
    return result
