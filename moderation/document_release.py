"""Releasing a document to the public is a publication: the integration management decides.

* Network members and translators upload into a collection "Zur Freigabe"
  (awaiting release) of their own group: one child collection per uploading
  group below a parent "Zur Freigabe". Each child is restricted to its group
  and the integration management; the parent to the integration management
  and every uploading group. Wagtail's serve view (``/documents/<id>/<file>``)
  checks both, so nobody else gets the file.
* Only the integration management (and superusers) puts a document into a
  public collection (one without a view restriction), and only they move a
  document out of a working group's collection: ``may_place_document`` is the
  rule; the document forms (``ReleaseGuardedDocumentForm``: upload, edit,
  multiple upload, chooser upload) and the bulk action "Add to collection"
  (``ReleaseGuardedAddToCollection``) ask it.
* The manager dashboard lists what waits (``waiting_documents``) with a
  release button (``release_document``, written to the audit log).

``setup_pending_collections`` is called by ``portal.roles.setup_roles`` through
moderation's ``portal_role_collections`` hook.
"""

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction

from network.restrictions import restrict
from portal.roles import MANAGERS, MEMBERS, WORKING_GROUPS, is_manager, public_collection

PENDING_COLLECTION = "Zur Freigabe"
RELEASE_ACTION = "moderation.release_document"


def uploading_groups():
    """Groups whose uploads wait for release: network members and every translator group."""
    from portal.roles import translator_group_name, translator_languages

    return [MEMBERS, *(translator_group_name(code) for code in translator_languages())]


def _child(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


@transaction.atomic
def setup_pending_collections():
    """Create or repair "Zur Freigabe" and its per-group children; returns {group name: collection}."""
    root = Collection.get_first_root_node()
    groups = uploading_groups()
    parent = _child(root, PENDING_COLLECTION)
    restrict(parent, [MANAGERS, *groups])
    children = {}
    for name in groups:
        child = _child(parent, name)
        restrict(child, [MANAGERS, name])
        children[name] = child
    return children


def pending_root():
    return Collection.get_first_root_node().get_children().filter(name=PENDING_COLLECTION).first()


def pending_collection_ids():
    parent = pending_root()
    if parent is None:
        return []
    return list(parent.get_descendants(inclusive=True).values_list("pk", flat=True))


def waiting_documents():
    """Documents awaiting release, newest first."""
    return (
        get_document_model()
        .objects.filter(collection_id__in=pending_collection_ids())
        .select_related("collection", "uploaded_by_user")
        .order_by("-created_at")
    )


def is_public(collection):
    return not collection.get_view_restrictions().exists()


def working_group_of(collection):
    """True if a view restriction on the collection (or above it) names a working group."""
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True), groups__name__in=WORKING_GROUPS
    ).exists()


def may_place_document(user, current, target):
    """May ``user`` put a document now in ``current`` (None: a new upload) into ``target``?"""
    if is_manager(user):
        return True
    if current is not None and current.pk == target.pk:
        return True
    if is_public(target):
        return False  # a release: integration management only
    return not (current is not None and working_group_of(current))


def release_document(document, user):
    """Move ``document`` into the public collection; logged as a release."""
    target = public_collection()
    origin = document.collection
    document.collection = target
    document.save(update_fields=["collection"])
    log(
        instance=document,
        action=RELEASE_ACTION,
        user=user,
        data={"from": origin.name, "to": target.name},
    )
    return target
