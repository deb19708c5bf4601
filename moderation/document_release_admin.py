"""Admin side of document releases: the dashboard panel, the release action and the hooks.

Imported by ``moderation.wagtail_hooks``; the rule itself is in ``document_release``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.log_actions import LogFormatter

from portal.roles import is_manager

from .document_forms import ReleaseGuardedAddToCollection
from .document_release import RELEASE_ACTION, pending_collection_ids, release_document, waiting_documents
from .panels import LIST_LIMIT, DashboardPanel


@require_POST
def release(request, document_id):
    """Move a document awaiting release into the public collection (integration management only)."""
    if not is_manager(request.user):
        raise PermissionDenied
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.collection_id not in pending_collection_ids():
        messages.error(request, _("'%(title)s' is not waiting for release.") % {"title": document.title})
        return redirect("wagtailadmin_home")
    target = release_document(document, request.user)
    messages.success(
        request,
        _("'%(title)s' was released to the collection '%(collection)s'; anyone can download it now.")
        % {"title": document.title, "collection": target.name},
    )
    return redirect("wagtailadmin_home")


class DocumentsAwaitingReleasePanel(DashboardPanel):
    """Documents uploaded by members and translators, waiting for the integration management."""

    name = "moderation_documents_awaiting_release"
    template_name = "moderation/panels/documents_awaiting_release.html"
    order = 105

    def get_panel_data(self, request):
        documents = waiting_documents()
        return {
            "documents": [
                {
                    "document": document,
                    "edit_url": reverse("wagtaildocs:edit", args=[document.pk]),
                    "release_url": reverse("moderation:release_document", args=[document.pk]),
                }
                for document in documents[:LIST_LIMIT]
            ],
            "count": documents.count(),
        }


@hooks.register("construct_homepage_panels")
def add_release_panel(request, panels):
    if is_manager(request.user):
        panels.append(DocumentsAwaitingReleasePanel())


# Registered after Wagtail's own "Add to collection" (order 0), so this one replaces it.
hooks.register("register_bulk_action", ReleaseGuardedAddToCollection, order=100)


@hooks.register("register_log_actions")
def register_release_log_action(actions):
    @actions.register_action(RELEASE_ACTION)
    class ReleaseFormatter(LogFormatter):
        label = gettext_lazy("Release document")

        def format_message(self, log_entry):
            return _("Released to the collection '%(collection)s'") % {
                "collection": log_entry.data.get("to", ""),
            }
