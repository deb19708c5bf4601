"""Admin views: the translation coverage report and 'submit translation for approval'."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import Translation

from home.roles import is_manager, translator_locales, translator_only

from . import coverage
from .translation_drafts import save_translation_revision

CSV_COLUMNS = ["locale", "kind", "title", "status", "source_edit_url", "translation_edit_url"]


def coverage_report(request):
    if not is_manager(request.user):
        raise PermissionDenied
    rows = coverage.coverage_rows()
    status_filter = request.GET.get("status")
    if status_filter in coverage.STATUS_LABELS:
        rows = [r for r in rows if r.status == status_filter]
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-coverage.csv"'
        base = request.build_absolute_uri("/")[:-1]
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.locale,
                    row.kind,
                    row.title,
                    row.status,
                    base + row.source_edit_url if row.source_edit_url else "",
                    base + row.translation_edit_url if row.translation_edit_url else "",
                ]
            )
        return response
    return TemplateResponse(
        request,
        "moderation/coverage.html",
        {
            "rows": rows,
            "summary": coverage.summary(rows),
            "statuses": coverage.STATUS_LABELS,
            "status_filter": status_filter,
        },
    )


def _edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def _user_can_edit(user, instance):
    if isinstance(instance, Page):
        if translator_only(user) and instance.get_view_restrictions().exists():
            return False
        return instance.permissions_for_user(user).can_edit()
    policy = getattr(getattr(instance, "snippet_viewset", None), "permission_policy", None)
    if policy is not None:
        allowed = policy.user_has_permission_for_instance(user, "change", instance)
    else:
        allowed = user_can_edit_snippet_type(user, type(instance))
    if not allowed:
        return False
    locales = translator_locales(user)
    return not translator_only(user) or instance.locale.language_code in locales


def _locked_for(user, instance):
    lock = instance.get_lock() if hasattr(instance, "get_lock") else None
    return lock.get_message(user) if lock and lock.for_user(user) else None


@require_POST
def submit_translation(request, translation_id):
    """Save the translation as a draft revision and start the approval workflow on it."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        instance = translation.get_target_instance()
    except Exception as error:  # the target was deleted or never created
        raise PermissionDenied from error
    if not _user_can_edit(request.user, instance):
        raise PermissionDenied
    edit_url = _edit_url(instance)
    if instance.workflow_in_progress:
        messages.error(
            request,
            _("This translation is already waiting for approval. Nothing was changed."),
        )
        return redirect(edit_url)
    locked = _locked_for(request.user, instance)
    if locked:
        messages.error(request, _("The translation was not submitted: %(reason)s") % {"reason": locked})
        return redirect(edit_url)
    workflow = instance.get_workflow()
    if workflow is None or not workflow.active:
        messages.error(
            request, _("No approval workflow applies to this item. Ask the integration management.")
        )
        return redirect(edit_url)
    instance = save_translation_revision(translation, request.user)
    workflow.start(instance, request.user)
    messages.success(
        request,
        _("The %(language)s translation of '%(title)s' was submitted for approval.")
        % {"language": translation.target_locale.get_display_name(), "title": str(instance)},
    )
    return redirect(edit_url)


def convert_to_alias_guard(request, page_id):
    """Converting a translation back into an alias replaces the live text at once: publishers only.

    wagtail-localize's view only asks for the edit right, which translators and
    members have; without this guard they could change a live page unmoderated.
    """
    from wagtail_localize.views.convert import convert_to_alias

    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
