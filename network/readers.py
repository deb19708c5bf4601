"""Who may read a page's content — one answer for the public site and the admin.

Wagtail's admin views (draft view, preview, revisions, history, chooser,
search, explorer) ask for edit or explore rights only, never for the view
restrictions the public site applies. Every admin guard asks these two
functions instead, so a person who may not read a page on the site does not
see its content or its title through any admin route either.

Aliases are judged by their original page, as Wagtail's own serve view does
(``Page.get_view_restrictions`` resolves aliases), so restriction rows that sit
on an alias never make it readable or unreadable on their own.
"""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from portal.roles import is_manager


def _passes(user, restriction):
    kind = restriction.restriction_type
    if kind == BaseViewRestriction.NONE:
        return True
    if not user.is_authenticated:
        return False
    if kind == BaseViewRestriction.LOGIN:
        return True
    if kind == BaseViewRestriction.GROUPS:
        group_ids = {g.pk for g in restriction.groups.all()}
        return bool(group_ids & _user_group_ids(user))
    # A shared password is a public-site mechanism; in the admin only managers pass it.
    return is_manager(user)


def _user_group_ids(user):
    ids = getattr(user, "_readers_group_ids", None)
    if ids is None:
        ids = set(user.groups.values_list("pk", flat=True))
        user._readers_group_ids = ids
    return ids


def may_read_page(user, page):
    """True if ``user`` may read ``page`` (and its title) on the site, hence in the admin."""
    if user.is_active and user.is_superuser:
        return True
    if user.is_authenticated and not user.is_active:
        return False
    return all(_passes(user, r) for r in page.get_view_restrictions().prefetch_related("groups"))


def unreadable_roots(user):
    """Pages (in every locale, aliases included) below which ``user`` may read nothing."""
    if user.is_active and user.is_superuser:
        return Page.objects.none()
    denied = [
        r.page_id for r in PageViewRestriction.objects.prefetch_related("groups") if not _passes(user, r)
    ]
    return Page.objects.filter(Q(pk__in=denied) | Q(alias_of_id__in=denied))


def _unreadable_paths(user):
    """Tree paths below which ``user`` may read nothing.

    The denied pages and their aliases, and also every alias of a page *inside* a denied
    subtree wherever it was placed (an alias is judged by its original, as on the site).
    Plain paths only, so that search querysets (admin search, chooser search) can be
    filtered too. Kept on the user object: a request's user lives as long as the request,
    and one admin list asks several times.
    """
    paths = getattr(user, "_readers_unreadable_paths", None)
    if paths is None:
        paths = list(unreadable_roots(user).values_list("path", flat=True))
        if paths:
            inside = Q()
            for path in paths:
                inside |= Q(alias_of__path__startswith=path)
            paths += list(Page.objects.filter(inside).values_list("path", flat=True))
        if user.is_authenticated:
            user._readers_unreadable_paths = paths
    return paths


def readable_pages(user, queryset):
    """``queryset`` without the pages ``user`` may not read (four queries per request and user)."""
    paths = _unreadable_paths(user)
    if not paths:
        return queryset
    excluded = Q()
    for path in paths:
        excluded |= Q(path__startswith=path)
    return queryset.exclude(excluded)
