"""What is kept per content version in the process is never wrong for the next anonymous reader.

Pages the full-page cache cannot answer (a new query string, a first reader) are routed,
checked for view restrictions and given their chrome (homes, locale versions, menu,
breadcrumbs) from ``portal.version_memo``. The leak matrix here repeats the page cache's
one on that path: every request carries a new query string, so no stored page answers
it and only the memo can be wrong. Plus: one query per uncached page, a copy of the
page per request, the bound on the memo's size, and signed-in readers who never use it.
"""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import GuidePage
from portal import version_memo

pytestmark = pytest.mark.django_db

GUIDE_URL = "/de/sprache/kursabbruch/"
_fresh = itertools.count()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def guide():
    return GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")


def uncached(client, url=GUIDE_URL):
    """A GET no stored page can answer: a query string never asked before."""
    response = client.get(url, {"r": next(_fresh)})
    assert response.get("X-Page-Cache") != "hit"
    return response


def text(response):
    return response.content.decode()


def queries_of(client, url=GUIDE_URL):
    with CaptureQueriesContext(connection) as captured:
        response = uncached(client, url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("url", ["/de/", "/ar/", GUIDE_URL, "/ar/sprache/kursabbruch/", "/fa/sprache/"])
def test_a_second_uncached_reader_costs_one_query(client, url):
    first = queries_of(client, url)
    second = queries_of(client, url)
    assert len(first) > 3  # positive control: the first reader builds from the database
    assert len(second) == 1, second
    assert "operations_contentversion" in second[0]


def test_the_page_is_the_same_with_and_without_the_memo(client, settings, guide):
    uncached(client)  # fills the memo
    from_memo = text(uncached(client))
    settings.PAGE_CACHE_ENABLED = False  # no version on the request: everything from the database
    from_database = text(client.get(GUIDE_URL))
    assert from_memo == from_database
    assert guide.title in from_memo


def test_restricting_the_page_or_an_ancestor_takes_effect_at_once(client, guide):
    assert uncached(client).status_code == 200
    assert uncached(client).status_code == 200  # routed and checked from the memo
    restriction = PageViewRestriction.objects.create(
        page=guide.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    refused = uncached(client)
    assert refused.status_code == 302 and "login" in refused["Location"]
    assert guide.title not in text(refused)
    restriction.delete()
    assert uncached(client).status_code == 200  # positive control: public again
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    assert uncached(client).status_code == 302


def test_publish_unpublish_and_drafts(client, guide):
    uncached(client)
    guide.title = "Kursabbruch – neu gefasst"
    guide.save_revision().publish()
    assert "neu gefasst" in text(uncached(client))
    guide.title = "Geheimer Entwurf"
    guide.save_revision()  # a draft: never shown
    assert "Geheimer Entwurf" not in text(uncached(client))
    guide.unpublish()
    assert uncached(client).status_code == 404


def test_menu_and_breadcrumbs_follow_a_renamed_section(client, guide):
    section = guide.get_parent().specific
    before = text(uncached(client))
    assert section.title in before
    section.title = "Deutsch lernen und Sprache"
    section.save_revision().publish()
    after = text(uncached(client))
    assert "Deutsch lernen und Sprache" in after  # menu and breadcrumb trail
    assert after.count("Deutsch lernen und Sprache") >= 2


def test_moving_a_page_routes_its_new_address(client, guide):
    uncached(client)
    other = Page.objects.get(locale__language_code="de", slug="wohnen", depth=3)
    guide.move(other, pos="last-child")
    old = uncached(client)
    assert old.status_code == 301 and old["Location"].startswith("/de/wohnen/kursabbruch/")
    assert uncached(client, "/de/wohnen/kursabbruch/").status_code == 200


def test_each_request_gets_its_own_page_instance(rf, client):
    uncached(client)
    kept = [value for key, value in version_memo._memo["entries"].items() if key[0] == "route"]
    assert kept, "the route was kept"
    site, (page, _args, _kwargs) = kept[0]
    page.marker_set_by_a_view = "request one"
    response = uncached(client)
    assert response.status_code == 200
    routed = response.wsgi_request._wagtail_route_for_request[0]
    assert routed is not page
    routed.marker_set_by_a_view = "request two"
    assert page.marker_set_by_a_view == "request one"


def test_signed_in_readers_never_use_the_memo(client, users, guide):
    uncached(client)
    client.force_login(users["manager"])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(GUIDE_URL)
    assert response.status_code == 200 and "wagtail-userbar" in text(response)
    assert len(captured.captured_queries) > 3  # read from the database, not the memo
    assert not hasattr(response.wsgi_request, "page_cache_version")


def test_a_new_content_version_drops_everything(rf):
    request = rf.get("/")
    request.page_cache_version = "7@2026-11-28 01:00:00"
    assert version_memo.remember(request, "k", lambda: "built under 7") == "built under 7"
    assert version_memo.remember(request, "k", lambda: "not built again") == "built under 7"
    # the same number after a rollback or a restore, at another time: not the same state
    request.page_cache_version = "7@2026-11-28 02:00:00"
    assert version_memo.remember(request, "k", lambda: "built again") == "built again"
    request.page_cache_version = None
    assert version_memo.remember(request, "k", lambda: "no version: built") == "no version: built"


def test_the_memo_is_bounded(rf, monkeypatch):
    monkeypatch.setattr(version_memo, "MAX_ENTRIES", 3)
    request = rf.get("/")
    request.page_cache_version = "1@t"
    for n in range(10):
        version_memo.keep(request, n, n)
        assert len(version_memo._memo["entries"]) <= 3
    assert version_memo.peek(request, 9) == 9  # the newest is kept
