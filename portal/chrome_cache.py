"""Site chrome data in fewer queries (issue 12, query diet).

* ``homes_and_versions(page, request)``: every locale's home page and every live locale
  version of ``page`` in one query (they were two).
* ``cached_menu(home, request, build)``: the navigation and footer entries of a locale.

All are kept in this process under the site-wide content version that the full-page
cache read for this request (``portal/version_memo.py``). Any change of content bumps the
version, so stale chrome is never shown; without a version on the request (page cache
off, signed-in readers) everything is built from the database.
"""

import time

from django.db.models import Q, Subquery
from wagtail.models import Page

from portal.version_memo import remember


def home_key(page):
    """Subquery: the translation key of the home page above ``page`` (shared by its locale versions)."""
    home_path = page.path[: Page.steplen * 2]
    return Subquery(Page.objects.filter(path=home_path).values("translation_key")[:1])


def homes_and_versions(page, request=None):
    """(homes, versions) by language code; versions carry ``translation_pending`` (portal/pending.py).

    With an anonymous ``request`` they are kept per content version (``portal/version_memo.py``).
    """
    return remember(request, ("homes_and_versions", page.pk), lambda: _homes_and_versions(page))


def _homes_and_versions(page):
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
    return remember(request, ("menu", home.pk), build)


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
    timeout = getattr(settings, "PAGE_CACHE_TIMEOUT", 300)
    slot = int(time.time() // timeout)  # at most one timeout old, as a stored page
    key = ("sections", timezone.localdate().isoformat(), slot, page.pk)
    return remember(request, key, build)
