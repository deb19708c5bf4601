"""Roles of the portal as Django groups with Wagtail permissions, kept in code.

``setup_roles`` (run by ``load_demo_content`` and by ``make run``) creates or
updates the groups idempotently. The matrix in the README documents them.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page

MANAGERS = "Integrationsmanagement"
MEMBERS = "Netzwerkmitglieder"
TRANSLATOR_PREFIX = "Übersetzung "
WORKING_GROUPS = ["AG Kontakt mit städtischen Behörden", "AG Zusammenleben gestalten"]

PAGE_PERMS = {
    MANAGERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    MEMBERS: ["add_page", "change_page"],
}
COLLECTION_PERMS = {
    MANAGERS: [
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    ],
    MEMBERS: ["add_document", "choose_document", "add_image", "choose_image"],
}
MODEL_PERMS = {
    MANAGERS: ["auth.add_user", "auth.change_user", "auth.view_user", "wagtail_localize.submit_translation"],
    MEMBERS: [],
}


def translator_group_name(language_code):
    return f"{TRANSLATOR_PREFIX}{language_code}"


def _perm(codename):
    if "." in codename:
        app_label, codename = codename.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    return Permission.objects.get(
        codename=codename, content_type__app_label__in=["wagtailcore", "wagtaildocs", "wagtailimages"]
    )


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_perm(codename))


def setup_roles():
    """Create the groups; page permissions need the locale home pages to exist."""
    from wagtail.models import Collection

    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in [MANAGERS, MEMBERS, *WORKING_GROUPS]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for codename in MODEL_PERMS.get(name, []):
            group.permissions.add(_perm(codename))
        for codename in COLLECTION_PERMS.get(name, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_perm(codename)
            )
        groups[name] = group

    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    _grant_pages(groups[MANAGERS], root, PAGE_PERMS[MANAGERS])
    german_home = Page.objects.filter(depth=2, locale=german).first()
    if german_home:
        _grant_pages(groups[MEMBERS], german_home, PAGE_PERMS[MEMBERS])

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        group, _ = Group.objects.get_or_create(name=translator_group_name(code))
        group.permissions.add(admin_access)
        home = Page.objects.filter(depth=2, locale__language_code=code).first()
        if home:
            _grant_pages(group, home, ["change_page"])
        groups[group.name] = group
    return groups
