"""Role × admin route × restricted page: who may not read a page on the site may not read it in the admin.

Issue 9, holes 1 and 5. Wagtail's admin views ask for edit or explore rights
only; the translator opened the draft view of the Arabic aliases of the
members-only area and read the minutes. Here every Wagtail admin route that
renders a page (by id) is requested by every role for every restricted page —
the network area, both working-group areas and their subpages — in all seven
locales (aliases and translations). A refused response must not contain the
page's title or text; the integration management and the administrator get
them (positive control), and so does the working group in its own area.
Lists (explorer, search, chooser, sidebar API, reports, dashboard) must not
name a restricted page to someone who may not read it.
"""

import html
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.log_actions import log
from wagtail.models import Page

from network.models import NetworkAreaPage, WorkingGroupPage
from portal.roles import MEMBERS, WORKING_GROUPS

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "mitglied", "ag-mitglied", "ag2-mitglied", "uebersetzer", "manager", "admin"]
EVERYONE_IN_THE_NETWORK = {"mitglied", "ag-mitglied", "ag2-mitglied", "manager", "admin"}
# Which roles read which part of the restricted tree on the public site.
READERS = {
    "area": EVERYONE_IN_THE_NETWORK,
    WORKING_GROUPS[0]: {"ag-mitglied", "manager", "admin"},
    WORKING_GROUPS[1]: {"ag2-mitglied", "manager", "admin"},
}
# Positive controls are requested in these locales (German originals and two aliases).
CONTROL_LOCALES = {"de", "ar", "fa"}


@pytest.fixture
def people(users):
    ag2, _ = get_user_model().objects.get_or_create(
        username="ag2-mitglied", defaults={"email": "ag2@beckum.example"}
    )
    ag2.groups.add(Group.objects.get(name=MEMBERS), Group.objects.get(name=WORKING_GROUPS[1]))
    found = {name: users[name] for name in ROLES if name in users}
    return {"anonymous": None, **found, "ag2-mitglied": ag2}


@pytest.fixture
def as_role(client, people):
    def make(role):
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return make


def _part_of(original):
    for group_page in WorkingGroupPage.objects.filter(locale__language_code="de").select_related("group"):
        if original.path.startswith(group_page.path):
            return group_page.group.name
    return "area"


def _text_of(page):
    specific = page.specific
    for name in ("intro", "mandate", "content"):
        text = strip_tags(getattr(specific, name, "") or "").strip()
        if text:
            return text[:40]
    return None


_RESTRICTED = []


def restricted_pages():
    """[(page, readers, secrets)] for every restricted page in every locale.

    The demo tree is the same in every test (rolled back), so it is read once per session.
    """
    if not _RESTRICTED:
        _RESTRICTED.extend((p.pk, readers, secrets) for p, readers, secrets in _read_restricted_pages())
    pages = Page.objects.select_related("locale").in_bulk([pk for pk, _r, _s in _RESTRICTED])
    return [(pages[pk], readers, secrets) for pk, readers, secrets in _RESTRICTED]


def _read_restricted_pages():
    area = NetworkAreaPage.objects.get(locale__language_code="de")
    originals = list(area.get_descendants(inclusive=True))
    keys = [p.translation_key for p in originals]
    result = []
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"):
        original = next(o for o in originals if o.translation_key == page.translation_key)
        secrets = [s for s in (page.title, _text_of(page)) if s]
        result.append((page, READERS[_part_of(original)], secrets))
    assert len(result) == 7 * len(originals)
    return result


def _variants(text):
    return {text, html.escape(text), json.dumps(text)[1:-1]}


def readable_text(response):
    """The response as a person would read it: JSON decoded, HTML entities resolved."""
    text = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def assert_hidden(response, secrets, context):
    body = response.content.decode(errors="replace")
    for secret in secrets:
        for variant in _variants(secret):
            assert variant not in body, f"{context}: {secret!r} leaked ({response.status_code})"


def refusal_problems(response, role, secrets, context):
    """(leaks, wrong statuses) of one response that should be a refusal."""
    leaks = []
    body = response.content.decode(errors="replace")
    for secret in secrets:
        if any(variant in body for variant in _variants(secret)):
            leaks.append(f"{context}: {secret!r} leaked ({response.status_code})")
    expected = 302 if role == "anonymous" else 403
    wrong = []
    if response.status_code != expected or (role == "anonymous" and "/login/" not in response["Location"]):
        wrong.append(f"{context}: status {response.status_code}, expected {expected}")
    return leaks, wrong


def _latest_revision(page):
    return page.latest_revision_id


def _workflow_state(page):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.for_instance(page).first()
    return state.pk if state else None


def _earliest_revision(page):
    revision = page.revisions.order_by("created_at", "pk").first()
    return revision.pk if revision else None


# route -> (builder(page) -> (method, url) or None when the route does not apply, positive control?)
PAGE_ROUTES = {
    "edit": (lambda p: ("get", reverse("wagtailadmin_pages:edit", args=[p.pk])), True),
    "view_draft": (lambda p: ("get", reverse("wagtailadmin_pages:view_draft", args=[p.pk])), True),
    "preview_on_edit": (lambda p: ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[p.pk])), False),
    "preview_on_edit_post": (
        lambda p: ("post", reverse("wagtailadmin_pages:preview_on_edit", args=[p.pk])),
        False,
    ),
    # Wagtail 7 redirects the revisions index to the history (checked there).
    "revisions_index": (lambda p: ("get", reverse("wagtailadmin_pages:revisions_index", args=[p.pk])), False),
    "revisions_view": (
        lambda p: (
            _latest_revision(p)
            and ("get", reverse("wagtailadmin_pages:revisions_view", args=[p.pk, _latest_revision(p)]))
        ),
        True,
    ),
    "revisions_compare": (
        lambda p: (
            _earliest_revision(p)
            and ("get", reverse("wagtailadmin_pages:revisions_compare", args=[p.pk, "earliest", "latest"]))
        ),
        True,
    ),
    "history": (lambda p: ("get", reverse("wagtailadmin_pages:history", args=[p.pk])), True),
    "history_results": (lambda p: ("get", reverse("wagtailadmin_pages:history_results", args=[p.pk])), False),
    "workflow_history": (
        lambda p: ("get", reverse("wagtailadmin_pages:workflow_history", args=[p.pk])),
        True,
    ),
    "workflow_history_detail": (
        lambda p: (
            _workflow_state(p)
            and (
                "get",
                reverse("wagtailadmin_pages:workflow_history_detail", args=[p.pk, _workflow_state(p)]),
            )
        ),
        True,
    ),
    "usage": (lambda p: ("get", reverse("wagtailadmin_pages:usage", args=[p.pk])), True),
    "add_subpage": (lambda p: ("get", reverse("wagtailadmin_pages:add_subpage", args=[p.pk])), False),
    "copy": (lambda p: ("get", reverse("wagtailadmin_pages:copy", args=[p.pk])), True),
    "move": (lambda p: ("get", reverse("wagtailadmin_pages:move", args=[p.pk])), True),
    "move_confirm": (
        lambda p: ("get", reverse("wagtailadmin_pages:move_confirm", args=[p.pk, p.get_parent().pk])),
        False,
    ),
    "delete": (lambda p: ("get", reverse("wagtailadmin_pages:delete", args=[p.pk])), True),
    "unpublish": (lambda p: ("get", reverse("wagtailadmin_pages:unpublish", args=[p.pk])), True),
    "lock": (lambda p: ("post", reverse("wagtailadmin_pages:lock", args=[p.pk])), False),
    "convert_alias": (
        lambda p: p.alias_of_id and ("get", reverse("wagtailadmin_pages:convert_alias", args=[p.pk])),
        True,
    ),
    "set_privacy": (lambda p: ("get", reverse("wagtailadmin_pages:set_privacy", args=[p.pk])), False),
    "explore": (lambda p: ("get", reverse("wagtailadmin_explore", args=[p.pk])), True),
    "explore_results": (lambda p: ("get", reverse("wagtailadmin_explore_results", args=[p.pk])), False),
    "choose_page_child": (lambda p: ("get", reverse("wagtailadmin_choose_page_child", args=[p.pk])), True),
    "choose_page_chosen_multiple": (
        lambda p: ("get", reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={p.pk}"),
        True,
    ),
    "api_page_detail": (lambda p: ("get", reverse("wagtailadmin_api:pages:detail", args=[p.pk])), True),
    "bulk_delete": (
        lambda p: (
            "get",
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={p.pk}",
        ),
        True,
    ),
}


def _request(client, method, url):
    if method == "post":
        return client.post(url, {})
    return client.get(url)


@pytest.mark.parametrize("route", list(PAGE_ROUTES))
@pytest.mark.parametrize("role", ROLES)
def test_page_routes(as_role, people, role, route):
    if route == "workflow_history_detail":
        _start_workflows(people["admin"])
    client = as_role(role)
    build, positive = PAGE_ROUTES[route]
    checked = 0
    leaks, wrong = [], []
    for page, readers, secrets in restricted_pages():
        target = build(page)
        if not target:
            continue
        context = f"{role} {route} {page.locale.language_code} {page.url_path}"
        if role in readers:
            if role in ("manager", "admin") and positive and page.locale.language_code in CONTROL_LOCALES:
                response = _request(client, *target)
                assert response.status_code == 200, f"{context}: {response.status_code}"
                assert page.title in readable_text(response), context
                checked += 1
            continue
        found_leaks, found_wrong = refusal_problems(_request(client, *target), role, secrets, context)
        leaks += found_leaks
        wrong += found_wrong
        checked += 1
    # Leaks first: they are the point; a refusal with another status is the lesser fault.
    assert not leaks, f"{len(leaks)} leaks, e.g. {leaks[:3]}"
    assert not wrong, f"{len(wrong)} wrong statuses, e.g. {wrong[:3]}"
    if role in ("manager", "admin") and not positive:
        return
    assert checked, "the route was not checked at all"


@pytest.mark.parametrize("route", ["edit", "view_draft", "history", "usage"])
def test_working_group_reads_its_own_area_in_the_admin(as_role, route):
    """Positive control: the guard does not lock the group out of its own pages."""
    client = as_role("ag-mitglied")
    build, _positive = PAGE_ROUTES[route]
    area = WorkingGroupPage.objects.get(locale__language_code="de", group__name=WORKING_GROUPS[0])
    for page in area.get_descendants(inclusive=True):
        response = _request(client, *build(page))
        assert response.status_code == 200, f"{route} {page.url_path}"
        assert page.title in readable_text(response)


def _homes():
    return list(Page.objects.filter(depth=2).select_related("locale"))


def _start_workflows(admin):
    """The German restricted pages wait for approval (aliases cannot), so workflow lists would name them."""
    for page, _readers, _secrets in restricted_pages():
        if page.alias_of_id is None:
            specific = page.specific
            specific.save_revision(user=admin)
            specific.get_workflow().start(specific, admin)


def _prepare_lists(people):
    """Restricted pages are locked, in a workflow, with log entries: reports and history would list them."""
    admin = people["admin"]
    for page, _readers, _secrets in restricted_pages():
        Page.objects.filter(pk=page.pk).update(locked=True, locked_by=admin, locked_at=timezone.now())
        log(instance=page, action="wagtail.edit", user=admin)
    _start_workflows(admin)


LIST_ROUTES = {
    "explore_root": lambda: [reverse("wagtailadmin_explore_root")],
    "explore_homes": lambda: [reverse("wagtailadmin_explore", args=[h.pk]) for h in _homes()],
    "explore_homes_results": lambda: [reverse("wagtailadmin_explore_results", args=[h.pk]) for h in _homes()],
    "search": lambda: [
        reverse("wagtailadmin_pages:search") + f"?q={q}" for q in ("Netzwerk", "AG", "Protokoll")
    ],
    "search_results": lambda: [
        reverse("wagtailadmin_pages:search_results") + f"?q={q}" for q in ("Netzwerk", "AG", "Protokoll")
    ],
    "choose_page": lambda: [reverse("wagtailadmin_choose_page")],
    "choose_page_homes": lambda: [reverse("wagtailadmin_choose_page_child", args=[h.pk]) for h in _homes()],
    "choose_page_search": lambda: [
        reverse("wagtailadmin_choose_page_search") + f"?q={q}" for q in ("Netzwerk", "AG", "Protokoll")
    ],
    "api_explorer_listing": lambda: [
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={h.pk}&for_explorer=1" for h in _homes()
    ],
    "api_listing": lambda: [
        reverse("wagtailadmin_api:pages:listing") + f"?offset={n}" for n in range(0, 400, 20)
    ],
    "dashboard": lambda: [reverse("wagtailadmin_home")],
    "locked_pages": lambda: [reverse("wagtailadmin_reports:locked_pages")],
    "aging_pages": lambda: [reverse("wagtailadmin_reports:aging_pages")],
    "site_history": lambda: [reverse("wagtailadmin_reports:site_history")],
    "page_types_usage": lambda: [reverse("wagtailadmin_reports:page_types_usage")],
    "workflow_report": lambda: [reverse("wagtailadmin_reports:workflow")],
    "workflow_tasks_report": lambda: [reverse("wagtailadmin_reports:workflow_tasks")],
    "type_use_network_area": lambda: [
        reverse("wagtailadmin_pages:type_use", args=["network", m])
        for m in ("networkareapage", "internalpage")
    ],
}


@pytest.mark.parametrize("route", list(LIST_ROUTES))
@pytest.mark.parametrize("role", ROLES)
def test_lists_name_no_restricted_page(as_role, people, role, route):
    _prepare_lists(people)
    client = as_role(role)
    hidden = [s for page, readers, secrets in restricted_pages() if role not in readers for s in secrets]
    for url in LIST_ROUTES[route]():
        response = client.get(url)
        # 400: the admin API refuses a parent outside the person's explorable pages
        assert response.status_code in (200, 302, 400, 403), f"{role} {url}: {response.status_code}"
        assert_hidden(response, hidden, f"{role} {url}")


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_managers_still_find_restricted_pages_in_lists(as_role, role):
    """Positive control of the lists: the filter must not hide pages from those who read them."""
    client = as_role(role)
    german_home = Page.objects.get(depth=2, locale__language_code="de")
    for url in (
        reverse("wagtailadmin_explore", args=[german_home.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Netzwerk+intern",
        reverse("wagtailadmin_choose_page_child", args=[german_home.pk]),
    ):
        assert "Netzwerk intern" in client.get(url).content.decode(), url


def test_wagtails_page_policy_reads_view_restrictions():
    from wagtail.permissions import page_permission_policy

    from network.reading_policy import ReadingPagePermissionPolicy

    assert isinstance(page_permission_policy, ReadingPagePermissionPolicy)


def test_translator_cannot_convert_a_restricted_alias_and_manager_can(as_role):
    """Hole 5: turning a restricted alias into a page is for the integration management only."""
    alias = Page.objects.get(
        translation_key=WorkingGroupPage.objects.get(
            locale__language_code="de", group__name=WORKING_GROUPS[0]
        ).translation_key,
        locale__language_code="ar",
    )
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    for role in ("uebersetzer", "ag-mitglied"):
        response = as_role(role).post(url)
        assert response.status_code in (403, 302), role
        alias.refresh_from_db()
        assert alias.alias_of_id is not None, role
    response = as_role("manager").post(url)
    assert response.status_code == 302
    alias.refresh_from_db()
    assert alias.alias_of_id is None


def _admin_page_routes():
    """Every URL pattern under admin/ that names a page, found by walking the URL resolver."""
    from django.urls import URLPattern, URLResolver, get_resolver

    from network.admin_page_guard import PAGE_ID_ARGUMENTS

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                yield (
                    prefix + str(p.pattern),
                    p.pattern.converters if hasattr(p.pattern, "converters") else {},
                    (":".join(filter(None, [namespace, p.name])) if p.name else None),
                )

    for route, converters, name in walk(get_resolver().url_patterns, "", None):
        if route.startswith("admin/") and name and any(arg in converters for arg in PAGE_ID_ARGUMENTS):
            yield route, converters, name


def test_every_admin_route_that_names_a_page_is_guarded(as_role):
    """Walk the resolver: every admin route with a page argument refuses the translator a restricted alias."""
    alias = Page.objects.get(
        translation_key=NetworkAreaPage.objects.get(locale__language_code="de").translation_key,
        locale__language_code="ar",
    )
    public = Page.objects.get(depth=2, locale__language_code="ar")
    client = as_role("uebersetzer")
    routes = list(_admin_page_routes())
    assert len(routes) >= 30, routes  # Wagtail's page routes are all there
    from network.admin_page_guard import PAGE_ID_ARGUMENTS

    for route, converters, name in routes:
        kwargs = {}
        for arg, converter in converters.items():
            if arg in PAGE_ID_ARGUMENTS:
                kwargs[arg] = public.pk
            elif type(converter).__name__ == "IntConverter":
                kwargs[arg] = 1
            else:
                kwargs[arg] = {
                    "content_type_app_name": "network",
                    "content_type_model_name": "internalpage",
                }.get(arg, "x")
        for arg in converters:
            if arg in PAGE_ID_ARGUMENTS:
                url = reverse(name, kwargs={**kwargs, arg: alias.pk})
                for method in (client.get, client.post):
                    response = method(url)
                    assert response.status_code == 403, f"{route} ({arg}): {response.status_code}"
                    assert_hidden(response, [alias.title], route)
