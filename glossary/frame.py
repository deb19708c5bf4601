"""The portal's frame: the pages the menu, the footer and the home page's action links point to.

They are the German home page's live children of the frame types (fields of
action, offer finder, directory, standard pages, request forms, news and
events indexes). Each must be translated, not aliased, in every locale.
"""

from django.conf import settings
from wagtail.models import Locale, Page


def frame_types():
    from home.models import GuideIndexPage, StandardPage
    from network.models import EventIndexPage, NewsIndexPage
    from offers.models import OfferFinderPage, OrganisationDirectoryPage
    from personal_requests.models import RequestFormPage

    return [
        GuideIndexPage,
        StandardPage,
        OfferFinderPage,
        OrganisationDirectoryPage,
        NewsIndexPage,
        EventIndexPage,
        RequestFormPage,
    ]


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


def frame_translations():
    """{German slug: {language: fields}} of the frame pages in the demo content."""
    from home.demo.loader import site_data

    data = {p["slug"]: p["translations"] for p in site_data().get("standard_pages", [])}
    from network.demo import content
    from offers.demo.loader import PAGES

    data.update({slug: translations for _model, slug, translations in PAGES})
    for item in [content.NEWS_INDEX, content.EVENT_INDEX, *content.REQUEST_FORMS]:
        data[item["slug"]] = {
            code: value for code, value in item.items() if isinstance(value, dict) and "title" in value
        }
    return data


def complete_demo_frame(stdout=None):
    """Translate the demo frame pages that are still aliases.

    On a new installation the loaders have translated them already; this
    brings an installation loaded before the frame was translated up to date
    (the loaders keep existing pages as they are). Idempotent. Addresses under
    the German slugs keep working through ``portal/old_slugs.py``.
    """
    from home.demo.loader import PAGE_FIELDS
    from home.demo.translate import translate_page

    data = frame_translations()
    locales = {loc.language_code: loc for loc in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)}
    translated = 0
    for page in german_frame_pages():
        page = page.specific
        for code, fields in data.get(page.slug, {}).items():
            locale = locales.get(code)
            if locale is None:
                continue
            version = page.get_translation_or_none(locale)
            if version is None or version.alias_of_id is not None:
                usable = {k: v for k, v in fields.items() if k in PAGE_FIELDS and hasattr(type(page), k)}
                translate_page(page, locale, usable)
                translated += 1
    if stdout:
        stdout.write(f"Frame pages: {translated} translations added")
