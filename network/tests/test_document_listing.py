"""Admin document listing and chooser: nobody sees another group's private document titles.

Permissions on the root collection would reach every working group's private
collection below it; members and translators therefore work in the
"Öffentlich" collection only.
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


def test_members_upload_into_the_public_collection(client_for):
    from home.roles import PUBLIC_COLLECTION

    body = client_for("mitglied").get(reverse("wagtaildocs:add_multiple")).content.decode()
    assert PUBLIC_COLLECTION in body or "collection" not in body.lower()
