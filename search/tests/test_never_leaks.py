"""Nothing a visitor may not see reaches results, suggestions or counts.

Protects: drafts (new pages and unpublished changes of live pages), pages with a
view restriction on themselves or an ancestor, expired pages and offers,
private documents, members-only network areas and request submissions.
Each test searches for a word that only the hidden content contains and expects
a count of 0, no title, and no suggestion.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from search.models import SearchEntry
from search.registry import SEARCH_TYPES, active_types

from .conftest import result_total

pytestmark = pytest.mark.django_db

SECRET = "Geheimwortquarz"


def assert_not_found(client, word=SECRET, code="de"):
    response = client.get(f"/{code}/suche/", {"q": word})
    body = response.content.decode()
    assert result_total(response) == 0
    assert 'class="search-result' not in body
    assert client.get(f"/{code}/suche/vorschlaege/", {"q": word}).json()["suggestions"] == []


def assert_found(client, word=SECRET, code="de"):
    body = client.get(f"/{code}/suche/", {"q": word}).content.decode()
    assert 'class="search-result' in body


def test_draft_page_is_not_found(client, make_page):
    make_page(f"{SECRET} Entwurf", publish=False)
    assert_not_found(client)


def test_unpublished_changes_of_a_live_page_are_not_found(client, make_page):
    page = make_page("Öffentlicher Titel")
    page.title = f"{SECRET} im Entwurf"
    page.save_revision()  # a draft: the live page keeps its title
    assert_not_found(client)
    assert_found(client, "Öffentlicher")


def test_page_restricted_on_itself_is_not_found(client, make_page):
    page = make_page(f"{SECRET} intern")
    assert_found(client)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert_not_found(client)


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_page_under_a_restricted_ancestor_is_not_found(client, make_page, kind):
    page = make_page(f"{SECRET} unten")
    section = page.get_parent()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=kind, password="x" * 12)
    if kind == "groups":
        restriction.groups.set([Group.objects.first()])
    assert_not_found(client)
    # ...also not for a logged-in user of any role: the public search is public.
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    assert_not_found(client)


def test_expired_page_is_not_found_even_before_the_expiry_job_runs(client, make_page):
    page = make_page(f"{SECRET} abgelaufen")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    assert_not_found(client)


def test_private_document_is_not_found(client):
    collection = Collection.get_first_root_node().add_child(name="Intern (Test)")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    Document.objects.create(
        title=f"{SECRET} Protokoll", collection=collection, file=ContentFile(b"x", name="protokoll.txt")
    )
    assert_not_found(client)
    assert not any("document" in t.model_label.lower() for t in SEARCH_TYPES)


def test_members_only_areas_and_requests_are_never_registered():
    labels = {t.model_label.lower() for t in SEARCH_TYPES}
    for forbidden in (
        "network.networkareapage",
        "network.workinggrouppage",
        "network.internalpage",
        "personal_requests.mediatorrequest",
        "personal_requests.mentorshiprequest",
        "wagtaildocs.document",
    ):
        assert forbidden not in labels


def test_members_only_network_pages_are_not_found(client):
    from network.models import InternalPage

    page = InternalPage.objects.live().first()
    assert page is not None, "the demo content has an internal page"
    assert SearchEntry.objects.filter(
        model="home.guidepage"
    ).exists()  # positive control: the index is filled
    word = page.title.split()[0]
    body = client.get(f"/{page.locale.language_code}/suche/", {"q": page.title}).content.decode()
    assert f">{page.title}<" not in body, word


def test_request_submissions_are_not_found(client):
    from personal_requests.factories import MediatorRequestFactory

    MediatorRequestFactory(name=f"{SECRET} Anfrage")
    assert SearchEntry.objects.exists()  # positive control: the index is filled
    assert not SearchEntry.objects.filter(model__contains="request").exists()


def test_expired_offer_is_not_found(client):
    from offers import factories

    assert any(t.model_label == "offers.Offer" for t in active_types())
    today = timezone.localdate()
    offer = factories.OfferFactory(
        title=f"{SECRET} Kurs", valid_from=today - datetime.timedelta(days=30), valid_until=today, live=False
    )
    offer.save_revision().publish()  # indexed on publish, like every model with drafts
    assert_found(client)
    # The next day the offer has expired: no re-indexing is needed.
    offer.valid_until = today - datetime.timedelta(days=1)
    offer.save()
    assert_not_found(client)


def test_draft_offer_is_not_found(client):
    from offers import factories

    factories.OfferFactory(title=f"{SECRET} Entwurf", live=False)
    assert_not_found(client)


def test_counts_do_not_include_hidden_pages(client, make_page):
    make_page(f"{SECRET} eins", slug="eins")
    hidden = make_page(f"{SECRET} zwei", slug="zwei")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    make_page(f"{SECRET} drei", slug="drei", publish=False)
    assert result_total(client.get("/de/suche/", {"q": SECRET})) == 1
