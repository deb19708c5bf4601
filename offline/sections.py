"""The public URLs of one field of action in one language: what "save for offline use" stores.

Built from the kernel's public-page rule (``portal.visibility.public_pages``: no view
restriction on the page or an ancestor) and ``live()`` (no draft, no expired page): the
list can never name a page an anonymous reader may not open. Aliases (pages not yet
translated, shown with the German text and a notice) are public pages of the locale and
are listed like translations.
"""

from django.apps import apps
from wagtail.models import Page

from portal.visibility import public_pages

# The field-of-action page type lives in a higher app (home): named by label (README, "Architecture").
SECTION_MODEL = "home.GuideIndexPage"


def section_model():
    return apps.get_model(SECTION_MODEL)


def section_page(page_id, language_code):
    """The live, public field-of-action page ``page_id`` in ``language_code``, else None."""
    pages = public_pages(
        Page.objects.live().type(section_model()).filter(pk=page_id, locale__language_code=language_code)
    )
    return pages.first()


def section_urls(section, request):
    """Site-relative URLs of ``section`` and its live public descendants, tree order."""
    pages = public_pages(Page.objects.live().descendant_of(section, inclusive=True)).order_by("path")
    urls = []
    for page in pages:
        url = page.get_url(request)
        if url:
            urls.append(url)
    return urls
