"""Fixtures of the API tests: JSON answers and the demo's restricted and public content."""

import json

import pytest
from wagtail.models import Page

from home.models import GuidePage
from network.models import InternalPage, NetworkAreaPage, WorkingGroupPage

RESTRICTED_TYPES = (NetworkAreaPage, WorkingGroupPage, InternalPage)


def get_json(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), url
    return json.loads(response.content)


def item_ids(data):
    """Ids of the items (``?fields=_,…`` may leave the id out)."""
    return [item["id"] for item in data["items"] if "id" in item]


@pytest.fixture
def api_get(client):
    def get(url, status=200, **extra):
        return get_json(client, url, status, **extra)

    return get


@pytest.fixture
def restricted_pages(db):
    pages = list(Page.objects.type(*RESTRICTED_TYPES).live())
    assert len(pages) == 7 * 7, "the demo's restricted area in seven locales"
    return pages


@pytest.fixture
def kursabbruch(db):
    """A public German guide page of the demo."""
    return GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")
