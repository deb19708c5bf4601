"""Offline reading on the server side (issue 15, item 1).

Protects: the web manifest in the reader's language (name, lang, dir, start_url, icons that
exist); /sw.js at the root with ``no-cache``, ``Service-Worker-Allowed: /``, the content
version (a publication changes the worker, so that stored copies are replaced) and the
paths it must never store; the offline page in every language with the right lang/dir and
no index; the "save this field of action" list: public live pages of that section and
language only, never a restricted page or a draft (with a positive control), and a 404 for
restricted sections, other languages and other page types; the hidden button on the
field-of-action page only (no dead button without JavaScript).
"""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.factories import GuidePageFactory
from home.models import GuideIndexPage, GuidePage
from offline.views import content_version
from operations.page_cache import bump_version

pytestmark = pytest.mark.django_db

LANGS = {"de": "ltr", "en": "ltr", "ar": "rtl", "fa": "rtl", "uk": "ltr", "ru": "ltr", "tr": "ltr"}
NAMES = {"de": "Integrationsportal Beckum", "ar": "بوابة الاندماج في بيكوم", "fa": "پورتال ادغام بکوم"}


def section(code="de", slug="sprache"):
    return GuideIndexPage.objects.live().get(locale__language_code=code, slug=slug)


def section_url(page, code="de"):
    with translation.override(code):
        return reverse("offline:section", kwargs={"page_id": page.pk})


@pytest.mark.parametrize("code", list(LANGS))
def test_manifest_speaks_the_readers_language(client, code):
    response = client.get(f"/{code}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    data = json.loads(response.content)
    assert data["lang"] == code and data["dir"] == LANGS[code]
    assert data["start_url"] == f"/{code}/" and data["scope"] == "/" and data["id"] == "/"
    assert data["display"] == "standalone" and data["theme_color"] == "#003e61"
    if code in NAMES:
        assert data["name"] == NAMES[code]
    assert data["short_name"] and len(data["short_name"]) <= 15
    sizes = {icon["sizes"] for icon in data["icons"] if icon["purpose"] == "any"}
    assert sizes == {"192x192", "512x512"}
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon
        with open(path, "rb") as png:
            assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_base_template_links_manifest_and_worker_script(client):
    html = client.get("/ar/").content.decode()
    assert '<link rel="manifest" href="/ar/manifest.webmanifest">' in html
    assert 'src="/static/offline/offline.js" data-sw-url="/sw.js" defer' in html
    assert '<meta name="theme-color" content="#003e61">' in html


def test_service_worker_headers_and_content(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    config = json.loads(body.split("self.PORTAL = ", 1)[1].split(";\n", 1)[0])
    assert config["version"] == content_version()
    assert config["offlinePages"]["fa"] == "/fa/offline/"
    for prefix in ("/admin/", "/documents/", "/de/suche/", "/ar/suche/"):
        assert prefix in config["neverPrefixes"]
    assert "/static/offline/offline.js" in config["precache"]
    # The rules the worker applies before it stores anything.
    assert 'control.indexOf("private") === -1 && control.indexOf("no-store") === -1' in body
    assert 'if (request.method !== "GET") { return; }' in body
    assert "response.redirected" in body and "url.search" in body
    assert client.post("/sw.js").status_code == 405


def test_a_publication_changes_the_worker(client):
    before = client.get("/sw.js").content
    page = GuidePage.objects.live().get(locale__language_code="de", slug="kursabbruch")
    page.save_revision().publish()
    after = client.get("/sw.js").content
    assert before != after
    assert f'"version":"{content_version()}"' in after.decode()
    bump_version()
    assert client.get("/sw.js").content != after


@pytest.mark.parametrize("code", list(LANGS))
def test_offline_page_in_every_language(client, code):
    response = client.get(f"/{code}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{LANGS[code]}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "data-offline-stored" in html and 'data-skip="/de/offline/ /en/offline/' in html
    assert "public" in response["Cache-Control"]  # cacheable like every public page
    with translation.override(code):
        assert translation.gettext("Offline reading") in html
        assert translation.gettext("No pages are stored on this device yet.") in html
    if code != "en":
        assert "No pages are stored on this device yet." not in html


def test_section_lists_public_live_pages_of_that_language_only(client):
    index = section("de")
    public = GuidePageFactory(parent=index, title="Offline-Test öffentlich", slug="offline-oeffentlich")
    public.save_revision().publish()
    restricted = GuidePageFactory(parent=index, title="Offline-Test geschützt", slug="offline-geschuetzt")
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = GuidePageFactory(parent=index, title="Offline-Test Entwurf", slug="offline-entwurf", live=False)
    draft.save_revision()

    response = client.get(section_url(index))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["section"] == index.title
    urls = data["urls"]
    assert urls[0] == "/de/sprache/"
    assert "/de/sprache/kursabbruch/" in urls  # positive control: demo guide page
    assert "/de/sprache/offline-oeffentlich/" in urls  # positive control: a page made here
    assert "/de/sprache/offline-geschuetzt/" not in urls
    assert "/de/sprache/offline-entwurf/" not in urls
    assert all(url.startswith("/de/sprache/") for url in urls)
    children = Page.objects.child_of(index).live().exclude(pk=restricted.pk).count()
    assert len(urls) == 1 + children
    # Every listed URL is public: an anonymous reader gets it with a public Cache-Control.
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200 and "private" not in page.get("Cache-Control", ""), url


def test_section_in_another_language_lists_that_languages_urls(client):
    index = section("ar")
    urls = json.loads(client.get(section_url(index, "ar")).content)["urls"]
    assert urls[0] == "/ar/sprache/" and "/ar/sprache/kursabbruch/" in urls
    assert all(url.startswith("/ar/") for url in urls)
    # The German page's id under /ar/ is not an Arabic section.
    assert client.get(section_url(section("de"), "ar")).status_code == 404


def test_section_list_refuses_restricted_sections_and_other_pages(client):
    index = section("de", "wohnen")
    assert client.get(section_url(index)).status_code == 200  # positive control
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(section_url(index)).status_code == 404
    guide = GuidePage.objects.live().get(locale__language_code="de", slug="kursabbruch")
    assert client.get(section_url(guide)).status_code == 404
    index.unpublish()
    assert client.get(section_url(index)).status_code == 404


def test_save_button_only_on_field_of_action_pages_and_hidden(client):
    html = client.get("/de/sprache/").content.decode()
    index = section("de")
    assert f'data-section-url="/de/offline/section/{index.pk}.json" hidden' in html
    assert "Dieses Handlungsfeld zum Lesen ohne Internet speichern" in html
    ar_html = client.get("/ar/sprache/").content.decode()
    assert 'class="offline-save" lang="ar" dir="rtl"' in ar_html
    for url in ("/de/", "/de/sprache/kursabbruch/", "/de/offline/"):
        assert "data-offline-section" not in client.get(url).content.decode(), url
