"""Languages: Accept-Language redirect, switcher, hreflang, fallback notice, catalogues."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from home.models import GuidePage

pytestmark = pytest.mark.django_db
LOCALES_DIR = Path(settings.BASE_DIR) / "locales"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ar,en;q=0.8", "/ar/"),
        ("uk-UA,uk;q=0.9", "/uk/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("", "/de/"),
        ("fa", "/fa/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected


def switcher_links(body):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)}


def test_switcher_links_to_same_page_or_language_home(client):
    body = client.get("/de/sprache/kursabbruch/").content.decode()
    links = switcher_links(body)
    assert links["de"] == "/de/sprache/kursabbruch/"
    assert links["en"] == "/en/sprache/kursabbruch/"
    assert links["ar"] == "/ar/sprache/kursabbruch/"
    # Not translated into Ukrainian: the switcher leads to the Ukrainian home page.
    assert links["uk"] == "/uk/"


def test_hreflang_alternates_list_real_translations_only(client):
    body = client.get("/en/sprache/kursabbruch/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', body))
    assert set(alternates) == {"de", "en", "ar", "x-default"}
    assert alternates["x-default"].endswith("/de/sprache/kursabbruch/")


def test_fallback_notice_in_reader_language_with_german_content(client):
    german = GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")
    response = client.get("/uk/sprache/kursabbruch/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="uk" dir="ltr">' in body
    assert "notice--fallback" in body
    with translation.override("uk"):
        notice = re.search(r'<aside class="notice notice--fallback".*?</aside>', body, re.S).group(0)
        # A sentence that names the languages itself (issue 18), not "your language (Українська)".
        sentence = "This page is not yet available in your language. Below is the original in German."
        assert gettext(sentence) in notice and gettext(sentence) != sentence
        assert gettext("Open the original page") in notice
        assert gettext("Open the original page") != "Open the original page"
    assert re.search(r'<article class="content" lang="de" dir="ltr">', body)
    assert german.title in body
    assert f'<link rel="canonical" href="{german.get_full_url()}">' in body


def test_translated_arabic_section_is_rtl_without_notice(client):
    body = client.get("/ar/sprache/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "notice--fallback" not in body


def test_translated_page_has_no_notice_and_self_canonical(client):
    page = GuidePage.objects.get(locale__language_code="ar", slug="kursabbruch")
    body = client.get(page.url).content.decode()
    assert "notice--fallback" not in body
    assert f'<link rel="canonical" href="{page.get_full_url()}">' in body


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_catalogue_is_complete(code):
    po = polib.pofile(str(LOCALES_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    empty = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert empty == [], f"{code}: {len(empty)} untranslated, e.g. {empty[:5]}"
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert fuzzy == []


@pytest.mark.parametrize("code", ["de", "ar", "fa", "uk", "ru", "tr"])
def test_interface_is_translated_when_rendered(client, code):
    body = client.get(f"/{code}/").content.decode()
    with translation.override(code):
        skip = gettext("Skip to content")
    assert skip != "Skip to content"
    assert f'class="skip-link" href="#main">{skip}</a>' in body
