import contextlib

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _snippet_status_panel_urls():
    """wagtail-localize's translation editor builds a snippet's status panel without the URLs its
    workflow dialog needs (``revisions_compare_url_name``, ``workflow_history_url``): while a
    translation waited for approval, the offer's edit view was a 500 (issue 13, fault 2).
    Fill them in from the snippet's viewset when the panel has none."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.admin.ui.side_panels import StatusSidePanel

    original = StatusSidePanel.get_context_data
    if getattr(original, "_moderation_patched", False):
        return

    def get_context_data(self, parent_context):
        context = original(self, parent_context)
        viewset = getattr(self.object, "snippet_viewset", None)
        if viewset is not None and self.object.pk and not context.get("revisions_compare_url_name"):
            context["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
            with contextlib.suppress(NoReverseMatch):
                context.setdefault(
                    "workflow_history_url",
                    reverse(viewset.get_url_name("workflow_history"), args=[self.object.pk]),
                )
        return context

    get_context_data._moderation_patched = True
    StatusSidePanel.get_context_data = get_context_data


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from . import pending  # noqa: F401  (signal receivers)

        _snippet_status_panel_urls()
