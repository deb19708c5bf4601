"""The public search page: in every locale, scoped to the reader's language, usable without JavaScript.

Protects: results of the reader's locale only, labelled by type, with highlighted
snippets; German results (lang="de") when the reader's language has few; paging;
"no results" help; the header form on every page; hostile queries escaped;
bounded query counts; no cookie for anonymous visitors.
"""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import GuideIndexPage
from search.query import PER_PAGE

from .conftest import result_titles, result_total

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_search_page_answers_in_every_locale(client, code):
    response = client.get(f"/{code}/suche/")
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(rf'<html lang="{code}" dir="(ltr|rtl)"', body)
    assert '<form class="search-form" role="search" method="get"' in body
    assert '<label for="search-page-q">' in body
    assert '<meta name="robots" content="noindex">' in body
    # Navigation of the locale (fields of action) is there.
    for section in GuideIndexPage.objects.filter(locale__language_code=code, live=True):
        assert f'href="{section.url}"' in body


def test_german_plural_finds_singular_and_marks_the_match(client):
    response = client.get("/de/suche/", {"q": "Sprachkurse"})
    body = response.content.decode()
    assert "Sprachkurse mit Kinderbetreuung und Kurse nur für Frauen" in result_titles(response)
    assert "<mark>Sprachkurse</mark>" in body
    assert 'class="search-result__type"' in body


def test_results_are_only_from_the_readers_locale(client):
    response = client.get("/en/suche/", {"q": "childcare"})
    body = response.content.decode()
    hrefs = re.findall(r'<h2 class="search-result__title"><a href="([^"]*)"', body)
    assert hrefs
    assert all(href.startswith("/en/") for href in hrefs)
    assert len(hrefs) == len(set(hrefs)), "no duplicates"


def test_few_results_add_german_ones_labelled_german(client):
    # Ukrainian has only three guide pages translated; "Kita" occurs in German pages.
    response = client.get("/uk/suche/", {"q": "Kita"})
    body = response.content.decode()
    assert 'class="search-german"' in body
    german_items = re.findall(r'<li class="search-result[^"]*" lang="de" dir="ltr">', body)
    assert german_items
    # German pages link to their alias in the reader's locale (fallback notice there).
    section = body.split('class="search-german"')[1]
    assert "/uk/bildung/kita-und-schule/" in section


def test_german_readers_get_no_extra_section(client):
    body = client.get("/de/suche/", {"q": "xyzzyqq"}).content.decode()
    assert 'class="search-german"' not in body


def test_no_results_suggest_topics_and_the_offer_finder(client):
    response = client.get("/en/suche/", {"q": "zzqxj"})
    body = response.content.decode()
    assert result_total(response) == 0
    assert 'class="search-empty"' in body
    for section in GuideIndexPage.objects.filter(locale__language_code="en"):
        assert f'href="{section.url}"' in body.split('class="search-empty"')[1]
    from django.apps import apps

    try:
        finder_model = apps.get_model("offers", "OfferFinderPage")
    except LookupError:
        return
    finder = finder_model.objects.live().filter(locale__language_code="en").first()
    if finder:
        assert f'href="{finder.url}"' in body.split('class="search-empty"')[1]


def test_pagination_works_without_javascript(client, make_page):
    for i in range(PER_PAGE + 3):
        make_page(f"Zebrakurs Nummer {i}", slug=f"zebrakurs-{i}")
    first = client.get("/de/suche/", {"q": "Zebrakurs"})
    body = first.content.decode()
    assert result_total(first) == PER_PAGE + 3
    assert len(result_titles(first)) == PER_PAGE
    assert 'href="?q=Zebrakurs&amp;page=2" rel="next"' in body
    second = client.get("/de/suche/", {"q": "Zebrakurs", "page": "2"})
    assert len(result_titles(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    # Nonsense page numbers do not fail.
    assert client.get("/de/suche/", {"q": "Zebrakurs", "page": "x'; DROP"}).status_code == 200
    assert client.get("/de/suche/", {"q": "Zebrakurs", "page": "99999"}).status_code == 200


def test_language_switcher_keeps_the_query(client):
    body = client.get("/de/suche/", {"q": "Kurs & Kita"}).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'href="/{code}/suche/?q=Kurs+%26+Kita"' in body


HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "Sprachkurs' OR 1=1 --",
    'title:"Sprachkurs"~2 AND (Kita OR *)',
    "%_%\\",
    "&lt;b&gt;",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_shown_escaped_and_answered(client, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert 'role="status"' in body  # answered normally, with a count


def test_search_syntax_does_not_change_the_answer(client):
    plain = result_titles(client.get("/de/suche/", {"q": "Sprachkurs"}))
    quoted = result_titles(client.get("/de/suche/", {"q": '"Sprachkurs" +*'}))
    assert plain and plain == quoted


def test_marks_never_land_inside_markup(client, make_page):
    make_page("Kita <b>Kita</b> & Kita", intro='Kita "<i>Kita</i>" Kita')
    body = client.get("/de/suche/", {"q": "Kita"}).content.decode()
    results = body.split('class="search-results"')[1].split("</ol>")[0]
    assert "<b>" not in results and "<i>" not in results
    assert "<mark>Kita</mark> &amp; <mark>Kita</mark>" in results
    assert "&quot;<mark>Kita</mark>&quot;" in results


def test_highlight_escapes_first_then_marks():
    from search.highlight import highlight, snippet

    html = highlight('<b class="Kita">Kita</b> & "Kitas"', ["kita"], "de")
    expected = "&lt;b class=&quot;<mark>Kita</mark>&quot;&gt;<mark>Kita</mark>&lt;/b&gt; "
    expected += "&amp; &quot;<mark>Kitas</mark>&quot;"
    assert html == expected
    long_text = "Wort " * 200 + "Kita am Ende"
    cut = snippet(long_text, ["kita"], "de")
    assert cut.startswith("… ") and "<mark>Kita</mark>" in cut
    assert highlight("دَوْرَاتُ اللغة", ["دورا"], "ar").startswith("<mark>دَوْرَاتُ</mark>")


def test_long_queries_are_cut_with_a_notice(client):
    response = client.get("/de/suche/", {"q": "Sprachkurs " * 40})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="notice" role="note"' in body
    value = re.search(r'id="search-page-q" name="q" maxlength="100" value="([^"]*)"', body).group(1)
    assert len(value) <= 100


def test_header_form_is_on_every_page_and_works_without_javascript(client):
    body = client.get("/ar/").content.decode()
    assert '<form class="header-search" role="search" method="get" action="/ar/suche/">' in body
    assert '<label class="header-search__label" for="header-search-q">' in body
    assert re.search(r'<script src="/static/search/autocomplete\.js" defer>', body)


def test_search_page_sets_no_cookie(client):
    response = client.get("/de/suche/", {"q": "Kita"})
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def count(client, url, params):
    client.get(url, params)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_is_bounded_and_does_not_grow_with_results(client, make_page):
    before = count(client, "/de/suche/", {"q": "Zebrakurs"})
    for i in range(12):
        make_page(f"Zebrakurs {i}", slug=f"zebra-{i}")
    after = count(client, "/de/suche/", {"q": "Zebrakurs"})
    assert after <= before + 4  # the results now need their URLs: one query per result type
    assert after <= 25
    assert count(client, "/uk/suche/", {"q": "Kita"}) <= 30


def test_suggestions_are_json_titles_of_the_locale(client):
    response = client.get("/de/suche/vorschlaege/", {"q": "Spra"})
    assert response["Content-Type"] == "application/json"
    data = response.json()
    titles = [s["title"] for s in data["suggestions"]]
    assert "Sprach- und Integrationskurse in Beckum" in titles
    assert all(s["url"].startswith("/de/") for s in data["suggestions"])
    assert not response.cookies
    arabic = client.get("/ar/suche/vorschlaege/", {"q": "دورات"}).json()
    assert any("دورات" in s["title"] for s in arabic["suggestions"])
    assert client.get("/de/suche/vorschlaege/", {"q": "x"}).json()["suggestions"] == []
