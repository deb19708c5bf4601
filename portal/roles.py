"""Roles of the portal as Django groups with Wagtail permissions, kept in code.

``setup_roles`` (run by ``load_demo_content`` and by ``manage.py setup_roles``)
creates the groups and sets their permissions to exactly what the tables below
say: running it again after a change here adds what is new and removes what is
no longer listed. Apps add to it through hooks (below); moderation sets up the
approval workflow that way, so ``setup_roles`` is the one command for both.
The role × action matrix is documented in ``moderation/README.md``.

The kernel imports no app: content types of other apps are found at run time
and apps add their parts through hooks:

* snippet models with ``WorkflowMixin`` (offers, organisations, ...) get the
  snippet permissions below;
* every permission of the apps in ``MANAGER_APPS`` (requests, memberships)
  goes to the integration management;
* the sections open to network members are the German fields of action plus
  the German pages under which news and events are created;
* a working group's area is every page whose view restriction names the group.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.snippets.models import get_snippet_models

MANAGERS = "Integrationsmanagement"
MEMBERS = "Netzwerkmitglieder"
TRANSLATOR_PREFIX = "Übersetzung "
WORKING_GROUPS = ["AG Kontakt mit städtischen Behörden", "AG Zusammenleben gestalten"]

ADMIN_ACCESS = "wagtailadmin.access_admin"
# Members and translators upload and choose documents and images only here,
# not in the root collection: permissions on the root would reach every
# working group's private collection below it (their titles would show in the
# admin listings).
PUBLIC_COLLECTION = "Öffentlich"


def public_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PUBLIC_COLLECTION).first()
    return existing or root.add_child(name=PUBLIC_COLLECTION)


# Page permissions: role -> codenames. Where they apply is decided in setup_roles.
MANAGER_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
MEMBER_PAGE_PERMS = ["add_page", "change_page"]
TRANSLATOR_PAGE_PERMS = ["change_page"]
# Decision: working groups publish inside their own restricted area without
# moderation. The area is visible only to the group, nothing reaches the
# public, and its papers are the group's own work (README, "Roles").
WORKING_GROUP_PAGE_PERMS = ["add_page", "change_page", "publish_page"]

# Snippet actions on every snippet model with WorkflowMixin.
SNIPPET_ACTIONS = {
    MANAGERS: ["add", "change", "delete", "publish", "lock", "unlock", "view"],
    MEMBERS: ["change", "view"],
}
# Apps refine the roles through hooks (the kernel imports no app; CONTRIBUTING.md, "Hooks"):
# - "portal_member_section_types": fn() -> page models under which members draft
#   (home: the fields of action; network: the parents of news and events);
# - "portal_role_collections": fn() -> {group name: [(collection, codenames)]}
#   (moderation: the "Zur Freigabe" collections of the uploading groups);
# - "portal_after_setup_roles": fn(groups), after the groups are set
#   (offers: members add and delete their organisations' offers; moderation: the workflow).
# Translators may change translatable snippets, in their own locale only
# (enforced by moderation.wagtail_hooks.keep_translators_in_their_locale).
TRANSLATOR_SNIPPET_ACTIONS = ["change", "view"]

MODEL_PERMS = {
    MANAGERS: [
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "auth.view_group",
        "wagtail_localize.submit_translation",
    ],
}
# Every permission of these apps goes to the integration management
# (mediator and mentorship requests, the mediator pool, organisation memberships, ...).
MANAGER_APPS = ["offers", "personal_requests"]

COLLECTION_PERMS = {
    MANAGERS: [
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
    ],
    MEMBERS: ["choose_document", "add_image", "choose_image"],
    "translators": ["choose_document", "choose_image"],
}
# Members' and translators' document uploads wait for release by the integration
# management in their group's "Zur Freigabe" collection (moderation/document_release.py).
PENDING_COLLECTION_PERMS = ["add_document", "choose_document"]
WORKING_GROUP_COLLECTION_PERMS = ["add_document", "change_document", "choose_document"]


def translator_group_name(language_code):
    return f"{TRANSLATOR_PREFIX}{language_code}"


def translator_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def _perm(codename):
    if "." in codename:
        app_label, codename = codename.split(".")
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    return Permission.objects.filter(
        codename=codename, content_type__app_label__in=["wagtailcore", "wagtaildocs", "wagtailimages"]
    ).first()


def _snippet_perms(models, actions):
    perms = []
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        perms += list(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    return perms


def _restricted_paths():
    return [r.page.path for r in PageViewRestriction.objects.select_related("page")]


def moderated_snippet_models():
    """Registered snippet models that can be sent through a workflow."""
    return [model for model in get_snippet_models() if issubclass(model, WorkflowMixin)]


def _app_collections():
    """{group name: [(collection, codenames)]} from the apps' "portal_role_collections" hooks."""
    grants = {}
    for fn in hooks.get_hooks("portal_role_collections"):
        for name, pairs in fn().items():
            grants.setdefault(name, []).extend(pairs)
    return grants


def member_sections(german):
    """German pages under which network members draft: fields of action, news, events."""
    models = {m for fn in hooks.get_hooks("portal_member_section_types") for m in fn()}
    if not models:
        return []
    restricted = _restricted_paths()
    pages = Page.objects.filter(locale=german, depth__gte=3).type(*models).order_by("path")
    return [p for p in pages if not any(p.path.startswith(path) for path in restricted)]


def working_group_areas(group, locale):
    """Pages in ``locale`` whose view restriction names the group: the group's restricted area."""
    restrictions = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS, groups=group, page__locale=locale
    ).select_related("page")
    return [r.page for r in restrictions]


def _sync_page_perms(group, grants):
    """Make the group's page permissions exactly ``grants``: [(page, [codenames])]."""
    wanted = set()
    for page, codenames in grants:
        for codename in codenames:
            perm = _perm(codename)
            if perm is not None:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)
                wanted.add((page.pk, perm.pk))
    for gpp in GroupPagePermission.objects.filter(group=group):
        if (gpp.page_id, gpp.permission_id) not in wanted:
            gpp.delete()


def _sync_collection_perms(group, grants):
    wanted = set()
    for collection, codenames in grants:
        for codename in codenames:
            perm = _perm(codename)
            if perm is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=perm
                )
                wanted.add((collection.pk, perm.pk))
    for gcp in GroupCollectionPermission.objects.filter(group=group):
        if (gcp.collection_id, gcp.permission_id) not in wanted:
            gcp.delete()


def setup_roles():
    """Create or update every group; returns {group name: group}.

    Page permissions need the locale home pages, so run it after the demo
    content (the demo loader does) or after creating the site by hand.
    """
    admin_access = _perm(ADMIN_ACCESS)
    root = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    german_home = Page.objects.filter(depth=2, locale=german).first()
    snippets = moderated_snippet_models()
    translatable_snippets = [m for m in snippets if issubclass(m, TranslatableMixin)]
    groups = {}

    # Integration management: everything, including users, groups and requests.
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    manager_perms = [admin_access, *(_perm(c) for c in MODEL_PERMS[MANAGERS])]
    manager_perms += _snippet_perms(snippets, SNIPPET_ACTIONS[MANAGERS])
    manager_perms += list(Permission.objects.filter(content_type__app_label__in=MANAGER_APPS))
    managers.permissions.set([p for p in manager_perms if p is not None])
    _sync_page_perms(managers, [(root, MANAGER_PAGE_PERMS)])
    _sync_collection_perms(managers, [(root_collection, COLLECTION_PERMS[MANAGERS])])
    groups[MANAGERS] = managers

    # Network members: drafts in their sections and snippets; never publish.
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    members.permissions.set([admin_access, *_snippet_perms(snippets, SNIPPET_ACTIONS[MEMBERS])])
    sections = member_sections(german) if german_home else []
    # The installation's own members draft in the main town; other towns have their own groups.
    default_site = Site.objects.filter(is_default_site=True).first()
    if default_site is not None and Site.objects.count() > 1:
        from portal.sites import for_site

        in_town = set(for_site(Page.objects.filter(locale=german), default_site).values_list("pk", flat=True))
        sections = [page for page in sections if page.pk in in_town]
    _sync_page_perms(members, [(page, MEMBER_PAGE_PERMS) for page in sections])
    shared_collection = public_collection()
    app_collections = _app_collections()
    _sync_collection_perms(
        members, [(shared_collection, COLLECTION_PERMS[MEMBERS]), *app_collections.get(MEMBERS, [])]
    )
    groups[MEMBERS] = members

    # Working groups: their own restricted area, published without moderation.
    for name in WORKING_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([admin_access])
        _sync_page_perms(
            group, [(page, WORKING_GROUP_PAGE_PERMS) for page in working_group_areas(group, german)]
        )
        own_collections = [
            r.collection
            for r in CollectionViewRestriction.objects.filter(
                restriction_type=CollectionViewRestriction.GROUPS, groups=group
            ).select_related("collection")
        ]
        _sync_collection_perms(group, [(c, WORKING_GROUP_COLLECTION_PERMS) for c in own_collections])
        groups[name] = group

    # Translators: one group per language, their locale's tree only; never publish.
    for code in translator_languages():
        group, _ = Group.objects.get_or_create(name=translator_group_name(code))
        group.permissions.set(
            [admin_access, *_snippet_perms(translatable_snippets, TRANSLATOR_SNIPPET_ACTIONS)]
        )
        # Every town's home in that language (one per town: portal/sites.py).
        homes = Page.objects.filter(depth=2, locale__language_code=code)
        _sync_page_perms(group, [(home, TRANSLATOR_PAGE_PERMS) for home in homes])
        _sync_collection_perms(
            group,
            [(shared_collection, COLLECTION_PERMS["translators"]), *app_collections.get(group.name, [])],
        )
        groups[group.name] = group

    for fn in hooks.get_hooks("portal_after_setup_roles"):
        fn(groups)
    return groups


def translator_locales(user):
    """Language codes of the translator groups the user belongs to."""
    names = [g.name for g in user.groups.all()]
    return {name[len(TRANSLATOR_PREFIX) :] for name in names if name.startswith(TRANSLATOR_PREFIX)}


def is_manager(user):
    """The one rule: an active superuser or member of the Integrationsmanagement (anonymous: False)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=MANAGERS).exists()


def manager_addresses():
    """E-mail addresses of the active integration management, plus ``NETWORK_REQUEST_NOTIFY``."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(groups__name=MANAGERS, is_active=True).exclude(email="")
    return sorted({u.email for u in users} | set(getattr(settings, "NETWORK_REQUEST_NOTIFY", [])))


def translator_only(user):
    """A translator who is neither manager nor network member (nor superuser)."""
    if user.is_superuser:
        return False
    names = {g.name for g in user.groups.all()}
    return not names & {MANAGERS, MEMBERS} and bool(translator_locales(user))


# --- Roles of one town (issue 16) ------------------------------------------------------
def user_towns(user):
    """Site ids a town-scoped role (``TownRole``) limits ``user`` to; None when nothing limits them
    (superusers, the installation's own management, users without a town role). Cached on the user."""
    cached = getattr(user, "_portal_towns", False)
    if cached is not False:
        return cached
    from portal.models import TownRole

    towns = None
    if user.is_authenticated and not user.is_superuser:
        rows = list(TownRole.objects.filter(group__user=user).values_list("site_id", flat=True))
        if rows and not user.groups.filter(name=MANAGERS).exists():
            towns = set(rows)
    user._portal_towns = towns
    return towns


def town_manager(user):
    """A manager limited to one or more towns (a ``TownRole`` group of kind "managers")."""
    from portal.models import TownRole

    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_portal_town_manager", None)
    if cached is None:
        cached = TownRole.objects.filter(group__user=user, kind=TownRole.MANAGERS).exists()
        user._portal_town_manager = cached
    return cached


def town_group_names(town_name):
    return {"managers": f"{MANAGERS} {town_name}", "members": f"{MEMBERS} {town_name}"}


def setup_town_roles(site):
    """Groups whose rights reach one town only: ``manage.py setup_roles --town <hostname>``.

    "Integrationsmanagement <Town>": create, edit, publish the town's pages (every locale's home
    of the town), and the organisations serving the town with their offers (``offers.permissions``).
    "Netzwerkmitglieder <Town>": drafts in the town's sections, their own organisations' snippets.
    Each group is a ``TownRole``; the dashboards and the snippet scopes read it
    (``portal.sites.user_towns``). Returns {group name: group}. Idempotent.
    """
    from portal.models import TownRole
    from portal.sites import for_site, town_home_paths, town_settings

    names = town_group_names(town_settings(site).name)
    admin_access = _perm(ADMIN_ACCESS)
    snippets = moderated_snippet_models()
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    homes = list(Page.objects.filter(path__in=town_home_paths(site)))
    shared_collection = public_collection()
    groups = {}

    managers, _ = Group.objects.get_or_create(name=names["managers"])
    managers.permissions.set([admin_access, *_snippet_perms(snippets, SNIPPET_ACTIONS[MANAGERS])])
    _sync_page_perms(managers, [(home, MANAGER_PAGE_PERMS) for home in homes])
    _sync_collection_perms(managers, [(shared_collection, COLLECTION_PERMS[MEMBERS])])
    TownRole.objects.update_or_create(group=managers, defaults={"site": site, "kind": TownRole.MANAGERS})
    groups[managers.name] = managers

    members, _ = Group.objects.get_or_create(name=names["members"])
    members.permissions.set([admin_access, *_snippet_perms(snippets, SNIPPET_ACTIONS[MEMBERS])])
    town_pages = set(for_site(Page.objects.filter(locale=german), site).values_list("pk", flat=True))
    sections = [page for page in member_sections(german) if page.pk in town_pages]
    _sync_page_perms(members, [(page, MEMBER_PAGE_PERMS) for page in sections])
    _sync_collection_perms(members, [(shared_collection, COLLECTION_PERMS[MEMBERS])])
    TownRole.objects.update_or_create(group=members, defaults={"site": site, "kind": TownRole.MEMBERS})
    groups[members.name] = members

    for fn in hooks.get_hooks("portal_after_setup_town_roles"):
        fn(site, groups)
    return groups
