"""Admin document listing and chooser: nobody sees another group's private document titles.

Permissions on the root collection would reach every working group's private
collection below it; members and translators therefore choose in the
"Öffentlich" collection and upload into their group's collection awaiting
release (moderation/document_release.py).
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("mitglied", [False, False]),
        ("ag-mitglied", [True, False]),
        ("ag2-mitglied", [False, True]),
        ("manager", [True, True]),
    ],
)
def test_document_titles_in_admin_listing_and_chooser(client_for, wg_documents, role, sees):
    client = client_for(role)
    for url in (reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose")):
        response = client.get(url)
        body = response.content.decode()
        if response.status_code != 200:
            assert not any(doc.title in body for doc in wg_documents)
            continue
        for doc, expected in zip(wg_documents, sees, strict=True):
            assert (doc.title in body) is expected, (role, url, doc.title)


def test_members_upload_into_their_collection_awaiting_release(users):
    """Members add documents only to "Zur Freigabe / Netzwerkmitglieder" (released by the integration
    management, moderation/document_release.py) and choose from it and from "Öffentlich"."""
    from wagtail.documents.permissions import permission_policy

    from portal.roles import MEMBERS, PUBLIC_COLLECTION

    added = permission_policy.collections_user_has_permission_for(users["mitglied"], "add")
    assert [c.name for c in added] == [MEMBERS]
    chosen = permission_policy.collections_user_has_permission_for(users["mitglied"], "choose")
    assert sorted(c.name for c in chosen) == sorted([PUBLIC_COLLECTION, MEMBERS])
