"""The public read API answers like the site: same languages and fallbacks, same finder rules.

Protects: ``?locale=``/``?lang=`` with the German fallback marked on each item (pages,
offers, organisations; started but unapproved translations count as fallback), the
finder's filters giving exactly the finder's offers, field-of-action filters, the
``/api/`` index, pagination limits and 400s with a JSON message for every bad parameter,
read-only CORS (GET/HEAD/OPTIONS with ``*``, no credentials, other methods 405, no CORS
outside ``/api/``), the full-page cache (stored, 304, a published change visible at once)
and query counts that do not grow with the number of items.
"""

import json

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from home.models import GuideIndexPage, GuidePage
from offers.forms import OfferFilterForm
from offers.models import Offer, Organisation
from offers.queries import public_offers, public_organisations
from portal.pending import mark_pending, pending_exists

from .conftest import get_json, item_ids

pytestmark = pytest.mark.django_db


def all_items(client, url):
    items, offset = [], 0
    while True:
        data = get_json(client, f"{url}&limit=50&offset={offset}")
        items += data["items"]
        offset += 50
        if offset >= data["meta"]["total_count"]:
            return items


# --- languages and fallback -------------------------------------------------------------------
def mixed_locale(model_rows):
    """A language of the demo with both own versions and German fallbacks ({code: rows})."""
    for code, rows in model_rows.items():
        if any(rows) and not all(rows):
            return code
    raise AssertionError("the demo has a language with translated and untranslated items")


def test_pages_in_a_language_mark_german_fallbacks(client):
    code = mixed_locale(
        {
            c: [p.alias_of_id is not None for p in GuidePage.objects.filter(locale__language_code=c).live()]
            for c in ["ar", "en", "tr", "fa", "uk", "ru"]
        }
    )
    locale = Locale.objects.get(language_code=code)
    items = all_items(client, f"/api/v2/pages/?locale={code}&type=home.GuidePage&fields=_,id,title")
    pages = {p.pk: p for p in GuidePage.objects.filter(locale=locale).live().select_related("alias_of")}
    assert {item["id"] for item in items} == set(pages)
    items = all_items(client, f"/api/v2/pages/?locale={code}&type=home.GuidePage")
    fallbacks = [item for item in items if item["meta"]["fallback"]]
    translated = [item for item in items if not item["meta"]["fallback"]]
    assert fallbacks and translated, "translated and untranslated guide pages"
    for item in fallbacks:
        page = pages[item["id"]]
        assert page.alias_of is not None and item["meta"]["language"] == "de"
        assert item["title"] == page.alias_of.title  # the German text, as readers get it
        assert item["meta"]["locale"] == code
    for item in translated:
        assert pages[item["id"]].alias_of_id is None and item["meta"]["language"] == code
    # ?lang= is the same as ?locale=
    same = get_json(client, f"/api/v2/pages/?lang={code}&type=home.GuidePage&limit=50")
    assert item_ids(same) == [i["id"] for i in items]


def test_started_unapproved_translation_is_a_fallback(client):
    ar = Locale.objects.get(language_code="ar")
    page = GuidePage.objects.filter(locale=ar, alias_of__isnull=True).live().first()
    before = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert before["meta"]["language"] == "ar" and before["meta"]["fallback"] is False
    mark_pending(page.translation_key, ar.pk)
    after = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert after["meta"]["language"] == "de" and after["meta"]["fallback"] is True


def test_offers_and_organisations_fall_back_to_german_like_the_finder(client):
    for code in ["fa", "ar", "de"]:
        locale = Locale.objects.get(language_code=code)
        expected = {o.pk: o.is_fallback for o in public_offers(locale)}
        items = all_items(client, f"/api/v2/offers/?locale={code}")
        assert {item["id"]: item["meta"]["fallback"] for item in items} == expected
        for item in items:
            assert item["meta"]["language"] == ("de" if item["meta"]["fallback"] else code)
        orgs = {o.pk: o.is_fallback for o in public_organisations(locale)}
        items = all_items(client, f"/api/v2/organisations/?locale={code}")
        assert {item["id"]: item["meta"]["fallback"] for item in items} == orgs
    # The demo translates all offers into some languages and none into others; a translation
    # started but not approved yet makes one Arabic offer a German fallback.
    code, ar = "ar", Locale.objects.get(language_code="ar")
    started = public_offers(ar)[0]
    assert not started.is_fallback
    mark_pending(started.translation_key, ar.pk)
    mixed = all_items(client, f"/api/v2/offers/?locale={code}")
    assert any(i["meta"]["fallback"] for i in mixed) and any(not i["meta"]["fallback"] for i in mixed)
    fallback = next(item for item in mixed if item["meta"]["fallback"])
    german = Offer.objects.get(translation_key=started.translation_key, locale__language_code="de")
    assert fallback["id"] == german.pk and fallback["meta"]["language"] == "de"
    assert started.pk not in [item["id"] for item in mixed]
    # A fallback's html_url is the reader's finder, which shows the German offer with a notice.
    assert f"/{code}/" in fallback["meta"]["html_url"]
    assert f"/{code}/" in fallback["meta"]["html_url"]  # the reader's finder, which shows it in German
    # Without a language: every language version as what it is.
    every = all_items(client, "/api/v2/offers/?fields=title")
    shown = Offer.objects.current().alias(pending=pending_exists())
    assert len(every) == shown.filter(Q(pending=False) | Q(locale__language_code="de")).count()
    assert not any(item["meta"]["fallback"] for item in every)


# --- filters -------------------------------------------------------------------------------------
FINDER_FILTERS = [
    {"field": "sprache"},
    {"field": "sprache", "childcare": "1"},
    {"women": "1"},
    {"kind": "language_course", "free": "1"},
    {"target": "women"},
    {"language": "ar"},
    {"barrierfree": "1", "field": "gesundheit"},
]


@pytest.mark.parametrize("filters", FINDER_FILTERS)
def test_offer_filters_are_the_finders(client, filters):
    for code in ["de", "ar"]:
        locale = Locale.objects.get(language_code=code)
        organisations = list(public_organisations(locale))
        form = OfferFilterForm(filters, organisations=organisations)
        expected = [o.pk for o in form.apply(public_offers(locale))]
        query = "&".join(f"{k}={v}" for k, v in filters.items())
        got = [item["id"] for item in all_items(client, f"/api/v2/offers/?locale={code}&{query}")]
        assert got == expected
    # Positive control: the language filter finds something in the demo.
    assert all_items(client, "/api/v2/offers/?locale=de&field=sprache&childcare=1")


def test_organisation_filter_of_offers(client):
    org = public_offers(Locale.objects.get(language_code="de"))[0].organisation
    items = all_items(client, f"/api/v2/offers/?locale=de&organisation={org.slug}&fields=_,organisation")
    assert items and all(item["organisation"]["id"] == org.pk for item in items)


def test_field_of_action_filters_pages_and_organisations(client):
    section = GuideIndexPage.objects.get(locale__language_code="de", field_of_action="wohnen")
    items = all_items(client, "/api/v2/pages/?locale=de&field=wohnen")
    expected = {p.pk for p in Page.objects.descendant_of(section, inclusive=True).live().public()}
    assert {item["id"] for item in items} == expected
    orgs = all_items(client, "/api/v2/organisations/?locale=de&field=wohnen&fields=fields_of_action")
    assert orgs and all("wohnen" in item["fields_of_action"] for item in orgs)
    assert len(orgs) < Organisation.objects.filter(live=True, locale__language_code="de").count()


def test_news_newest_first_and_events_by_start(client):
    news = all_items(client, "/api/v2/news/?locale=de&fields=date")
    dates = [item["date"] for item in news]
    assert dates and dates == sorted(dates, reverse=True)
    events = all_items(client, "/api/v2/events/?locale=de&fields=start,location")
    starts = [item["start"] for item in events]
    assert starts and starts == sorted(starts)
    assert all(item["meta"]["type"] == "network.EventPage" for item in events)


def test_index_lists_the_endpoints(client):
    data = get_json(client, "/api/")
    assert set(data["endpoints"]) == {"pages", "news", "events", "offers", "organisations"}
    for endpoint in data["endpoints"].values():
        assert client.get(endpoint["url"]).status_code == 200


# --- pagination and bad parameters ---------------------------------------------------------------
@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/v2/pages/?limit=51", "limit cannot be higher than 50"),
        ("/api/v2/pages/?limit=abc", "limit must be a positive integer"),
        ("/api/v2/pages/?offset=-1", "offset must be a positive integer"),
        ("/api/v2/offers/?limit=1000", "limit cannot be higher than 50"),
        ("/api/v2/pages/?locale=xx", "unknown language 'xx'"),
        ("/api/v2/pages/?locale=de&lang=ar", "'locale' and 'lang' name different languages"),
        ("/api/v2/offers/?lang=zz", "unknown language 'zz'"),
        ("/api/v2/pages/?type=network.WorkingGroupPage", "type 'network.WorkingGroupPage' is not served"),
        ("/api/v2/pages/?type=nonsense", "type 'nonsense' is not served"),
        ("/api/v2/pages/?colour=red", "query parameter is not an operation or a recognised field: colour"),
        ("/api/v2/offers/?colour=red", "query parameter is not an operation or a filter: colour"),
        ("/api/v2/pages/?fields=secret", "unknown fields: secret"),
        ("/api/v2/offers/?fields=organisation_id", "unknown fields: organisation_id"),
        ("/api/v2/pages/?field=garden", "unknown field of action 'garden'"),
        ("/api/v2/offers/?kind=party", "invalid filter: kind"),
        ("/api/v2/organisations/?kind=party", "unknown kind 'party'"),
        ("/api/v2/events/?upcoming=maybe", "upcoming must be 'true' or 'false'"),
        ("/api/v2/pages/?child_of=999999", "parent page doesn't exist"),
        ("/api/v2/pages/?search=", "search needs a term"),
        ("/api/v2/pages/?order=nonsense", "cannot order by 'nonsense' (unknown field)"),
    ],
)
def test_bad_parameters_get_400_with_a_message(client, url, message):
    data = get_json(client, url, status=400)
    assert message in data["message"]


def test_pagination(client):
    data = get_json(client, "/api/v2/pages/?locale=de")
    assert len(data["items"]) == 20  # the default limit
    total = data["meta"]["total_count"]
    assert (
        total
        == Page.objects.filter(
            pk__in=[i["id"] for i in all_items(client, "/api/v2/pages/?locale=de")]
        ).count()
    )
    assert len(get_json(client, "/api/v2/pages/?locale=de&limit=50")["items"]) == min(50, total)
    last = get_json(client, f"/api/v2/pages/?locale=de&limit=5&offset={total - 2}")
    assert len(last["items"]) == 2


def test_unknown_paths_answer_json_404_not_a_redirect(client):
    for url in ["/api/v3/", "/api/v2/pages/999999/", "/api/v2/offers/999999/", "/api/nothing"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert json.loads(response.content)["message"]
    assert client.get("/api/v2/pages").status_code == 301  # the slash is added


# --- CORS and methods ------------------------------------------------------------------------------
def test_cors_read_only(client):
    response = client.get("/api/v2/pages/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")
    assert client.head("/api/v2/offers/")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v2/pages/", data="{}", content_type="application/json")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "read-only" in json.loads(response.content)["message"]
    # Only the API: the site's pages carry no CORS header.
    assert not client.get("/de/").has_header("Access-Control-Allow-Origin")


# --- cache -------------------------------------------------------------------------------------------
def test_answers_are_cached_like_pages_and_a_publish_shows_at_once(client, settings, kursabbruch):
    settings.PAGE_CACHE_ENABLED = True
    url = "/api/v2/pages/?locale=de&type=home.GuidePage&fields=title&limit=50"
    first = client.get(url)
    second = client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["Access-Control-Allow-Origin"] == "*"
    assert "public" in second["Cache-Control"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=second["ETag"])
    assert not_modified.status_code == 304 and not_modified["Access-Control-Allow-Origin"] == "*"

    kursabbruch.title = "Kursabbruch – neu veröffentlicht"
    kursabbruch.save_revision().publish()
    third = client.get(url)
    assert third["X-Page-Cache"] == "miss"
    assert "Kursabbruch – neu veröffentlicht" in third.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 200

    offer = public_offers(Locale.objects.get(language_code="de"))[0]
    offer_url = f"/api/v2/offers/{offer.pk}/"
    assert client.get(offer_url)["X-Page-Cache"] == "miss"
    assert client.get(offer_url)["X-Page-Cache"] == "hit"
    offer.title = "Geänderter Kurs (frisch veröffentlicht)"
    offer.save_revision().publish()
    response = client.get(offer_url)
    assert response["X-Page-Cache"] == "miss" and json.loads(response.content)["title"] == offer.title


def test_search_answers_and_signed_in_readers_are_not_stored(client, settings, users):
    settings.PAGE_CACHE_ENABLED = True
    for _ in range(2):
        response = client.get("/api/v2/pages/?search=Sprache")
        assert response.status_code == 200 and json.loads(response.content)["items"]
        assert not response.has_header("X-Page-Cache") and "no-store" in response["Cache-Control"]
    client.force_login(users["manager"])
    response = client.get("/api/v2/pages/?locale=de")
    assert not response.has_header("X-Page-Cache") and "private" in response["Cache-Control"]


# --- queries -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?locale=ar",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?locale=tr&fields=*",
        "/api/v2/pages/?locale=de&type=home.GuidePage&fields=*",
        "/api/v2/pages/?locale=ar&type=home.GuidePage&fields=_,body",
        "/api/v2/pages/?search=Sprache",
        "/api/v2/news/?fields=*",
        "/api/v2/events/?fields=*",
        "/api/v2/offers/?locale=fa&fields=*",
        "/api/v2/offers/?fields=*",
        "/api/v2/organisations/?locale=ar&fields=*",
    ],
)
def test_query_count_does_not_grow_with_the_items(client, url):
    get_json(client, f"{url}&limit=1")  # warm: the site's root paths are cached once per process
    counts = []
    for limit in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            data = get_json(client, f"{url}&limit={limit}")
        counts.append(len(queries))
        assert len(data["items"]) >= min(limit, data["meta"]["total_count"])
    assert counts[0] == counts[1], counts
    assert counts[1] <= 12, counts
