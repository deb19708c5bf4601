"""Elasticsearch: the index and query contract, the fallback when the cluster is down, a live round trip.

Protects: per-language analysis in the mapping (German, English, Russian,
Persian built-ins; Turkish with its letters folded for matching; Arabic with
arabic_normalization; Ukrainian), the locale/live/public/model filters and
plain-text matching in every query body, the database path's matching rule
(prefix one way, a few letters shorter the other) in the stems query; a
search page that still answers (from the database, with a logged warning) and an
admin that still saves when the cluster is unreachable.
"""

import json
import logging
import os

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text

from search import elastic
from search.query import elastic_search, search

from .conftest import result_titles

DOWN = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "beckum_test_",
        "TIMEOUT": 1,
    }
}


@pytest.fixture(autouse=True)
def _fresh_breaker():
    elastic.reset()
    yield
    elastic.reset()


@pytest.mark.parametrize(
    ("language", "analyzer"),
    [
        ("de", "german"),
        ("en", "english"),
        ("ru", "russian"),
        ("tr", "portal_turkish"),
        ("fa", "persian"),
        ("ar", "portal_arabic"),
        ("uk", "portal_ukrainian"),
    ],
)
def test_each_language_index_uses_its_analyzer(language, analyzer):
    body = elastic.index_body(language)
    properties = body["mappings"]["properties"]
    for name in ("title", "lead", "body"):
        assert properties[name]["analyzer"] == analyzer
    for name in ("title_stems", "lead_stems", "body_stems"):
        assert properties[name]["analyzer"] == "portal_stems"
    for name in ("locale", "model", "kind", "translation_key"):
        assert properties[name]["type"] == "keyword"
    assert properties["live"]["type"] == properties["public"]["type"] == "boolean"
    assert body["mappings"]["dynamic"] == "strict"
    custom = body["settings"]["analysis"]["analyzer"]
    if analyzer.startswith("portal_"):
        assert analyzer in custom


def test_arabic_analysis_normalises_hamza_and_diacritics():
    arabic = elastic.index_body("ar")["settings"]["analysis"]["analyzer"]["portal_arabic"]
    assert "arabic_normalization" in arabic["filter"]
    assert "arabic_stemmer" in arabic["filter"]
    # No plugin is assumed (ICU, analysis-ukrainian).
    assert "icu" not in json.dumps(elastic.index_body("ar"))
    assert "icu" not in json.dumps(elastic.index_body("uk"))


def test_turkish_analysis_folds_its_letters_after_stemming():
    analysis = elastic.index_body("tr")["settings"]["analysis"]
    chain = analysis["analyzer"]["portal_turkish"]["filter"]
    # Turkish lower-casing (İ/I) and stemming read the letters; asciifolding comes last
    # (ş ç ğ ö ü ı -> s c g o u i), so "iletisim" finds "iletişim".
    assert chain.index("turkish_lowercase") < chain.index("turkish_stemmer") < chain.index("asciifolding")
    assert chain[-1] == "asciifolding"
    assert analysis["filter"]["turkish_lowercase"] == {"type": "lowercase", "language": "turkish"}
    assert analysis["filter"]["turkish_stemmer"] == {"type": "stemmer", "language": "turkish"}


def _stems_clause_accepts(clause, token):
    """Evaluate one ``stems_clause`` against a single indexed token (as Elasticsearch would)."""
    for option in clause["bool"]["should"]:
        ((kind, spec),) = option.items()
        ((_field, value),) = [(k, v) for k, v in spec.items() if k != "boost"]
        if kind == "prefix" and token.startswith(value["value"]):
            return True
        if kind == "term" and token == value["value"]:
            return True
        if kind == "terms" and token in value:
            return True
    return False


@pytest.mark.parametrize("term", ["sprachkurs", "kurs", "kitas", "دور", "iletis", "ab", "sprachpat"])
def test_stems_query_has_the_database_matching_rule(term):
    from search.text import term_matches

    clause = elastic.stems_clause(term)
    vocabulary = {term, term[:-1], term[:-2], term[:-3], term + "e", term + "en", "x" + term, "sprach", "ku"}
    accepted = {token for token in vocabulary if token and _stems_clause_accepts(clause, token)}
    assert accepted == {token for token in vocabulary if token and term_matches(token, term)}
    assert term in accepted  # positive control
    fields = {next(iter(next(iter(o.values())))) for o in clause["bool"]["should"]}
    assert fields == {"title_stems", "lead_stems", "body_stems"}


def test_index_names_are_per_language_with_the_prefix():
    assert elastic.index_name("ar", prefix="beckum_") == "beckum_portal_search_ar"


def test_query_body_filters_locale_live_public_and_models():
    body = elastic.query_body(
        'Sprachkurs" OR *:* <b>', ["sprachkur", "or"], "de", ["home.guidepage", "offers.offer"], 10, 10
    )
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"locale": "de"}} in filters
    assert {"term": {"live": True}} in filters
    assert {"term": {"public": True}} in filters
    assert {"terms": {"model": ["home.guidepage", "offers.offer"]}} in filters
    assert body["from"] == 10 and body["size"] == 10
    assert body["track_total_hits"] is True
    text = json.dumps(body)
    # The reader's text only goes into multi_match (no query syntax is interpreted).
    assert "query_string" not in text and "simple_query_string" not in text
    text_query, stems_query = body["query"]["bool"]["should"]
    assert text_query["multi_match"]["query"] == 'Sprachkurs" OR *:* <b>'
    assert text_query["multi_match"]["operator"] == "and"
    # Every analysed token must match (one clause each); no token is read as syntax.
    assert stems_query["bool"]["must"] == [elastic.stems_clause("sprachkur"), elastic.stems_clause("or")]
    assert body["query"]["bool"]["minimum_should_match"] == 1


def test_query_body_requires_the_required_tokens_only():
    body = elastic.query_body(
        "Sprachkursen und Kita",
        ["sprachkurs", "und", "kita"],
        "de",
        ["home.guidepage"],
        required=["sprachkurs", "kita"],
    )
    must = body["query"]["bool"]["should"][1]["bool"]["must"]
    assert must == [elastic.stems_clause("sprachkurs"), elastic.stems_clause("kita")]
    # "Sprachkursen" (sprachkurs) reaches a page that only has "Sprachkurs" (sprachkur).
    assert {"terms": {"title_stems": ["sprachkur", "sprachku"], "boost": 4}} in must[0]["bool"]["should"]
    assert {"prefix": {"title_stems": {"value": "sprachkurs", "boost": 4}}} in must[0]["bool"]["should"]


def test_query_body_can_exclude_translated_content():
    body = elastic.query_body("Kita", ["kita"], "de", ["home.guidepage"], exclude_translation_keys=["k1"])
    assert body["query"]["bool"]["must_not"] == [{"terms": {"translation_key": ["k1"]}}]


@pytest.mark.django_db
def test_documents_carry_the_public_flag_and_the_analysed_tokens():
    from search.models import SearchEntry

    entry = SearchEntry.objects.select_related("locale").get(
        locale__language_code="ar", model="home.guidepage", title__contains="دورات اللغة"
    )
    document = elastic.document(entry, public=True)
    assert document["locale"] == "ar" and document["public"] is True and document["live"] is True
    assert set(document) == set(elastic.index_body("ar")["mappings"]["properties"])
    # Light Arabic stemming: دورات and دورة share the stem دور.
    assert " دور " in f" {document['title_stems']} "


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=DOWN)
def test_search_page_falls_back_to_the_database_when_the_cluster_is_down(client, caplog):
    assert elastic.is_configured()
    with caplog.at_level(logging.WARNING, logger="search.elastic"):
        response = client.get("/de/suche/", {"q": "Sprachkurse"})
    assert response.status_code == 200
    assert "Sprachkurse mit Kinderbetreuung und Kurse nur für Frauen" in result_titles(response)
    assert any("Elasticsearch search failed" in r.getMessage() for r in caplog.records)
    assert "Traceback" not in response.content.decode()
    # Afterwards the dead cluster is not asked again for a while: straight to the database.
    with pytest.raises(elastic.Unavailable, match="recently"):
        elastic_search("Kita", Locale.objects.get(language_code="de"))
    assert search("Kita", Locale.objects.get(language_code="de")).backend == "database"
    assert client.get("/de/suche/vorschlaege/", {"q": "Spra"}).status_code == 200


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=DOWN)
def test_admin_saves_when_the_cluster_is_down(client, users):
    from home.models import HomePage

    admin = next(u for u in users.values() if u.is_superuser)
    client.force_login(admin)
    home = HomePage.objects.get(locale__language_code="de")
    data = nested_form_data(
        {
            "title": "Willkommen in Beckum (neu)",
            "slug": home.slug,
            "intro": rich_text("<p>Neuer Text über Sprachkurse.</p>"),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    home.refresh_from_db()
    assert home.title == "Willkommen in Beckum (neu)"
    # The database index was updated all the same.
    from search.models import SearchEntry

    assert SearchEntry.objects.get(model="home.homepage", object_id=home.pk).title == home.title


@pytest.mark.live_elasticsearch
@pytest.mark.django_db
@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a real Elasticsearch 9 cluster: set ELASTICSEARCH_URL (see search/README.md)",
)
def test_live_round_trip():
    """Index the demo content in a real cluster and search it per language."""
    assert elastic.is_configured()
    assert elastic.rebuild()
    de = Locale.objects.get(language_code="de")
    ar = Locale.objects.get(language_code="ar")
    results = elastic_search("Sprachkurse", de)
    assert results.backend == "elasticsearch"
    assert any("Sprachkurse" in hit.title for hit in results.hits)
    arabic = elastic_search("دَوْرَاتُ الأطفال", ar)
    assert arabic.total >= 1
    assert all(hit.model for hit in arabic.hits)
    # issue 14: inflected query finds the base form; Turkish typed without its letters.
    assert any(
        "Sprachkurs abbrechen" in hit.title for hit in elastic_search("Sprachkursen abbrechen", de).hits
    )
    tr = Locale.objects.get(language_code="tr")
    assert any("iletişim" in hit.title for hit in elastic_search("iletisim", tr).hits)
