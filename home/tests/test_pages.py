"""Every demo page routes and renders in each locale, with the right language markup."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage

pytestmark = pytest.mark.django_db

RTL = {"ar", "fa"}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_every_live_page_renders_in_every_locale(client):
    # Restricted areas (working groups, members-only pages) have tests of their own.
    pages = Page.objects.live().public().filter(depth__gte=2).select_related("locale").specific()
    assert len(pages) > 100
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        assert "<h1>" in body, page.url
        code = page.locale.language_code
        assert f'lang="{code}"' in html_tag(response), page.url
        assert f'dir="{"rtl" if code in RTL else "ltr"}"' in html_tag(response), page.url


@pytest.mark.parametrize("code", ["de", "en", "ar", "fa", "uk", "ru", "tr"])
def test_home_page_content_and_tiles(client, code):
    home = HomePage.objects.get(locale__language_code=code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert home.title in body
    for section in GuideIndexPage.objects.filter(locale__language_code=code):
        assert f'href="{section.url}"' in body
    assert 'class="skip-link" href="#main"' in body
    assert '<main id="main"' in body


def test_guide_page_shows_its_structured_blocks(client):
    page = GuidePage.objects.get(locale__language_code="de", slug="sprach-und-integrationskurse")
    body = client.get(page.url).content.decode()
    assert page.title in body
    block_types = {block.block_type for block in page.body}
    css = {
        "steps": 'class="steps"',
        "callout": 'class="callout',
        "contact": 'class="contact"',
        "faq": "<details>",
    }
    for block_type, marker in css.items():
        if block_type in block_types:
            assert marker in body, block_type


def test_arabic_guide_page_is_in_arabic(client):
    page = GuidePage.objects.get(locale__language_code="ar", slug="kursabbruch")
    body = client.get("/ar/sprache/kursabbruch/").content.decode()
    assert page.title in body
    assert re.search("[\u0600-\u06ff]{4,}", page.title)
    assert 'class="notice notice--fallback"' not in body


def test_example_contact_data_is_marked(client):
    pages = [
        page
        for page in GuidePage.objects.filter(locale__language_code="de")
        if any(b.block_type == "contact" and b.value["is_example"] for b in page.body)
    ]
    assert len(pages) >= 5
    with translation.override("de"):
        note = gettext("Example data: these contact details are invented for the demo.")
    assert note.startswith("Beispiel")
    for page in pages:
        assert note in client.get(page.url).content.decode()


def test_footer_links_to_legal_pages(client):
    body = client.get("/en/").content.decode()
    for page in StandardPage.objects.filter(locale__language_code="en"):
        assert f'href="{page.url}"' in body


def test_unpublished_page_is_not_served_or_linked(client):
    page = GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    assert f'href="{url}"' not in client.get(page.get_parent().url).content.decode()


class TestPageTypes(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, GuideIndexPage)
        self.assertCanCreateAt(GuideIndexPage, GuidePage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(GuideIndexPage, GuideIndexPage)
        self.assertCanNotCreateAt(GuidePage, GuidePage)


def count_queries(client, url):
    # The query log is a bounded deque: full after loading, it would hide new queries.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/de/", "/de/sprache/kursabbruch/", "/ar/sprache/kursabbruch/"])
def test_query_count_does_not_grow_with_the_navigation(client, url):
    client.get(url)  # warm caches (site root paths, content types)
    before = count_queries(client, url)
    home = HomePage.objects.get(locale__language_code="de")
    for i in range(5):
        home.add_child(
            instance=GuideIndexPage(
                title=f"Extra {i}", slug=f"extra-{i}", field_of_action="bildung", show_in_menus=True
            )
        )
    client.get(url)
    assert count_queries(client, url) == before
    assert before <= 25


def test_sitemap_lists_every_locale_but_no_fallback_alias_or_draft(client):
    draft = GuidePage.objects.get(locale__language_code="de", slug="arztbesuch")
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    locs = set(re.findall(r"<loc>([^<]+)</loc>", body))
    for code in ("de", "en", "ar", "uk"):
        assert any(f"/{code}/" in loc for loc in locs), code
    assert any(loc.endswith("/ar/sprache/kursabbruch/") for loc in locs)
    # Only an alias exists in Ukrainian: it is a fallback, not listed.
    assert not any(loc.endswith("/uk/sprache/kursabbruch/") for loc in locs)
    assert not any("/arztbesuch/" in loc for loc in locs if "/de/" in loc)
    for page in Page.objects.live().public().filter(depth__gte=2, alias_of__isnull=True):
        assert page.get_full_url() in locs, page.url
