"""Panels on the Wagtail admin home for the integration management.

Each panel runs a fixed number of queries, whatever the amount of content.
Panels for content types of other apps (offers, requests) render a short
"not available" note when that app's models are not installed.
"""

import datetime
import os

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState, WorkflowState

from portal.admin_urls import admin_edit_url
from portal.roles import user_towns
from portal.sites import for_sites

from . import coverage

RECENT_ACTIVITY = 10
LIST_LIMIT = 10
EXPIRY_DAYS = 30


def review_months():
    value = getattr(settings, "MODERATION_REVIEW_MONTHS", None) or os.environ.get("MODERATION_REVIEW_MONTHS")
    try:
        return max(1, int(value)) if value else 6
    except ValueError:
        return 6


def months_before(day, months):
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def edit_url_for(obj):
    return admin_edit_url(obj)


class DashboardPanel(Component):
    template_name = ""
    name = ""
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        context.update(self.get_panel_data(parent_context["request"]))
        return context

    def get_panel_data(self, request):
        return {}


class AwaitingModerationPanel(DashboardPanel):
    """Items waiting for the current user's approval."""

    name = "moderation_awaiting"
    template_name = "moderation/panels/awaiting.html"
    order = 100

    def get_panel_data(self, request):
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state__requested_by")
            .prefetch_related("revision__content_object")
            .order_by("-started_at")
        )
        count = states.count()
        items = []
        for state in states[:LIST_LIMIT]:
            obj = state.revision.content_object if state.revision else None
            if obj is None:
                continue
            items.append(
                {
                    "title": state.revision.object_str or str(obj),
                    "url": edit_url_for(obj),
                    "submitted_by": state.workflow_state.requested_by,
                    "started_at": state.started_at,
                    "type": obj._meta.verbose_name,
                }
            )
        try:
            report_url = reverse("wagtailadmin_reports:workflow_tasks")
        except NoReverseMatch:
            report_url = ""
        return {"count": count, "items": items, "report_url": report_url}


class OutdatedTranslationsPanel(DashboardPanel):
    """Per locale: translations behind the German source, and missing ones."""

    name = "moderation_outdated_translations"
    template_name = "moderation/panels/outdated_translations.html"
    order = 110

    def get_panel_data(self, request):
        rows = coverage.coverage_rows()
        per_locale = coverage.summary(rows)
        return {
            "per_locale": [
                {"code": code, "outdated": c[coverage.OUTDATED], "missing": c[coverage.MISSING]}
                for code, c in per_locale.items()
            ],
            "total_outdated": sum(c[coverage.OUTDATED] for c in per_locale.values()),
            "report_url": reverse("moderation:coverage"),
        }


class OfferReviewPanel(DashboardPanel):
    """Offers nobody has reviewed for N months, and offers that expire soon."""

    name = "moderation_offer_review"
    template_name = "moderation/panels/offer_review.html"
    order = 120

    def get_panel_data(self, request):
        model = coverage.offer_model()
        months = review_months()
        if model is None:
            return {"available": False, "months": months}
        today = timezone.localdate()
        offers = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        towns = user_towns(request.user) if request is not None else None
        if towns is not None:  # a town's management: the offers of organisations serving its towns
            offers = for_sites(offers, towns)
        field_names = {f.name for f in model._meta.get_fields()}
        if "live" in field_names:
            offers = offers.filter(live=True)
        unreviewed = offers.none()
        expiring = offers.none()
        if "last_reviewed" in field_names:
            cutoff = months_before(today, months)
            unreviewed = offers.filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff)).order_by(
                "last_reviewed", "pk"
            )
        if "valid_until" in field_names:
            expiring = offers.filter(
                valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=EXPIRY_DAYS)
            ).order_by("valid_until", "pk")

        def listing(queryset, date_field):
            return [
                {"title": str(o), "url": edit_url_for(o), "date": getattr(o, date_field)}
                for o in queryset[:LIST_LIMIT]
            ]

        return {
            "available": True,
            "months": months,
            "expiry_days": EXPIRY_DAYS,
            "unreviewed_count": unreviewed.count(),
            "unreviewed": listing(unreviewed, "last_reviewed"),
            "expiring_count": expiring.count(),
            "expiring": listing(expiring, "valid_until"),
        }


def request_models():
    """Models of the network app that hold mediator and mentorship requests."""
    try:
        config = apps.get_app_config("personal_requests")
    except LookupError:
        return []
    return [m for m in config.get_models() if m.__name__.endswith("Request") and not issubclass(m, Page)]


def _listing_url(model):
    """The admin listing of ``model``: its snippet viewset, or a model viewset registered for it."""
    from wagtail.admin.viewsets import viewsets

    reverse("wagtailadmin_home")  # loads the admin URLs, which registers the viewsets
    candidates = [getattr(model, "snippet_viewset", None)]
    candidates += [v for v in viewsets.viewsets if getattr(v, "model", None) is model]
    for viewset in candidates:
        if viewset is None:
            continue
        for action in ("list", "index"):
            try:
                return reverse(viewset.get_url_name(action))
            except NoReverseMatch:
                continue
    return ""


class RequestsPanel(DashboardPanel):
    """New requests for a language mediator or a mentor."""

    name = "moderation_requests"
    template_name = "moderation/panels/requests.html"
    order = 130
    NEW_STATUSES = ("new", "neu", "open", "received", "submitted")

    def get_panel_data(self, request):
        entries = []
        for model in request_models():
            objects = model.objects.all()
            if "status" in {f.name for f in model._meta.get_fields()}:
                objects = objects.filter(status__in=self.NEW_STATUSES)
            entries.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": objects.count(),
                    "url": _listing_url(model),
                }
            )
        return {"available": bool(entries), "entries": entries}


class RecentActivityPanel(DashboardPanel):
    """The latest entries of the audit log: pages and snippets together."""

    name = "moderation_recent_activity"
    template_name = "moderation/panels/recent_activity.html"
    order = 140

    def get_panel_data(self, request):
        pages = list(PageLogEntry.objects.select_related("user").order_by("-timestamp")[:RECENT_ACTIVITY])
        others = list(
            ModelLogEntry.objects.select_related("user", "content_type").order_by("-timestamp")[
                :RECENT_ACTIVITY
            ]
        )
        entries = sorted(pages + others, key=lambda e: e.timestamp, reverse=True)[:RECENT_ACTIVITY]
        items = []
        for entry in entries:
            if isinstance(entry, PageLogEntry):
                url = admin_edit_url(Page, entry.page_id) if entry.page_id else ""
            else:
                url = ""
            items.append(
                {
                    "timestamp": entry.timestamp,
                    "user": entry.user_display_name,
                    "label": entry.label,
                    "message": entry.message,
                    "url": url,
                }
            )
        try:
            history_url = reverse("wagtailadmin_reports:site_history")
        except NoReverseMatch:
            history_url = ""
        return {"items": items, "history_url": history_url}


class ChangesRequestedPanel(DashboardPanel):
    """For every submitter: own submissions sent back with the moderator's comment."""

    name = "moderation_changes_requested"
    template_name = "moderation/panels/changes_requested.html"
    order = 90

    def get_panel_data(self, request):
        states = (
            WorkflowState.objects.filter(requested_by=request.user, status=WorkflowState.STATUS_NEEDS_CHANGES)
            .select_related("current_task_state__finished_by")
            .prefetch_related("content_object")
            .order_by("-created_at")[:LIST_LIMIT]
        )
        items = []
        for state in states:
            obj = state.content_object
            task_state = state.current_task_state
            if obj is None or task_state is None:
                continue
            items.append(
                {
                    "title": str(obj),
                    "url": edit_url_for(obj),
                    "comment": task_state.comment,
                    "by": task_state.finished_by,
                    "at": task_state.finished_at,
                }
            )
        return {"items": items}


MANAGER_PANELS = [
    AwaitingModerationPanel,
    OutdatedTranslationsPanel,
    OfferReviewPanel,
    RequestsPanel,
    RecentActivityPanel,
]
