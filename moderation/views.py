"""Admin views: the translation coverage report and 'submit translation for approval'."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from portal.admin_urls import admin_edit_url
from portal.roles import is_manager

from . import coverage
from .translation_access import may_translate
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
    return admin_edit_url(instance)


def _user_can_edit(user, instance):
    return may_translate(user, instance)


def _locked_for(user, instance):
    lock = instance.get_lock() if hasattr(instance, "get_lock") else None
    return lock.get_message(user) if lock and lock.for_user(user) else None


def _errors(instance, error):
    """'Field: message' for each invalid translated field, in the admin's language."""
    parts = []
    for field, field_messages in error.message_dict.items() if hasattr(error, "error_dict") else []:
        try:
            label = str(instance._meta.get_field(field).verbose_name)
        except Exception:  # noqa: BLE001 — NON_FIELD_ERRORS and properties
            label = ""
        label = label[:1].upper() + label[1:]
        parts.append(f"{label}: {' '.join(field_messages)}" if label else " ".join(field_messages))
    return "; ".join(parts) or " ".join(error.messages)


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
    try:
        instance = save_translation_revision(translation, request.user)
    except ValidationError as error:
        reason = _errors(instance, error)
        messages.error(request, _("The translation was not submitted: %(reason)s") % {"reason": reason})
        return redirect(edit_url)
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # Changes were requested: the same workflow resumes with the new revision (Wagtail's editor
        # does the same); starting a second one would break "one workflow per object".
        state.resume(request.user)
    else:
        workflow.start(instance, request.user)
    # Other apps check the submitted translation (the glossary: terms to avoid, German terms in brackets).
    for check in hooks.get_hooks("translation_submitted"):
        check(request, translation)
    messages.success(
        request,
        _("The %(language)s translation of '%(title)s' was submitted for approval.")
        % {"language": translation.target_locale.get_display_name(), "title": str(instance)},
    )
    return redirect(edit_url)
