"""Admin views, refusal of wrong-group access, home-page sections and demo data."""

from wagtail import hooks
from wagtail.models import BaseViewRestriction

from operations.errors import render_error


def _refuse_logged_in_wrong_group(request, get_restrictions):
    """Wagtail redirects everyone who fails a restriction to the login form.

    A logged-in member of the wrong group gets a clear refusal (403) instead;
    anonymous visitors still get the login redirect from Wagtail's own hook.
    """
    # Anonymous visitors cost no query here (get_view_restrictions reads the ancestors).
    if not request.user.is_authenticated:
        return None
    for restriction in get_restrictions():
        checked = restriction.restriction_type in (BaseViewRestriction.GROUPS, BaseViewRestriction.LOGIN)
        if checked and not restriction.accept_request(request):
            # The same layout as every other error page (operations.errors), in the URL's language.
            response = render_error(request, 403, template="network/forbidden.html")
            response["Cache-Control"] = "private, no-cache, no-store"
            return response
    return None


@hooks.register("before_serve_page", order=-10)
def refuse_wrong_group_page(page, request, serve_args, serve_kwargs):
    return _refuse_logged_in_wrong_group(request, page.get_view_restrictions)


@hooks.register("before_serve_document", order=-10)
def refuse_wrong_group_document(document, request):
    return _refuse_logged_in_wrong_group(request, document.collection.get_view_restrictions)


@hooks.register("construct_document_chooser_queryset")
def hide_documents_of_other_groups(documents, request):
    """The chooser lists no document of a collection the editor may not view."""
    from wagtail.models import CollectionViewRestriction

    if request.user.is_superuser:
        return documents
    hidden = [
        r.collection_id
        for r in CollectionViewRestriction.objects.select_related("collection")
        if not r.accept_request(request)
    ]
    if not hidden:
        return documents
    from wagtail.models import Collection

    hidden_ids = set()
    for collection in Collection.objects.filter(pk__in=hidden):
        hidden_ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return documents.exclude(collection_id__in=hidden_ids)


@hooks.register("home_page_sections")
def network_home_section(page, request):
    """Latest public news, upcoming events and the request forms of the reader's locale (3 queries)."""
    from django.apps import apps
    from wagtail.models import Page

    from network.models import EventIndexPage, NewsIndexPage, NewsPage
    from network.models.events import split_events
    from portal.visibility import public_pages

    # The request forms' links only; their app (personal data) sits above network.
    RequestFormPage = apps.get_model("personal_requests", "RequestFormPage")  # noqa: N806

    children = list(
        public_pages(Page.objects.child_of(page).live())
        .type(NewsIndexPage, EventIndexPage, RequestFormPage)
        .order_by("path")
    )
    by_class = {}
    for child in children:
        by_class.setdefault(child.specific_class, []).append(child)
    news_index = by_class.get(NewsIndexPage, [None])[0]
    event_index = by_class.get(EventIndexPage, [None])[0]
    forms = by_class.get(RequestFormPage, [])
    news = []
    if news_index:
        news = list(public_pages(NewsPage.objects.child_of(news_index).live()).order_by("-date", "-pk")[:3])
    events = split_events(event_index)[0][:3] if event_index else []
    if not (news or events or forms):
        return None
    return {
        "template": "network/home_section.html",
        "news_index": news_index,
        "news": news,
        "event_index": event_index,
        "events": events,
        "forms": forms,
    }


@hooks.register("portal_member_section_types")
def news_and_event_sections():
    """Network members draft news and events under their index pages (portal/roles.py)."""
    from wagtail.models import Page

    from home.models import HomePage
    from network.models import EventPage, NewsPage

    parents = {m for model in (NewsPage, EventPage) for m in model.allowed_parent_page_models()}
    return [m for m in parents if m not in (HomePage, Page)]


# After the offers demo (order 0: organisations to relate), before the search index rebuild (1000).
@hooks.register("load_demo_content", order=10)
def load_network_demo(stdout):
    from network.demo.loader import NetworkDemoLoader

    NetworkDemoLoader(stdout).load()


# Restricted pages in the admin: chooser, convert alias (network/admin_reading_hooks.py).
from network import admin_reading_hooks  # noqa: E402, F401
