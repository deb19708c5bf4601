"""Roles × protected resources: restricted pages, their aliases and their documents.

Anonymous visitors are sent to the login form; a logged-in member of the
wrong group is refused (403) and sees no title; the right group and the
integration management get the content. Documents of a working group are
sent only through Wagtail's serve view, as attachments; the guessed media
URL is never served.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

pytestmark = pytest.mark.django_db

OK, LOGIN, REFUSED = "ok", "login", "refused"

# role -> expected outcome for: network area, WG 1 area, WG 2 area
PAGE_MATRIX = {
    "anonymous": (LOGIN, LOGIN, LOGIN),
    "mitglied": (OK, REFUSED, REFUSED),
    "ag-mitglied": (OK, OK, REFUSED),
    "ag2-mitglied": (OK, REFUSED, OK),
    "manager": (OK, OK, OK),
}


def assert_outcome(response, expected, secret):
    body = response.content.decode(errors="replace")
    if expected == OK:
        assert response.status_code == 200
        assert secret in body
    elif expected == LOGIN:
        assert response.status_code == 302
        assert "/_util/login/" in response["Location"] or "/login/" in response["Location"]
        assert secret not in body
    else:
        assert response.status_code == 403
        assert secret not in body
        assert "No access" in body or "Kein Zugriff" in body or response.status_code == 403


@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_restricted_pages_by_url(client_for, role, area, wg_pages):
    client = client_for(role)
    resources = [area, *wg_pages]
    for page, expected in zip(resources, PAGE_MATRIX[role], strict=True):
        assert_outcome(client.get(page.url), expected, page.title)


@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_internal_pages_inherit_the_restriction(client_for, role, wg_pages):
    client = client_for(role)
    for page, expected in zip(wg_pages, PAGE_MATRIX[role][1:], strict=True):
        child = page.get_children().live().first().specific
        assert_outcome(client.get(child.url), expected, child.title)


@pytest.mark.parametrize("code", ["en", "ar", "fa"])
@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_aliases_in_other_locales_are_restricted_too(client_for, role, code, area, wg_pages):
    client = client_for(role)
    for page, expected in zip([area, *wg_pages], PAGE_MATRIX[role], strict=True):
        alias = Page.objects.get(translation_key=page.translation_key, locale__language_code=code)
        assert alias.alias_of_id == page.pk
        assert_outcome(client.get(alias.url), expected, page.title)


@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_documents_through_the_serve_view(client_for, role, wg_documents):
    client = client_for(role)
    for document, expected in zip(wg_documents, PAGE_MATRIX[role][1:], strict=True):
        response = client.get(document.url)
        assert document.url.startswith("/documents/")
        if expected == OK:
            assert response.status_code == 200
            assert response["Content-Disposition"].startswith("attachment")
            content = b"".join(response.streaming_content) if response.streaming else response.content
            assert content == document.file.open("rb").read()
        else:
            assert response.status_code == (302 if expected == LOGIN else 403)
            if expected == LOGIN:
                assert "login" in response["Location"]


@pytest.mark.parametrize("role", list(PAGE_MATRIX))
def test_guessed_media_url_of_documents_is_never_served(client_for, role, wg_documents):
    client = client_for(role)
    for document in wg_documents:
        guessed = "/media/" + document.file.name
        assert guessed.startswith("/media/documents/")
        response = client.get(guessed)
        assert response.status_code == 404
        assert document.title not in response.content.decode(errors="replace")


def test_working_group_member_sees_area_and_documents(client_for, wg_pages, wg_documents):
    body = client_for("ag-mitglied").get(wg_pages[0].url).content.decode()
    assert "Wann ist" in body or "When is the work done" in body
    assert "Es liegt ein Papier vor" in body
    assert f'href="{wg_documents[0].url}"' in body
    for child in wg_pages[0].get_children().live():
        assert child.title in body


def test_anonymous_sees_no_trace_of_area_or_documents(client, wg_pages, wg_documents):
    """The home page, navigation and public lists name neither the area nor its documents."""
    for url in ["/de/", "/en/", "/de/neuigkeiten/", "/de/termine/", "/sitemap.xml"]:
        body = client.get(url).content.decode()
        for page in wg_pages:
            assert page.title not in body, url
            assert page.url not in body, url
        for document in wg_documents:
            assert document.title not in body, url
            assert document.url not in body, url
        assert "netzwerk-intern" not in body, url


def test_refusal_and_restricted_pages_are_not_cached(client_for, wg_pages):
    refused = client_for("mitglied").get(wg_pages[0].url)
    assert "no-store" in refused["Cache-Control"] or "private" in refused["Cache-Control"]
    allowed = client_for("ag-mitglied").get(wg_pages[0].url)
    assert "private" in allowed["Cache-Control"]


def test_restricted_page_query_count(client_for, wg_pages):
    client = client_for("ag-mitglied")
    client.get(wg_pages[0].url)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(wg_pages[0].url)
    assert response.status_code == 200
    # Logged in: Wagtail adds the user bar and its permission checks (measured: 35).
    assert len(ctx) <= 36, [q["sql"] for q in ctx.captured_queries]
