"""Atom entries have an author and say their language (issue 14, fault 5).

Protects: every entry names the publisher (never a person's account); in the
Turkish and Ukrainian feeds, a news item not yet translated (shown in German)
carries ``xml:lang="de"`` instead of passing as Turkish/Ukrainian.
"""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from network.models import NewsPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entries(client, code):
    response = client.get(f"/{code}/neuigkeiten/feed/", follow=True)
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.get(XML_LANG) == code
    return feed.findall(f"{ATOM}entry")


@pytest.mark.parametrize("code", ["tr", "uk"])
def test_german_fallback_entries_are_labelled_german(client, code):
    items = entries(client, code)
    assert items
    aliases = {
        p.title
        for p in NewsPage.objects.filter(locale__language_code=code, alias_of__isnull=False).live().public()
    }
    assert aliases, "the demo has untranslated news"
    for entry in items:
        title = entry.find(f"{ATOM}title").text
        expected = "de" if title in aliases else None
        assert entry.get(XML_LANG) == expected, title
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Integrationsportal Beckum"


def test_translated_entry_keeps_the_feed_language(client):
    german = entries(client, "de")
    assert german and all(entry.get(XML_LANG) is None for entry in german)
    # A news item translated into Turkish (its alias becomes a page of its own) is Turkish.
    alias = NewsPage.objects.filter(locale__language_code="tr", alias_of__isnull=False).live().first()
    Page.objects.filter(pk=alias.pk).update(alias_of=None, title="Türkçe haber")
    turkish = {e.find(f"{ATOM}title").text: e.get(XML_LANG) for e in entries(client, "tr")}
    assert turkish["Türkçe haber"] is None
    assert "de" in turkish.values()  # positive control: the others are still German
