"""Helpers shared by the search tests."""

import re

import pytest
from django.utils.text import slugify
from wagtail.models import Locale, Page


def result_titles(response):
    """Titles of the results on a rendered search page (marks removed)."""
    body = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*"[^>]*>(.*?)</a></h2>', body, re.S)
    return [re.sub(r"</?mark>", "", t) for t in titles]


@pytest.fixture
def locales(db):
    return {loc.language_code: loc for loc in Locale.objects.all()}


@pytest.fixture
def make_page(db, locales):
    """Publish a German guide page under the "Sprache" section with the given title and intro."""
    from home.factories import GuidePageFactory
    from home.models import GuideIndexPage

    def make(title, intro="", slug=None, parent=None, publish=True, **extra):
        parent = parent or GuideIndexPage.objects.get(locale=locales["de"], slug="sprache")
        page = GuidePageFactory(parent=parent, title=title, intro=intro, slug=slug or slugify(title), **extra)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return Page.objects.get(pk=page.pk).specific

    return make


def result_total(response):
    """The result count the page announces (language-independent)."""
    match = re.search(r'class="search-summary" role="status" data-total="(\d+)"', response.content.decode())
    return int(match.group(1))
