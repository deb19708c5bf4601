"""Site chrome data in fewer queries (issue 12, query diet).

* ``homes_and_versions(page)``: every locale's home page and every live locale version of
  ``page`` in one query (they were two).
* ``cached_menu(home, request, build)``: the navigation and footer entries of a locale,
  kept in the cache under the site-wide content version that the full-page cache read
  for this request (``operations.page_cache``). Any change of content bumps the version,
  so a stale menu is never shown; without a version on the request (page cache off,
  signed-in readers) the menu is built as before.
"""

from django.core.cache import cache
from django.db.models import Q, Subquery
from wagtail.models import Page


def home_key(page):
    """Subquery: the translation key of the home page above ``page`` (shared by its locale versions)."""
    home_path = page.path[: Page.steplen * 2]
    return Subquery(Page.objects.filter(path=home_path).values("translation_key")[:1])


def homes_and_versions(page):
    """(homes, versions) by language code; versions carry ``translation_pending`` (portal/pending.py)."""
    from portal.pending import pending_exists

    home_path = page.path[: Page.steplen * 2]
    rows = (
        Page.objects.filter(
            Q(depth=2, translation_key=home_key(page)) | Q(translation_key=page.translation_key)
        )
        .live()
        .select_related("locale")
        .annotate(translation_pending=pending_exists())
    )
    homes, versions = {}, {}
    for row in rows:
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            versions[code] = row
        if row.depth == 2 and row.path[: Page.steplen] == home_path[: Page.steplen]:
            homes[code] = row
    return homes, versions


def cached_menu(home, request, build):
    version = getattr(request, "page_cache_version", None)
    if version is None:
        return build()
    key = f"chrome:menu:{version}:{home.pk}"
    menu = cache.get(key)
    if menu is None:
        menu = build()
        cache.set(key, menu, 300)
    return menu


def cached_sections(page, request, build):
    """The home page's sections (news, events, forms, offers) under the content version, as the menu.

    Like the stored page itself, sections that depend on the clock (upcoming events) live
    at most ``PAGE_CACHE_TIMEOUT`` seconds and never past midnight (the date is in the key).
    """
    from django.conf import settings
    from django.utils import timezone

    version = getattr(request, "page_cache_version", None)
    if version is None:
        return build()
    key = f"chrome:sections:{version}:{timezone.localdate().isoformat()}:{page.pk}"
    sections = cache.get(key)
    if sections is None:
        sections = build()
        cache.set(key, sections, getattr(settings, "PAGE_CACHE_TIMEOUT", 300))
    return sections
