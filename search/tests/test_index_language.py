"""Search entries are built in the object's language, whatever language the publisher's admin uses.

Block labels ("Information", "Schritte", ...) go through gettext; a German page
published by a manager whose admin is in Arabic once got Arabic labels in its
German search text, and a restore rebuilt the index differently from the live one.
"""

import pytest
from django.utils import translation

from home.models import GuidePage
from search.indexing import build_entry
from search.registry import type_for_model

pytestmark = pytest.mark.django_db


def _entry_text(page, language):
    with translation.override(language):
        return build_entry(page, type_for_model(type(page))).text


def test_entry_is_the_same_under_any_active_language():
    pages = GuidePage.objects.filter(locale__language_code="de", alias_of__isnull=True).live()
    assert pages.count() >= 10
    for page in pages:
        german = _entry_text(page, "de")
        assert german  # positive control: there is text to compare
        for language in ("ar", "uk", "en"):
            assert _entry_text(page, language) == german, (page.url_path, language)
