"""The other ways restricted or personal content could escape.

Search (Wagtail's ``.public()`` queryset and the site's search view),
sitemap.xml, the Wagtail API, image renditions, restrictions added later on a
German page (must reach its aliases), the direct media path (even with DEBUG
on) and request submissions on public pages.
"""

import importlib

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import translation
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from network.models import InternalPage, NetworkAreaPage, NewsPage, WorkingGroupPage
from personal_requests.factories import MediatorRequestFactory

pytestmark = pytest.mark.django_db
RESTRICTED_TYPES = (NetworkAreaPage, WorkingGroupPage, InternalPage)


def search_url():
    """/de/suche/ of the search app, or None while it is not installed."""
    for name in ("portal_search:search", "search"):
        try:
            with translation.override("de"):
                return reverse(name)
        except NoReverseMatch:
            continue
    return None


def restricted_pages():
    return list(Page.objects.type(*RESTRICTED_TYPES).live())


def test_every_restricted_page_is_restricted_in_every_locale():
    pages = restricted_pages()
    assert len(pages) == 7 * 7  # 7 pages in German, aliased into 6 locales
    assert not Page.objects.type(*RESTRICTED_TYPES).public().exists()


def test_public_search_finds_no_restricted_page():
    titles = {p.title for p in restricted_pages()}
    for query in ["Anlaufstelle", "Protokoll", "Arbeitsgruppe", "Interessen erfragen", "Netzwerk intern"]:
        results = Page.objects.live().public().search(query)
        assert not titles & {r.title for r in results}, query
    # Sanity: the unfiltered search does find it, so the filter is what protects.
    assert any(r.title in titles for r in Page.objects.live().search("Anlaufstelle"))


def test_site_search_view_finds_no_restricted_page(client, wg_pages):
    url = search_url()
    assert url is not None, "the search view is installed"
    for query in ["Anlaufstelle", "Protokoll", "Zusammenleben"]:
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        body = response.content.decode()
        for page in wg_pages:
            assert page.url not in body
        assert "netzwerk-intern" not in body


def test_sitemap_lists_no_restricted_page(client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/de/neuigkeiten/" in body
    assert "netzwerk-intern" not in body
    for page in restricted_pages():
        assert page.get_full_url() not in body
    # Belt and braces: the page types themselves return no sitemap entries.
    for page in restricted_pages()[:3]:
        assert page.specific.get_sitemap_urls() == []


def test_no_wagtail_documents_or_images_api_is_exposed(client):
    """The public read API (api/) serves pages, offers and organisations only; its leak matrix is
    api/tests/test_leaks.py."""
    assert client.get("/api/v2/pages/").status_code == 200  # positive control: the API is mounted
    for url in ["/api/v2/documents/", "/api/v2/images/", "/de/api/v2/pages/"]:
        assert client.get(url, follow=True).status_code == 404


def test_restricted_pages_allow_no_images():
    """Renditions are public files: restricted pages can hold no image at all."""
    for model in RESTRICTED_TYPES:
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            assert not (related and related._meta.label == "wagtailimages.Image"), (model, field.name)
            if isinstance(field, RichTextField):
                assert "image" not in field.features and "embed" not in field.features, (model, field.name)


def test_restricted_pages_render_no_image(client_for, wg_pages, area):
    client = client_for("manager")
    for page in [area, *wg_pages]:
        body = client.get(page.url).content.decode()
        assert "<img" not in body and "/media/images/" not in body


def test_news_images_are_public_renditions_only():
    """NewsPage, the one type with an image, can only live under the public news index."""
    from network.models import NewsIndexPage

    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_parent_page_models()[0]._meta.label == "home.HomePage"
    assert len(NewsIndexPage.allowed_parent_page_models()) == 1


def test_restriction_added_later_reaches_the_aliases(client):
    news = NewsPage.objects.get(locale__language_code="de", slug="integration-bedeutet-fuer-mich")
    alias = Page.objects.get(translation_key=news.translation_key, locale__language_code="fa")
    assert alias.alias_of_id == news.pk
    translation = Page.objects.get(translation_key=news.translation_key, locale__language_code="en")
    assert client.get(alias.url).status_code == 200
    from django.contrib.auth.models import Group

    restriction = PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Netzwerkmitglieder")])
    for other in (alias, translation):
        response = client.get(other.url)
        assert response.status_code == 302, other.url
        assert not Page.objects.filter(pk=other.pk).public().exists()


def test_documents_media_path_is_not_served_even_in_debug(client, wg_documents, tmp_path):
    """cms/urls.py serves only MEDIA_URL/images/ in DEBUG: documents never."""
    import cms.urls

    images = settings.MEDIA_ROOT / "images"
    images.mkdir(parents=True, exist_ok=True)
    probe = images / "network-probe.txt"
    probe.write_text("probe")
    try:
        with override_settings(DEBUG=True):
            importlib.reload(cms.urls)
            clear_url_caches()
            assert (
                client.get("/media/images/network-probe.txt").status_code == 200
            )  # the test can see a served file
            for document in wg_documents:
                assert client.get("/media/" + document.file.name).status_code == 404
    finally:
        probe.unlink()
        importlib.reload(cms.urls)
        clear_url_caches()


def test_submissions_never_appear_on_public_pages(client):
    MediatorRequestFactory(name="Vertraulich Zqxv", email="vertraulich@example.org", place="Praxis Zqxv")
    urls = [
        "/de/",
        "/de/sprachmittlung-anfragen/",
        "/de/neuigkeiten/",
        "/de/neuigkeiten/feed/",
        "/de/termine/ical/",
        "/sitemap.xml",
    ]
    if search_url():
        urls.append(search_url() + "?q=Zqxv")
    for url in urls:
        body = client.get(url).content.decode()
        # The search page echoes the query ("Zqxv"), so look for the stored values.
        for secret in ("Vertraulich Zqxv", "Praxis Zqxv", "vertraulich@example.org", "Samira Haddad"):
            assert secret not in body, (url, secret)
