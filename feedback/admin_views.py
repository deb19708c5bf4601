"""The integration management's view of the answers: listing, CSV, deleting a comment.

Only ``portal.roles.is_manager`` (the integration management and superusers) may open any
of them; everybody else with admin access gets 403, anonymous readers the admin login.
"""

import csv
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.roles import is_manager

from . import report
from .models import Feedback

CSV_COLUMNS = [
    "kind",
    "title",
    "language",
    "votes",
    "yes",
    "no",
    "share_no_percent",
    "last_answer",
    "comments",
]


def manager_only(view):
    """403 for everyone but the integration management (Wagtail would turn PermissionDenied
    into a redirect to the dashboard, which hides the refusal from the browser and the tests)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_manager(request.user):
            response = TemplateResponse(
                request,
                "network/admin/refused.html",
                {
                    "title": _("No access"),
                    "message": _("Only the integration management may open the readers' feedback."),
                },
                status=403,
            )
            response["Cache-Control"] = "private, no-cache, no-store"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _language(request):
    code = request.GET.get("language", "")
    return code if code in dict(settings.LANGUAGES) else ""


@manager_only
def listing(request):
    language = _language(request)
    rows = report.rows(language)
    if request.GET.get("format") == "csv":
        return _csv(rows)
    return TemplateResponse(
        request,
        "feedback/admin/listing.html",
        {"rows": rows, "languages": settings.LANGUAGES, "language": language},
    )


def _csv(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="reader-feedback.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        comments = "\n".join(f"{c.created.isoformat()}: {c.comment}" for c in row.comments)
        writer.writerow(
            [
                row.kind,
                report.csv_cell(row.title),
                row.language,
                row.votes,
                row.yes,
                row.no,
                row.share_no,
                row.last.isoformat() if row.last else "",
                report.csv_cell(comments),
            ]
        )
    return response


@manager_only
@require_POST
def delete_comment(request, pk):
    """Empty the comment; the yes/no answer stays in the figures."""
    answer = get_object_or_404(Feedback, pk=pk)
    answer.comment = ""
    answer.save(update_fields=["comment"])
    messages.success(request, _("The comment was deleted. The answer still counts."))
    return redirect("feedback_admin:listing")
