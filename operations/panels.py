"""Dashboard panel for the integration management: e-mails the mail server has not taken yet."""

from wagtail.admin.ui.components import Component

from .models import OutboxMessage

LIST_LIMIT = 10


class UnsentMailPanel(Component):
    name = "operations_unsent_mail"
    template_name = "operations/unsent_mail_panel.html"
    order = 90  # above the moderation panels: something is wrong

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        queued = OutboxMessage.objects.only("subject", "created_at", "attempts", "last_error")
        context["count"] = queued.count()
        context["messages"] = list(queued[:LIST_LIMIT])
        return context
