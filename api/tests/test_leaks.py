"""The public read API never names restricted, draft, expired, unpublished or personal content.

The leak matrix of the site (network/tests/test_leaks.py) extended to ``/api/``: listing,
``?fields=*``, ``?fields=_,body``, ``?child_of=`` and ``?descendant_of=`` a restricted page,
``?search=``, detail by id, ``find/?html_path=`` (detail by path), news, events, offers,
organisations, and the images and documents endpoints (not mounted: 404). A public guide
page is given links and downloads to a restricted page and to a working group's document;
the answers carry the public ones and not the restricted ones. Every "must not appear"
has a positive control that the public counterpart does appear. Signed-in members of the
working group get the same public answers.
"""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from home.models import GuideIndexPage, GuidePage, HomePage
from network.models import NetworkAreaPage, NewsPage
from offers.models import Offer
from offers.queries import public_offers
from personal_requests.factories import MediatorRequestFactory

from .conftest import item_ids

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "API-Test Entwurf: geheime Gliederung"
DRAFT_REVISION_TITLE = "API-Test: unveröffentlichte Änderung"


@pytest.fixture
def scene(kursabbruch, restricted_pages):
    """Restricted, draft, expired, unpublished and personal content next to public content."""
    Document = get_document_model()
    restricted_collections = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restricted_collections |= set(restriction.collection.get_descendants(inclusive=True))
    restricted_documents = list(Document.objects.filter(collection__in=restricted_collections))
    assert restricted_documents, "the demo's working-group documents"
    public_document = Document.objects.create(
        title="Merkblatt Sprachkurse (öffentlich)",
        file=ContentFile(b"Merkblatt", name="merkblatt-sprachkurse.txt"),
        collection=Collection.get_first_root_node(),
    )
    wg_page = next(p for p in restricted_pages if p.locale.language_code == "de" and p.depth == 4)
    public_target = GuidePage.objects.get(locale__language_code="de", slug="sprachmittlung")
    secret = restricted_documents[0]
    kursabbruch.body.append(
        (
            "paragraph",
            f'<p><a linktype="document" id="{secret.pk}">Modellpapier</a> '
            f'<a linktype="page" id="{wg_page.pk}">AG-Seite</a> '
            f'<a linktype="page" id="{public_target.pk}">Sprachmittlung</a> '
            f'<a linktype="document" id="{public_document.pk}">Merkblatt</a></p>',
        )
    )
    kursabbruch.body.append(("downloads", {"title": "Downloads", "documents": [public_document, secret]}))
    kursabbruch.body.append(
        (
            "links",
            {
                "title": "Links",
                "links": [
                    {"label": "AG", "url": "", "page": wg_page},
                    {"label": "Sprachmittlung", "url": "", "page": public_target},
                ],
            },
        )
    )
    kursabbruch.save_revision().publish()
    kursabbruch.refresh_from_db()
    kursabbruch.title = DRAFT_REVISION_TITLE
    kursabbruch.save_revision()  # a draft change of a live page: never shown
    kursabbruch.refresh_from_db()

    section = kursabbruch.get_parent()
    draft = section.add_child(instance=GuidePage(title=DRAFT_TITLE, slug="api-test-entwurf", live=False))

    today = timezone.localdate()
    german = list(public_offers(kursabbruch.locale))
    expired, unpublished, kept = german[0], german[1], german[2]
    # Unmistakable titles: the real ones may also appear in a guide page's prose.
    Offer.objects.filter(translation_key=expired.translation_key).update(
        title="API-Test: abgelaufenes Angebot",
        valid_from=today - datetime.timedelta(days=30),
        valid_until=today - datetime.timedelta(days=1),
    )
    Offer.objects.filter(translation_key=unpublished.translation_key).update(
        title="API-Test: zurückgezogenes Angebot", live=False
    )
    hidden_offers = list(
        Offer.objects.filter(translation_key__in=[expired.translation_key, unpublished.translation_key])
    )
    personal = MediatorRequestFactory(name="Leyla Geheimnisträgerin", email="leyla@geheim.example")

    public_titles = set(Page.objects.live().public().values_list("title", flat=True))
    restricted_titles = {p.title for p in restricted_pages} - public_titles
    assert restricted_titles
    return {
        "restricted_ids": {p.pk for p in restricted_pages},
        "restricted_urls": {p.url for p in restricted_pages},
        "restricted_titles": restricted_titles,
        "wg_page": wg_page,
        "area": NetworkAreaPage.objects.get(locale__language_code="de"),
        "documents": restricted_documents,
        "public_document": public_document,
        "public_target": public_target,
        "draft": draft,
        "hidden_offers": hidden_offers,
        "kept_offer": kept,
        "personal": personal,
        "guide": kursabbruch,
    }


def assert_clean(scene, text, page_ids=()):
    """Nothing of the scene's hidden content in an answer."""
    assert not set(page_ids) & scene["restricted_ids"]
    assert scene["draft"].pk not in page_ids
    for url in scene["restricted_urls"]:
        assert url not in text, url
    assert "netzwerk-intern" not in text
    for title in scene["restricted_titles"]:
        assert title not in text, title
    for document in scene["documents"]:
        assert f"/documents/{document.pk}/" not in text and document.title not in text
    assert DRAFT_TITLE not in text and DRAFT_REVISION_TITLE not in text
    for offer in scene["hidden_offers"]:
        assert offer.title not in text, offer.title
    assert scene["personal"].name not in text and scene["personal"].email not in text


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response


def listing(client, scene, url):
    response = get(client, url)
    text = response.content.decode()
    data = json.loads(text)
    ids = item_ids(data)
    if "/pages/" in url or "/news/" in url or "/events/" in url:
        assert_clean(scene, text, ids)
    else:
        assert_clean(scene, text)
    return data, text


def test_page_listings_name_no_restricted_or_draft_page(client, scene):
    guide = scene["guide"]
    for url in [
        "/api/v2/pages/?locale=de&type=home.GuidePage&limit=50",
        "/api/v2/pages/?locale=de&type=home.GuidePage&limit=50&fields=*",
        "/api/v2/pages/?locale=de&type=home.GuidePage&limit=50&fields=_,body",
        "/api/v2/pages/?locale=de&limit=50&fields=*",
        "/api/v2/pages/?limit=50&offset=0&fields=*",
        "/api/v2/pages/?limit=50&offset=50",
        "/api/v2/pages/?limit=50&offset=100",
        "/api/v2/pages/?limit=50&offset=150",
        "/api/v2/pages/?limit=50&offset=200",
        "/api/v2/pages/?limit=50&offset=250",
    ]:
        data, text = listing(client, scene, url)
        if "GuidePage" in url:  # positive control: the public guide page is there, live title or body
            assert guide.pk in item_ids(data) or "fields=_," in url
            assert guide.title in text or "fields=_," in url
            assert "Merkblatt Sprachkurse (öffentlich)" in text or "body" not in url
    # All pages of all locales together: every public one, none of the restricted ones.
    seen = set()
    for offset in range(0, 400, 50):
        seen |= set(item_ids(json.loads(get(client, f"/api/v2/pages/?limit=50&offset={offset}").content)))
    assert guide.pk in seen and scene["public_target"].pk in seen
    assert not seen & scene["restricted_ids"]


def test_body_links_only_public_pages_and_documents(client, scene):
    guide, public_document = scene["guide"], scene["public_document"]
    for url in [f"/api/v2/pages/{guide.pk}/", f"/api/v2/pages/{guide.pk}/?fields=_,body"]:
        text = get(client, url).content.decode()
        assert_clean(scene, text)
        assert f"/documents/{public_document.pk}/" in text and public_document.title in text
        assert scene["public_target"].get_full_url() in text  # the public link target stays
        assert f'"id": {scene["wg_page"].pk}' not in text
        assert "<a>AG-Seite</a>" in text and "<a>Modellpapier</a>" in text  # the text, no link
    body = json.loads(get(client, f"/api/v2/pages/{guide.pk}/?fields=_,body").content)["body"]
    downloads = next(block for block in body if block["type"] == "downloads")
    assert [d["id"] for d in downloads["value"]["documents"]] == [public_document.pk]
    links = next(block for block in body if block["type"] == "links" and block["value"]["title"] == "Links")
    assert [link["page"] for link in links["value"]["links"]] == [
        None,
        {
            "id": scene["public_target"].pk,
            "title": scene["public_target"].title,
            "url": scene["public_target"].get_full_url(),
        },
    ]


def test_child_of_and_descendant_of_a_restricted_page_are_refused(client, scene):
    area, wg_page = scene["area"], scene["wg_page"]
    for param in ("child_of", "descendant_of", "ancestor_of"):
        for page in (area, wg_page):
            response = get(client, f"/api/v2/pages/?{param}={page.pk}", status=400)
            assert_clean(scene, response.content.decode())
            assert json.loads(response.content)["message"]
    # Positive controls: the same filters on the public home page list its public children.
    home = HomePage.objects.get(locale__language_code="de")
    data, _text = listing(client, scene, f"/api/v2/pages/?child_of={home.pk}&limit=50")
    sections = set(GuideIndexPage.objects.filter(locale__language_code="de").values_list("pk", flat=True))
    assert sections <= set(item_ids(data))
    data, _text = listing(client, scene, f"/api/v2/pages/?descendant_of={home.pk}&limit=50&fields=*")
    assert data["meta"]["total_count"] > 20
    data, _text = listing(
        client, scene, f"/api/v2/pages/?descendant_of={home.pk}&type=home.GuidePage&limit=50"
    )
    assert scene["guide"].pk in item_ids(data)


def test_search_finds_no_restricted_page(client, scene):
    # The unfiltered Wagtail search does find restricted pages for these words: the API must not.
    restricted_hits = {p.pk for p in Page.objects.live().search("Anlaufstelle")}
    assert restricted_hits & scene["restricted_ids"]
    for term in ["Anlaufstelle", "Protokoll", "Arbeitsgruppe", "Modellpapier", "Entwurf"]:
        for url in [
            f"/api/v2/pages/?search={term}&limit=50",
            f"/api/v2/pages/?search={term}&fields=*&limit=50",
        ]:
            listing(client, scene, url)
    data, _text = listing(client, scene, "/api/v2/pages/?search=Sprachkurse&locale=de&limit=50")
    assert item_ids(data)  # positive control: public pages are found
    for term in ["abgelaufenes", "zurückgezogenes", "Leyla"]:
        listing(client, scene, f"/api/v2/offers/?search={term}&limit=50")
    kept = scene["kept_offer"]
    data, _text = listing(client, scene, f"/api/v2/offers/?search={kept.title.split()[0]}&locale=de&limit=50")
    assert kept.pk in item_ids(data)


def test_detail_by_id_and_by_path(client, scene):
    for page in [scene["area"], scene["wg_page"], scene["draft"]]:
        response = get(client, f"/api/v2/pages/{page.pk}/", status=404)
        assert_clean(scene, response.content.decode())
        assert json.loads(response.content) == {"message": "No Page matches the given query."}
    restricted = [p for p in Page.objects.filter(pk__in=scene["restricted_ids"]).select_related("locale")][
        :14
    ]
    for page in restricted:
        get(client, f"/api/v2/pages/{page.pk}/", status=404)
        response = get(client, f"/api/v2/pages/find/?html_path={page.url}", status=404)
        assert_clean(scene, response.content.decode())
    # Positive controls: the public page by id and by path (a redirect to its detail URL).
    guide = scene["guide"]
    detail = json.loads(get(client, f"/api/v2/pages/{guide.pk}/").content)
    assert detail["id"] == guide.pk and detail["meta"]["language"] == "de"
    response = get(client, f"/api/v2/pages/find/?html_path={guide.url}", status=302)
    assert response["Location"].split("?")[0].endswith(f"/api/v2/pages/{guide.pk}/")
    ar_guide = guide.get_translation(guide.locale.__class__.objects.get(language_code="ar"))
    response = get(client, f"/api/v2/pages/find/?html_path={ar_guide.url}", status=302)
    assert response["Location"].split("?")[0].endswith(f"/api/v2/pages/{ar_guide.pk}/")


def test_offers_and_organisations_hide_expired_unpublished_and_personal(client, scene):
    hidden = {o.pk for o in scene["hidden_offers"]}
    seen = set()
    for locale in ["", "&locale=de", "&locale=ar", "&locale=fa", "&lang=tr"]:
        for offset in range(0, 200, 50):
            data, _text = listing(client, scene, f"/api/v2/offers/?limit=50&offset={offset}&fields=*{locale}")
            seen |= set(item_ids(data))
        data, _text = listing(client, scene, f"/api/v2/organisations/?limit=50&fields=*{locale}")
    assert not seen & hidden
    assert scene["kept_offer"].pk in seen  # positive control
    for offer in scene["hidden_offers"]:
        response = get(client, f"/api/v2/offers/{offer.pk}/", status=404)
        assert offer.title not in response.content.decode()
        get(client, f"/api/v2/offers/find/?slug={offer.slug}&locale={offer.locale.language_code}", status=404)
    kept = scene["kept_offer"]
    assert json.loads(get(client, f"/api/v2/offers/{kept.pk}/").content)["title"] == kept.title
    get(client, f"/api/v2/offers/find/?slug={kept.slug}&locale=de", status=302)


def test_news_and_events_are_public_ones_only(client, scene):
    for url in [
        "/api/v2/news/?fields=*&limit=50",
        "/api/v2/events/?fields=*&limit=50",
        "/api/v2/events/?upcoming=true",
    ]:
        data, _text = listing(client, scene, url)
        assert data["items"]  # positive control: the demo's news and events
    news = NewsPage.objects.live().filter(locale__language_code="de").first()
    data, _text = listing(client, scene, "/api/v2/news/?locale=de&limit=50")
    assert news.pk in item_ids(data)


def test_images_and_documents_endpoints_are_not_mounted(client, scene):
    assert get(client, "/api/v2/pages/").status_code == 200  # positive control: the API is there
    for url in [
        "/api/v2/images/",
        "/api/v2/documents/",
        f"/api/v2/documents/{scene['documents'][0].pk}/",
        f"/api/v2/documents/{scene['public_document'].pk}/",
        "/api/v2/images/1/",
        "/api/v2/documents/find/?id=1",
    ]:
        response = get(client, url, status=404)
        assert response["Content-Type"] == "application/json"
        assert_clean(scene, response.content.decode())


def test_signed_in_working_group_member_gets_only_public_content(client_for, scene):
    client = client_for("ag-mitglied")
    for url in [
        "/api/v2/pages/?locale=de&limit=50&fields=*",
        "/api/v2/pages/?search=Anlaufstelle",
        f"/api/v2/pages/?child_of={scene['area'].pk}",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 400)
        assert_clean(
            scene,
            response.content.decode(),
            item_ids(json.loads(response.content)) if response.status_code == 200 else (),
        )
    get(client, f"/api/v2/pages/{scene['wg_page'].pk}/", status=404)
    assert (
        client.get(scene["wg_page"].url).status_code == 200
    )  # positive control: on the site they may read it
