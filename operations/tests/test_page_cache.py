"""The full-page cache for anonymous readers never serves what the next reader may not get.

A leak matrix: each change (log in/out, restrict/unrestrict, publish/unpublish, an offer
changed, scheduled expiry) happens after an anonymous reader filled the cache, then the
next anonymous reader is checked. Plus: what is never stored or compressed (CSRF-bearing
forms, signed-in readers, search results), 304s, Cache-Control per kind, a Redis that is
down, and the version bump's transaction rules.
"""

import datetime
import gzip

import brotli
import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.models import GuidePage
from offers.models import Offer, OfferFinderPage
from operations import page_cache
from operations.faultlab import closed_port

pytestmark = pytest.mark.django_db

GUIDE_URL = "/de/sprache/kursabbruch/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def guide():
    return GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")


def hit(response):
    return response.get("X-Page-Cache") == "hit"


def text(response):
    return response.content.decode()


def test_second_anonymous_reader_gets_the_stored_page(client):
    first = client.get(GUIDE_URL)
    second = client.get(GUIDE_URL)
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss" and hit(second)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]


def test_signed_in_reader_neither_fills_nor_reads_the_cache(client, users, guide):
    client.get(GUIDE_URL)  # an anonymous reader stored the page
    client.force_login(users["manager"])
    personal = client.get(GUIDE_URL)
    assert personal.status_code == 200
    assert not personal.has_header("X-Page-Cache")
    assert "wagtail-userbar" in text(personal)  # positive control: the personal version
    assert "no-store" in personal["Cache-Control"] and "private" in personal["Cache-Control"]
    client.logout()
    client.cookies.clear()
    anonymous = client.get(GUIDE_URL)
    assert hit(anonymous)
    assert "wagtail-userbar" not in text(anonymous)
    assert guide.title in text(anonymous)


def test_page_first_seen_signed_in_is_not_stored_for_anonymous_readers(client, users):
    client.force_login(users["manager"])
    assert "wagtail-userbar" in text(client.get(GUIDE_URL))
    client.logout()
    client.cookies.clear()
    anonymous = client.get(GUIDE_URL)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in text(anonymous)


def test_a_session_cookie_bypasses_a_stored_page(client, users):
    client.get(GUIDE_URL)
    assert hit(client.get(GUIDE_URL))
    client.force_login(users["manager"])
    assert not client.get(GUIDE_URL).has_header("X-Page-Cache")


def test_restricting_a_page_takes_it_out_at_once(client, guide):
    assert hit(client.get(GUIDE_URL)) is False
    assert hit(client.get(GUIDE_URL))
    restriction = PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get(GUIDE_URL)
    assert refused.status_code == 302 and "login" in refused["Location"]
    assert guide.title not in text(refused)
    restriction.delete()
    again = client.get(GUIDE_URL)
    assert again.status_code == 200 and guide.title in text(again)


def test_restricting_an_ancestor_takes_the_page_out(client, guide):
    client.get(GUIDE_URL)
    PageViewRestriction.objects.create(page=guide.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(GUIDE_URL).status_code == 302


def test_restricted_page_is_never_stored_even_if_anonymous_got_200(rf, guide):
    """A restriction anonymous readers pass (type "none") still keeps the page out of the cache."""
    PageViewRestriction.objects.create(page=guide.get_parent(), restriction_type=PageViewRestriction.NONE)
    request = rf.get(GUIDE_URL)
    page_cache.mark_page(Page.objects.get(pk=guide.pk), request, (), {})
    assert page_cache.storable(request, None) is False
    request = rf.get(GUIDE_URL)
    other = Page.objects.get(locale__language_code="de", slug="wohnen", depth=3)
    page_cache.mark_page(other, request, (), {})
    assert page_cache.storable(request, None) is True  # positive control: no restriction there


def test_publish_and_unpublish_are_seen_at_once(client, guide):
    client.get(GUIDE_URL)
    assert hit(client.get(GUIDE_URL))
    guide.title = "Kursabbruch – neu gefasst"
    guide.save_revision().publish()
    fresh = client.get(GUIDE_URL)
    assert fresh["X-Page-Cache"] == "miss" and "neu gefasst" in text(fresh)
    guide.unpublish()
    assert client.get(GUIDE_URL).status_code == 404


def test_a_draft_is_never_shown(client, guide):
    client.get(GUIDE_URL)
    guide.title = "Geheimer Entwurf"
    guide.save_revision()  # saved, not published
    response = client.get(GUIDE_URL)
    assert response.status_code == 200 and "Geheimer Entwurf" not in text(response)
    assert guide.get_latest_revision().as_object().title == "Geheimer Entwurf"  # control


def test_changing_an_offer_refreshes_the_finder_and_home(client):
    finder = OfferFinderPage.objects.get(locale__language_code="de")
    page = client.get(finder.url)
    offer = next(o for o in Offer.objects.filter(locale=finder.locale, live=True) if o.title in text(page))
    assert hit(client.get(finder.url))
    new_title = offer.title + " (neu)"  # sorts where the old title did
    offer.title = new_title
    offer.save_revision().publish()
    fresh = client.get(finder.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert new_title in text(fresh)
    offer.unpublish()
    assert new_title not in text(client.get(finder.url))


def test_scheduled_expiry_takes_the_page_out(client, guide):
    client.get(GUIDE_URL)
    assert hit(client.get(GUIDE_URL))
    Page.objects.filter(pk=guide.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert client.get(GUIDE_URL).status_code == 404


def test_moving_a_page_refreshes_its_old_address(client, guide):
    client.get(GUIDE_URL)
    other = Page.objects.get(locale__language_code="de", slug="wohnen", depth=3)
    guide.move(other, pos="last-child")
    old = client.get(GUIDE_URL)  # Wagtail's automatic redirect, not the stored page
    assert old.status_code == 301 and old["Location"] == "/de/wohnen/kursabbruch/"
    assert client.get("/de/wohnen/kursabbruch/").status_code == 200


def test_form_with_a_csrf_token_is_neither_stored_nor_compressed(client):
    from personal_requests.models import RequestFormPage

    form = RequestFormPage.objects.filter(locale__language_code="de").live().first()
    for _ in range(2):
        response = client.get(form.url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in text(response)  # positive control: the token is there
        assert not response.has_header("X-Page-Cache")
        assert not response.has_header("Content-Encoding")
        assert "no-store" in response["Cache-Control"]


def test_search_results_are_not_stored(client):
    for _ in range(2):
        response = client.get("/de/suche/", {"q": "Kita"})
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


def test_post_is_never_answered_from_the_cache(client):
    client.get(GUIDE_URL)
    assert not client.post(GUIDE_URL).has_header("X-Page-Cache")


def test_admin_and_documents_are_private(client, users):
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]
    client.force_login(users["manager"])
    assert "no-store" in client.get("/admin/")["Cache-Control"]


def test_conditional_requests(client):
    first = client.get(GUIDE_URL)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(GUIDE_URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(GUIDE_URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(GUIDE_URL, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    not_modified = client.get(GUIDE_URL, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.content == b"" and not_modified["ETag"] == etag


def test_conditional_request_after_a_change_gets_the_new_page(client, guide):
    etag = client.get(GUIDE_URL)["ETag"]
    guide.title = "Kursabbruch – geändert"
    guide.save_revision().publish()
    response = client.get(GUIDE_URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "geändert" in text(response)


def test_compression(client):
    plain = client.get(GUIDE_URL).content
    gzipped = client.get(GUIDE_URL, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip" and gzip.decompress(gzipped.content) == plain
    assert len(gzipped.content) < len(plain) / 2
    br = client.get(GUIDE_URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert br["Content-Encoding"] == "br" and brotli.decompress(br.content) == plain
    assert "Accept-Encoding" in br["Vary"]
    assert client.get(GUIDE_URL, HTTP_ACCEPT_ENCODING="gzip;q=0").get("Content-Encoding") is None
    # 304 for the compressed representation's ETag too
    assert client.get(GUIDE_URL, HTTP_IF_NONE_MATCH=br["ETag"]).status_code == 304


def test_signed_in_pages_are_never_compressed(client, users):
    client.force_login(users["manager"])
    response = client.get(GUIDE_URL, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200 and not response.has_header("Content-Encoding")


def test_redis_down_pages_still_served(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/5",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    for _ in range(3):
        response = client.get(GUIDE_URL)
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"


def test_version_bumps_once_per_transaction_and_not_on_rollback():
    before = page_cache.current_version()[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        page_cache.bump_version()
        raise RuntimeError
    assert page_cache.current_version()[0] == before
    with transaction.atomic():
        page_cache.bump_version()
        page_cache.bump_version()
    after = page_cache.current_version()[0]
    assert after == before + 1
    page_cache.bump_version()  # the version was read since: a later change bumps again
    assert page_cache.current_version()[0] == after + 1


def test_logs_and_renditions_do_not_bump(guide):
    from wagtail.models import PageLogEntry

    before = page_cache.current_version()[0]
    PageLogEntry.objects.log_action(guide, "wagtail.view_restriction.create")
    assert page_cache.current_version()[0] == before
    guide.title = "x"
    guide.save()
    assert page_cache.current_version()[0] > before  # positive control


# --- query diet: a page-cache miss of a guide or home page --------------------------------
def count_miss(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm per-process caches (site root paths, content types, menu)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"uncached": "1"})  # another key: a miss
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    return len(ctx.captured_queries)


def grow_site():
    """More pages in the menu and under a section, more offers, more restricted areas."""
    from home.models import GuideIndexPage, HomePage
    from offers.factories import OfferFactory

    home = HomePage.objects.get(locale__language_code="de")
    section = GuideIndexPage.objects.get(locale__language_code="de", slug="sprache")
    for i in range(4):
        field = GuideIndexPage(title=f"Feld {i}", slug=f"feld-{i}", field_of_action="sprache")
        home.add_child(instance=field)
        area = GuideIndexPage(title=f"Intern {i}", slug=f"intern-{i}", field_of_action="bildung")
        home.add_child(instance=area)
        PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.LOGIN)
        section.add_child(instance=GuidePage(title=f"Seite {i}", slug=f"seite-{i}"))
        OfferFactory(title=f"Kurs {i}")


@pytest.mark.parametrize("url", ["/de/", "/ar/", "/de/sprache/kursabbruch/", "/ar/sprache/kursabbruch/"])
def test_guide_and_home_pages_cost_at_most_ten_queries_whatever_the_site_size(client, url):
    before = count_miss(client, url)
    assert before <= 10, before
    grow_site()
    assert count_miss(client, url) == before
