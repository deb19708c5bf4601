"""Admin wiring: dashboard panels, the coverage report, and the guards of the moderation rules."""

import json

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from portal.roles import is_manager, town_manager, translator_locales, translator_only

from . import document_release_admin, translation_access_hooks, urls  # noqa: F401  (their hooks)
from .forms import RequestChangesForm
from .models import comment_is_missing
from .panels import MANAGER_PANELS, AwaitingModerationPanel, ChangesRequestedPanel, OfferReviewPanel
from .role_panels import role_panels


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("moderation/", include((urls.admin_urlpatterns, "moderation"), namespace="moderation")),
    ]


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return ManagerMenuItem(
        _("Translation coverage"), reverse("moderation:coverage"), icon_name="globe", order=900
    )


@hooks.register("construct_homepage_panels")
def add_moderation_panels(request, panels):
    panels.append(ChangesRequestedPanel())
    if is_manager(request.user):
        panels.extend(panel() for panel in MANAGER_PANELS)
    elif town_manager(request.user):
        # A town's management: what waits for its approval (its town's workflow) and its town's offers.
        panels.extend([AwaitingModerationPanel(), OfferReviewPanel()])
    panels.extend(role_panels(request.user))


def _rejection_without_comment(request):
    """A 'Request changes' posted from an edit view without a comment."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return False
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    return comment_is_missing(request.POST.get("workflow-action-name"), extra.get("comment"))


def _refuse_rejection_without_comment(request):
    messages.error(request, RequestChangesForm.base_fields["comment"].error_messages["required"])
    return redirect(request.get_full_path())


@hooks.register("before_edit_page")
def guard_page_edit(request, page):
    """Comment on rejection; translators stay out of members-only areas.

    Page permissions cannot exclude a subtree, and a translator's locale tree
    holds aliases of the restricted network and working-group pages: the
    admin would show their internal text. Translators do not translate them.
    """
    if _rejection_without_comment(request):
        return _refuse_rejection_without_comment(request)
    if translator_only(request.user) and page.get_view_restrictions().exists():
        messages.error(request, _("Members-only pages are not translated; translators cannot open them."))
        return redirect("wagtailadmin_home")
    return None


@hooks.register("before_edit_snippet")
def guard_snippet_edit(request, instance):
    """Comment on rejection; translators only in their own locale (snippet permissions know no locales)."""
    if _rejection_without_comment(request):
        return _refuse_rejection_without_comment(request)
    if (
        isinstance(instance, TranslatableMixin)
        and translator_only(request.user)
        and instance.locale.language_code not in translator_locales(request.user)
    ):
        messages.error(
            request,
            _("You translate into %(languages)s only; this entry is in another language.")
            % {"languages": ", ".join(sorted(translator_locales(request.user)))},
        )
        return redirect("wagtailadmin_home")
    return None


@hooks.register("portal_role_collections")
def pending_upload_collections():
    """Members' and translators' uploads wait in their "Zur Freigabe" collection (document_release.py)."""
    from moderation.document_release import setup_pending_collections
    from portal.roles import PENDING_COLLECTION_PERMS

    return {
        name: [(collection, PENDING_COLLECTION_PERMS)]
        for name, collection in setup_pending_collections().items()
    }


@hooks.register("portal_after_setup_roles")
def approval_workflow(groups):
    """The approval workflow, once the site has a German home page (moderation/workflow.py)."""
    from django.conf import settings
    from wagtail.models import Page

    from moderation.workflow import setup_workflow
    from portal.roles import MANAGERS

    if Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).exists():
        setup_workflow(MANAGERS)
