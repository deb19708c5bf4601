"""Fixtures of the network tests: the demo's restricted pages and documents (role users: root conftest)."""

import pytest
from wagtail.documents import get_document_model

from network.models import NetworkAreaPage, WorkingGroupPage
from portal.roles import WORKING_GROUPS


@pytest.fixture
def area(db):
    return NetworkAreaPage.objects.get(locale__language_code="de", slug="netzwerk-intern")


@pytest.fixture
def wg_pages(db):
    """[WG 1 page, WG 2 page] in German, in the order of portal.roles.WORKING_GROUPS."""
    pages = {
        p.group.name: p
        for p in WorkingGroupPage.objects.filter(locale__language_code="de").select_related("group")
    }
    return [pages[name] for name in WORKING_GROUPS]


@pytest.fixture
def wg_documents(wg_pages):
    Document = get_document_model()
    return [Document.objects.filter(collection=page.collection).order_by("pk").first() for page in wg_pages]
