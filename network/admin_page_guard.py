"""Every admin route that names a page refuses people who may not read that page.

Wagtail's own page views (edit, draft view, preview, revisions, history,
workflow history, usage, copy, move, delete, unpublish, lock, convert_alias,
add subpage, the page chooser's browse view, the admin API's page detail,
bulk actions ...) check edit or explore rights only. This middleware runs
before any of them: it finds the page ids a request names — in the URL or,
for the multiple-choice chooser and bulk actions, in ``?id=`` — and answers
403 unless ``network.readers.may_read_page`` allows every one of them.

It looks at the *shape* of the route (the names of its arguments), not at a
list of views, so a page route added by a later Wagtail version or another
app is guarded as well. Anonymous requests pass through: Wagtail sends them
to the login form without rendering anything.

Lists of pages (explorer, search, reports, site history, sidebar explorer)
are filtered by ``network.reading_policy``; the page chooser by the
``construct_page_chooser_queryset`` hook (network/wagtail_hooks.py).
"""

from django.http import HttpResponseForbidden
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from network.readers import may_read_page
from portal.roles import is_manager

# URL arguments that name a page, in any admin route.
PAGE_ID_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Routes whose page id has another name or no name.
POSITIONAL_PAGE_ID = {"wagtailadmin_pages:revisions_compare"}
PK_IS_A_PAGE = {"wagtailadmin_api:pages"}  # namespace: the admin API's page endpoints
IDS_IN_QUERY = {"wagtailadmin_choose_page_chosen_multiple"}
# Reports that name pages without filtering them by anything (the page-type usage report shows
# the last edited page of each type, restricted or not): integration management only.
MANAGER_ONLY = {"wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results"}


def _ids_in_query(request):
    values = request.GET.getlist("id") + request.POST.getlist("id")
    return [v for v in values if str(v).isdigit()]


def page_ids_named_by(request, match, view_args, view_kwargs):
    """The ids of the pages a resolved admin request is about."""
    ids = [view_kwargs[name] for name in PAGE_ID_ARGUMENTS if name in view_kwargs]
    if match.view_name in POSITIONAL_PAGE_ID and view_args:
        ids.append(view_args[0])
    if match.namespace in PK_IS_A_PAGE and "pk" in view_kwargs:
        ids.append(view_kwargs["pk"])
    if match.view_name in IDS_IN_QUERY:
        ids.extend(_ids_in_query(request))
    if match.url_name == "wagtail_bulk_action" and (
        view_kwargs.get("app_label"),
        view_kwargs.get("model_name"),
    ) == ("wagtailcore", "page"):
        ids.extend(_ids_in_query(request))
    return {int(i) for i in ids}


def refusal(request, message=None):
    """403 without a word about the page: the title is what must not leak."""
    message = message or _("This page belongs to a restricted area that you may not read.")
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or "/api/" in request.path:
        return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")
    response = TemplateResponse(
        request,
        "network/admin/refused.html",
        {"title": _("No access"), "message": message},
        status=403,
    )
    response["Cache-Control"] = "private, no-cache, no-store"
    return response


class AdminPageReadGuard:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith(self.admin_prefix()):
            return None
        if not request.user.is_authenticated:
            return None
        if match.view_name in MANAGER_ONLY and not is_manager(request.user):
            return refusal(request, _("This report is for the integration management only."))
        ids = page_ids_named_by(request, match, view_args, view_kwargs)
        if not ids:
            return None
        for page in Page.objects.filter(pk__in=ids):
            if not may_read_page(request.user, page):
                return refusal(request)
        return None
