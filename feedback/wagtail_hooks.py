"""Admin wiring: the listing and CSV under Reports, the dashboard panel (integration management only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.roles import is_manager

from . import admin_views
from .panels import FeedbackPanel

admin_urlpatterns = [
    path("", admin_views.listing, name="listing"),
    path("<int:pk>/delete-comment/", admin_views.delete_comment, name="delete_comment"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("feedback/", include((admin_urlpatterns, "feedback_admin"), namespace="feedback_admin"))]


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return ManagerMenuItem(
        _("Reader feedback"), reverse("feedback_admin:listing"), icon_name="help", order=910
    )


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if is_manager(request.user):
        panels.append(FeedbackPanel())
