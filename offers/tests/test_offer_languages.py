"""Offer detail pages link to the same offer in the other languages (issue 14, fault 1).

Protects: canonical, hreflang alternates and the language switcher of
``/<lang>/angebote/<slug>/`` point to that offer in each language it is
translated into (never to the finder), leave out languages without a live
translation, and treat a German offer shown as fallback like an untranslated
page (notice, canonical to the German original, ``lang="de"`` content).
"""

import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from offers.models import Offer, OfferFinderPage

pytestmark = pytest.mark.django_db

SLUG = "vhs-frauenkurs-kinderbetreuung"


def at(code, rest=""):
    """The path of the finder in ``code`` (its slug is translated: issue 18), plus ``rest``."""
    finder = OfferFinderPage.objects.get(locale__language_code=code)
    return f"/{code}/{finder.slug}/" + (f"{rest}/" if rest else "")


def head_links(html):
    """Canonical, alternates and switcher links, percent-decoded (slugs in Arabic script...)."""
    soup = BeautifulSoup(html, "html.parser")
    canonical = unquote(soup.find("link", rel="canonical")["href"])
    alternates = {
        link["hreflang"]: unquote(link["href"])
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    switcher = {a["lang"]: unquote(a["href"]) for a in soup.select(".language-switcher a")}
    return soup, canonical, alternates, switcher


def translated_codes():
    return set(Offer.objects.filter(slug=SLUG, live=True).values_list("locale__language_code", flat=True))


def test_translated_offer_links_to_itself_in_every_translation(client):
    codes = translated_codes()
    assert {"de", "ar"} <= codes and "fa" not in codes  # the demo: de, en, ar
    response = client.get(f"/ar/angebote/{SLUG}/", follow=True)
    assert response.status_code == 200
    soup, canonical, alternates, switcher = head_links(response.content.decode())
    assert canonical.endswith(at("ar", SLUG))
    assert set(alternates) == codes | {"x-default"}
    for code in codes:
        assert alternates[code].endswith(at(code, SLUG)), code
        assert switcher[code] == at(code, SLUG), code
    assert alternates["x-default"].endswith(at("de", SLUG))
    # A language without a translation: no alternate, the switcher leads to its start page.
    assert "fa" not in alternates
    assert switcher["fa"] == "/fa/"
    assert not soup.select(".notice--fallback")
    assert soup.find("h1").get("lang") is None  # Arabic like the page around it


def test_fallback_offer_is_canonical_in_german_and_marked(client):
    response = client.get(f"/fa/angebote/{SLUG}/", follow=True)
    assert response.status_code == 200
    soup, canonical, alternates, switcher = head_links(response.content.decode())
    assert canonical.endswith(at("de", SLUG))
    assert "fa" not in alternates and alternates["ar"].endswith(at("ar", SLUG))
    assert switcher["fa"] == at("fa", SLUG)  # the reader's own language: this page
    assert soup.select(".notice--fallback")
    assert soup.find("h1")["lang"] == "de"
    assert soup.find("html")["lang"] == "fa"


def test_unpublished_translation_is_not_linked(client):
    Offer.objects.filter(slug=SLUG, locale__language_code="en").update(live=False)
    _soup, _canonical, alternates, switcher = head_links(client.get(f"/de/angebote/{SLUG}/").content.decode())
    assert "en" not in alternates
    assert switcher["en"] == "/en/"
    assert alternates["ar"].endswith(at("ar", SLUG))  # positive control


def test_finder_keeps_its_own_links(client):
    html = client.get("/ar/angebote/", follow=True).content.decode()
    _soup, canonical, alternates, _switcher = head_links(html)
    assert canonical.endswith((at("ar"), at("de")))  # the finder (in Arabic, or its German original)
    assert not any(re.search(SLUG, url) for url in alternates.values())
