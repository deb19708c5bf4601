"""Admin panel: the pool members who speak the language a request asks for."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class MatchingPoolPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Language mediators for this language"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "personal_requests/admin/matching_pool_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["members"] = instance.matching_pool_members() if instance and instance.language else []
            return context
