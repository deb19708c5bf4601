"""Calendar feeds in the admin (Settings → Calendar feeds, integration management only) and the demo feed."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from personal_requests.permissions import ManagersOnlyPolicy
from portal.roles import is_manager

from .models import REPORT_KEYS, REPORT_LABELS, CalendarFeed


def managers_only(view):
    """A plain 403 for everyone but the integration management, before the view runs.

    Wagtail would turn the views' own PermissionDenied into a redirect to the dashboard;
    the feeds' routes answer with a real 403 instead (issue 16). Anonymous visitors are
    sent to the login by Wagtail before this runs."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated and not is_manager(request.user):
            from django.views.defaults import permission_denied

            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return wrapped


class FeedInspectView(InspectView):
    def get_last_report_display_value(self):
        report = self.object.last_report or {}
        if not report:
            return "–"
        counts = report.get("counts", {})
        totals = format_html_join(", ", "{}: {}", ((REPORT_LABELS[k], counts.get(k, 0)) for k in REPORT_KEYS))
        items = format_html_join(
            "",
            "<li><strong>{}</strong> {} {} {}</li>",
            (
                (REPORT_LABELS[i["kind"]], i.get("start", ""), i.get("title", ""), i.get("message", ""))
                for i in report.get("items", [])
            ),
        )
        return format_html("<p>{}</p><ul>{}</ul>", totals, items)


class CalendarFeedViewSet(ModelViewSet):
    """Only the integration management (and superusers): the policy ignores model permissions."""

    model = CalendarFeed
    icon = "calendar"
    menu_label = _("Calendar feeds")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = FeedInspectView
    inspect_view_fields = [
        "name",
        "url",
        "organisation",
        "field_of_action",
        "event_index",
        "active",
        "last_run",
        "last_report",
    ]
    list_display = [
        "name",
        BooleanColumn("active", label=_("active")),
        "last_run",
        Column("report_summary", label=_("last report")),
    ]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("organisation"),
            FieldPanel("field_of_action"),
            FieldPanel("event_index"),
            FieldPanel("active"),
        ]
    )

    @cached_property
    def permission_policy(self):
        return ManagersOnlyPolicy(self.model, allow_add=True)

    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), managers_only(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]


calendar_feed_viewset = CalendarFeedViewSet("calendar_feeds")


@hooks.register("register_admin_viewset")
def register_calendar_feed_viewset():
    return calendar_feed_viewset


# After the network demo (order 10: the event list), before the search index rebuild (1000).
@hooks.register("load_demo_content", order=20)
def load_demo_feed(stdout):
    from .demo import load_demo_feed

    load_demo_feed(stdout)
