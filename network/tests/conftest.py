"""Fixtures of the network tests: one user per role, the demo's restricted pages and documents."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model

from network.models import NetworkAreaPage, WorkingGroupPage
from portal.roles import MEMBERS, WORKING_GROUPS

ROLES = ["anonymous", "mitglied", "ag-mitglied", "ag2-mitglied", "manager"]


@pytest.fixture
def role_users(users):
    """{role: user or None}; ``ag2-mitglied`` is a member of the second working group."""
    user, _ = get_user_model().objects.get_or_create(
        username="ag2-mitglied", defaults={"email": "ag2@beckum.example"}
    )
    user.groups.add(Group.objects.get(name=MEMBERS), Group.objects.get(name=WORKING_GROUPS[1]))
    return {
        "anonymous": None,
        **{name: users[name] for name in ROLES[1:-1] if name in users},
        "ag2-mitglied": user,
        "manager": users["manager"],
    }


@pytest.fixture
def client_for(client, role_users):
    def make(role):
        client.logout()
        if role_users[role] is not None:
            client.force_login(role_users[role])
        return client

    return make


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
