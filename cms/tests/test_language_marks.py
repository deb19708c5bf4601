"""Every German fragment on a non-German page is marked ``lang="de"`` (issue 14, fault 2; WCAG 3.1.2).

Protects: news and event teasers, menu and footer items, breadcrumbs, offer
cards and offer details that show German text (an untranslated page's alias,
an offer or organisation shown as fallback) sit inside an element whose
``lang`` is ``de``, on home, guide, finder, offer, news and event pages in
Farsi and Ukrainian. The German texts are read from the database (titles,
teasers, intros of alias pages; titles, summaries and names of fallback
offers and organisations), then every text node of the rendered page is
checked with an HTML parser.
"""

import pytest
from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Doctype
from wagtail.models import Locale, Page

from offers.queries import public_offers, public_organisations

pytestmark = pytest.mark.django_db

PAGES = [
    "/{code}/",
    "/{code}/sprache/kursabbruch/",
    "/{code}/angebote/",
    "/{code}/angebote/netzwerk-treffen/",
    "/{code}/neuigkeiten/bericht-im-ausschuss-vorgestellt/",
    "/{code}/termine/netzwerktreffen-integration/",
]
TEXT_FIELDS = ("title", "teaser", "intro", "summary", "location")


def texts_of(obj):
    for name in TEXT_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            yield " ".join(value.split())


def german_only_texts(code):
    """Texts a reader of ``code`` sees in German, minus any text also used by a translated object."""
    locale = Locale.objects.get(language_code=code)
    german, local = set(), set()
    for page in Page.objects.filter(locale=locale).live().specific():
        (german if page.alias_of_id else local).update(texts_of(page))
    for offer in public_offers(locale):
        (german if offer.is_fallback else local).update(texts_of(offer))
    for organisation in public_organisations(locale):
        (german if organisation.is_fallback else local).add(organisation.name)
    return german - local


def lang_of(node):
    for parent in node.parents:
        if getattr(parent, "attrs", None) and parent.get("lang"):
            return parent["lang"]
    return None


def unmarked_german(html, german):
    """(text, lang around it) for each German text node not inside ``lang="de"``; and the count checked."""
    soup = BeautifulSoup(html, "html.parser")
    wrong, checked = [], 0
    for node in soup.body.descendants:
        if not isinstance(node, NavigableString) or isinstance(node, (Comment, Doctype)):
            continue
        if node.parent.name in ("script", "style"):
            continue
        text = " ".join(node.split())
        if text in german:
            checked += 1
            if lang_of(node) != "de":
                wrong.append((text, lang_of(node)))
    return wrong, checked


def test_the_check_sees_an_unmarked_fragment():
    """Positive control: German text inside the Farsi page without a mark is reported."""
    html = '<html lang="fa"><body><p>Bericht</p><p lang="de">Termine</p></body></html>'
    assert unmarked_german(html, {"Bericht", "Termine"}) == ([("Bericht", "fa")], 2)


@pytest.mark.parametrize("code", ["fa", "uk"])
def test_german_fragments_are_marked(client, code):
    german = german_only_texts(code)
    assert len(german) > 20, german  # the demo: untranslated news, events, offers...
    total = 0
    for pattern in PAGES:
        url = pattern.format(code=code)
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        wrong, checked = unmarked_german(response.content.decode(), german)
        assert wrong == [], url
        assert checked > 0, f"no German fragment found on {url}"
        total += checked
    assert total > 30
