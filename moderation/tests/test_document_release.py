"""Issue 9, hole 4: releasing a document to the public is a publication by the integration management.

Scenario protected: a member's upload is not downloadable by anyone outside
the member's group and the integration management until a manager releases
it; no member or working-group member moves a document into a public
collection (or out of a working group's collection) by any route — the edit
form, the multiple-upload edit step, the bulk action "Add to collection";
the manager's release from the dashboard makes the download public.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, ModelLogEntry

from moderation.document_release import PENDING_COLLECTION, RELEASE_ACTION, pending_root
from portal.roles import MEMBERS, PUBLIC_COLLECTION, WORKING_GROUPS, public_collection, setup_roles

pytestmark = pytest.mark.django_db

Document = get_document_model()
CONTENT = b"Interner Entwurf, noch nicht freigegeben."


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def login_url_redirect(response):
    return response.status_code == 302 and "login" in response["Location"]


def upload(client, username, users, title="Flyer Sprachcafé"):
    client.force_login(users[username])
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile("flyer.txt", CONTENT)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(title=title)


def ag_collection():
    return Collection.objects.get(name=WORKING_GROUPS[0])


def edit_form_data(document, collection):
    return {"title": document.title, "collection": collection.pk}


def test_member_upload_waits_for_release_and_is_not_public(client, users):
    document = upload(client, "mitglied", users)
    assert document.collection.name == MEMBERS
    assert document.collection.get_parent().name == PENDING_COLLECTION
    # The uploader (and their group) and the integration management download it ...
    for username in ("mitglied", "ag-mitglied", "manager"):
        client.force_login(users[username])
        response = client.get(serve_url(document))
        assert response.status_code == 200, username
        assert b"".join(response.streaming_content) == CONTENT
    # ... nobody else: anonymous readers go to the login form, the translator gets 403.
    client.logout()
    response = client.get(serve_url(document))
    assert login_url_redirect(response)
    client.force_login(users["uebersetzer"])
    response = client.get(serve_url(document))
    assert response.status_code == 403
    assert CONTENT not in response.content


def test_translator_upload_waits_in_the_translators_collection(client, users):
    document = upload(client, "uebersetzer", users, title="نشرة")
    assert document.collection.name == "Übersetzung ar"
    client.force_login(users["mitglied"])
    assert client.get(serve_url(document)).status_code == 403
    client.logout()
    assert login_url_redirect(client.get(serve_url(document)))


def test_member_cannot_move_the_upload_to_the_public_collection(client, users):
    document = upload(client, "mitglied", users)
    public = public_collection()
    pending = document.collection
    # The edit form: the public collection is not offered, and posting it anyway is refused.
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    assert f'value="{public.pk}"' not in response.content.decode()
    client.post(reverse("wagtaildocs:edit", args=[document.pk]), edit_form_data(document, public))
    document.refresh_from_db()
    assert document.collection_id == pending.pk
    # The multiple-upload edit step.
    client.post(
        reverse("wagtaildocs:edit_multiple", args=[document.pk]),
        {f"doc-{document.pk}-title": document.title, f"doc-{document.pk}-collection": public.pk},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    document.refresh_from_db()
    assert document.collection_id == pending.pk
    # The bulk action "Add to collection".
    url = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "add_to_collection"])
    client.post(f"{url}?id={document.pk}", {"collection": public.pk})
    document.refresh_from_db()
    assert document.collection_id == pending.pk
    client.logout()
    assert login_url_redirect(client.get(serve_url(document)))


def test_manager_releases_from_the_dashboard(client, users):
    document = upload(client, "mitglied", users)
    client.force_login(users["manager"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    release_url = reverse("moderation:release_document", args=[document.pk])
    assert "Documents waiting for release" in dashboard
    assert document.title in dashboard and release_url in dashboard
    # Members see no such panel and cannot release.
    client.force_login(users["mitglied"])
    assert release_url not in client.get(reverse("wagtailadmin_home")).content.decode()
    refusal = client.post(release_url)
    assert refusal.status_code == 403 or refusal["Location"] == reverse("wagtailadmin_home")
    document.refresh_from_db()
    assert document.collection.name == MEMBERS

    client.force_login(users["manager"])
    response = client.post(release_url, follow=True)
    assert "anyone can download it now" in response.content.decode()
    document.refresh_from_db()
    assert document.collection.name == PUBLIC_COLLECTION
    assert ModelLogEntry.objects.filter(action=RELEASE_ACTION, object_id=str(document.pk)).exists()
    # No longer waiting (the title may still show in the recent activity panel).
    assert release_url not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    response = client.get(serve_url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT


def test_manager_may_release_through_the_edit_form(client, users):
    document = upload(client, "mitglied", users)
    client.force_login(users["manager"])
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), edit_form_data(document, public_collection())
    )
    document.refresh_from_db()
    assert document.collection.name == PUBLIC_COLLECTION


@pytest.fixture
def ag_document(db):
    document = Document(title="AG-Papier intern", collection=ag_collection())
    document.file.save("ag-papier.txt", ContentFile(CONTENT), save=False)
    document.save()
    return document


def test_working_group_member_cannot_move_a_group_document_out(client, users, ag_document):
    client.force_login(users["ag-mitglied"])
    members_pending = pending_root().get_children().get(name=MEMBERS)
    for target in (public_collection(), Collection.get_first_root_node(), members_pending):
        response = client.post(
            reverse("wagtaildocs:edit", args=[ag_document.pk]), edit_form_data(ag_document, target)
        )
        assert response.status_code == 200  # the form again, with the error
        ag_document.refresh_from_db()
        assert ag_document.collection_id == ag_collection().pk, target.name
        url = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "add_to_collection"])
        client.post(f"{url}?id={ag_document.pk}", {"collection": target.pk})
        ag_document.refresh_from_db()
        assert ag_document.collection_id == ag_collection().pk, target.name
    # Positive control: the same form saves a new title in place.
    client.post(
        reverse("wagtaildocs:edit", args=[ag_document.pk]),
        {"title": "AG-Papier überarbeitet", "collection": ag_collection().pk},
    )
    ag_document.refresh_from_db()
    assert ag_document.title == "AG-Papier überarbeitet"
    client.logout()
    assert login_url_redirect(client.get(serve_url(ag_document)))


def test_refusal_message_in_the_form(client, users, ag_document):
    """The one non-public collection ag-mitglied may add to besides the group's: refused with a reason."""
    client.force_login(users["ag-mitglied"])
    members_pending = pending_root().get_children().get(name=MEMBERS)
    response = client.post(
        reverse("wagtaildocs:edit", args=[ag_document.pk]), edit_form_data(ag_document, members_pending)
    )
    assert response.status_code == 200
    assert "Only the integration management can put a document into a public collection" in (
        response.content.decode()
    )
    ag_document.refresh_from_db()
    assert ag_document.collection_id == ag_collection().pk


def test_manager_moves_a_group_document_with_the_bulk_action(client, users, ag_document):
    client.force_login(users["manager"])
    url = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "add_to_collection"])
    client.post(f"{url}?id={ag_document.pk}", {"collection": public_collection().pk})
    ag_document.refresh_from_db()
    assert ag_document.collection.name == PUBLIC_COLLECTION


def test_setup_roles_is_idempotent_for_pending_collections(users):
    setup_roles()
    setup_roles()
    parent = pending_root()
    names = sorted(parent.get_children().values_list("name", flat=True))
    assert names.count(MEMBERS) == 1 and "Übersetzung ar" in names
    assert Collection.objects.filter(name=PENDING_COLLECTION).count() == 1
    for child in parent.get_children():
        restriction = child.view_restrictions.get()
        assert sorted(restriction.groups.values_list("name", flat=True)) == sorted(
            ["Integrationsmanagement", child.name]
        )


def test_admin_document_api_hides_waiting_documents_from_other_groups(client, users):
    document = upload(client, "mitglied", users)
    url = reverse("wagtailadmin_api:documents:listing") + f"?id={document.pk}"
    for username, sees in (("mitglied", True), ("manager", True), ("uebersetzer", False)):
        client.force_login(users[username])
        response = client.get(url)
        assert response.status_code == 200
        assert (document.title in response.content.decode()) is sees, username


def test_every_upload_route_lands_in_the_collection_awaiting_release(client, users):
    """The multiple uploader and the chooser's upload form: a member's file waits too, even when the
    public collection is posted by hand."""
    client.force_login(users["mitglied"])
    public = public_collection()
    client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("mehrfach.txt", CONTENT), "collection": public.pk},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Aus dem Auswahldialog",
            "document-chooser-upload-file": SimpleUploadedFile("auswahl.txt", CONTENT),
            "document-chooser-upload-collection": public.pk,
        },
    )
    uploaded = Document.objects.filter(uploaded_by_user=users["mitglied"])
    assert uploaded.count() == 2
    assert set(uploaded.values_list("collection__name", flat=True)) == {MEMBERS}
    client.logout()
    for document in uploaded:
        assert login_url_redirect(client.get(serve_url(document)))
