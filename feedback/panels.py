"""The integration management's dashboard panel: the pages readers found least helpful, new comments."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import report
from .models import Feedback

PANEL_ROWS = 5
RECENT_DAYS = 7


class FeedbackPanel(Component):
    name = "feedback"
    template_name = "feedback/admin/panel.html"
    order = 160

    def get_context_data(self, parent_context):
        since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
        rows = [row for row in report.rows(with_comments=False) if row.no]
        return {
            "rows": rows[:PANEL_ROWS],
            "recent_comments": Feedback.objects.filter(created__gte=since).exclude(comment="").count(),
            "days": RECENT_DAYS,
            "url": reverse("feedback_admin:listing"),
        }
