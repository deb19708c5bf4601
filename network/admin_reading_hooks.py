"""Admin hooks that keep restricted pages out of sight (imported by network/wagtail_hooks.py).

* The admin API (sidebar explorer) builds its own permission policy: its page
  endpoint is replaced by one that lists only readable pages.
* The page chooser lists pages without asking for any permission: it gets
  only the pages the editor may read.
* Converting an alias of a restricted page into an ordinary page detaches the
  other language versions from their original, and with it from the way
  Wagtail judges aliases; only the integration management and administrators
  may do it.
"""

from django.utils.translation import gettext as _
from wagtail import hooks

from network.admin_page_guard import refusal
from network.readers import readable_pages
from portal.roles import is_manager


@hooks.register("construct_admin_api")
def admin_api_lists_only_readable_pages(router):
    """The sidebar explorer's API builds its own PagePermissionPolicy(), past the reading policy."""
    from wagtail.admin.api.views import PagesAdminAPIViewSet

    class ReadablePagesAdminAPIViewSet(PagesAdminAPIViewSet):
        def get_base_queryset(self):
            return readable_pages(self.request.user, super().get_base_queryset())

    router.register_endpoint("pages", ReadablePagesAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def choose_only_readable_pages(pages, request):
    return readable_pages(request.user, pages)


@hooks.register("before_convert_alias_page")
def restricted_alias_is_converted_by_managers_only(request, page):
    if page.get_view_restrictions().exists() and not is_manager(request.user):
        return refusal(
            request, _("Only the integration management may turn an alias in a restricted area into a page.")
        )
    return None


@hooks.register("register_log_actions")
def register_privacy_log_action(actions):
    from django.utils.translation import gettext_lazy

    from network.privacy_dialog import LOG_ACTION

    actions.register_action(
        LOG_ACTION,
        gettext_lazy("Privacy opened"),
        gettext_lazy("Privacy changed: more people may read the page and its language versions"),
    )
