"""Several towns on one installation: the one place of the site-scoping rules (issue 16).

Each Wagtail ``Site`` is a town of the Kreis Warendorf: its own hostname (and port), its own
home tree (the German home page ``Site.root_page`` and its locale versions, all at depth 2),
its own name, logo, contact and languages (``portal.models.TownSettings``). Everything public
is scoped to the request's town with these helpers; nothing else decides what belongs to a town.

* ``current_site(request)``: the request's town (Wagtail's ``Site.find_for_request``, cached on
  the request, so no extra query on a page Wagtail already served).
* ``town_settings(request_or_site)``: the town's name, logo, contact and languages (cached per
  site, cleared when the settings or the site change; defaults for a town not configured yet).
* ``site_languages(request)``: ``(code, name)`` of the languages the town offers (the switcher).
* ``town_home(site, locale)``: the town's home page in ``locale`` (German when it has none).
* ``for_site(queryset, site)``: the rows of ``queryset`` that belong to ``site``:

  - pages: those in the town's trees (one subquery, no extra query);
  - models with a ``towns`` many-to-many to ``Site`` (organisations): those serving the town,
    read from their German version (the source; translations share its ``translation_key``).
    An organisation with no town serves the default site, so a one-town installation needs
    no extra data;
  - models with an ``organisation`` foreign key (offers): those of organisations serving it;
  - any other model: unchanged (it belongs to the whole installation, e.g. glossary terms).

  Public rules stay where they are (``OfferQuerySet.current``, ``.live().public()``); ``for_site``
  only narrows them. ``for_sites(queryset, site_ids)`` does the same for several towns.

Roles of one town (``TownRole``, ``setup_town_roles``, ``user_towns``, ``town_manager``) are in
``portal.roles``.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page, Site

HOME_DEPTH = 2
CACHE_TIMEOUT = 3600


SITES_KEY = "portal:sites"


def _all_sites():
    sites = cache.get(SITES_KEY)
    if sites is None:
        sites = list(Site.objects.all())
        cache.set(SITES_KEY, sites, CACHE_TIMEOUT)
    return sites


def _match(sites, hostname, port):
    """Wagtail's rule (``Site.find_for_request``): hostname and port, hostname of the default
    site, the only site of that hostname, the default site."""
    for test in (
        lambda s: s.hostname == hostname and s.port == port,
        lambda s: s.hostname == hostname and s.is_default_site,
    ):
        found = [s for s in sites if test(s)]
        if found:
            return found[0]
    same_host = [s for s in sites if s.hostname == hostname]
    if len(same_host) == 1:
        return same_host[0]
    return next((s for s in sites if s.is_default_site), None)


def current_site(request):
    """The request's Wagtail site (town), or None when no site answers.

    Wagtail's own answer when it already looked (every page it serves); else the same rule over
    the sites kept in the cache (cleared when a site changes), so a view that is no page (search)
    spends no query on it.
    """
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        from django.http.request import split_domain_port

        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = _match(_all_sites(), hostname, int(request.get_port()))
    return request._wagtail_site


def site_of(request_or_site):
    if request_or_site is None or isinstance(request_or_site, Site):
        return request_or_site
    return current_site(request_or_site)


# --- Settings of a town --------------------------------------------------------------
def _settings_key(site_id):
    return f"portal:town:{site_id}"


def forget_town_settings(site_id=None):
    """Drop the cached settings (all sites when ``site_id`` is None)."""
    ids = [site_id] if site_id is not None else list(Site.objects.values_list("pk", flat=True))
    cache.delete_many([SITES_KEY, *(_settings_key(i) for i in ids)])


def town_settings(request_or_site):
    """The town's ``TownSettings`` (unsaved defaults when none is stored). Cached per site."""
    from portal.models import TownSettings

    site = site_of(request_or_site)
    if site is None:
        return TownSettings()
    cached = getattr(request_or_site, "_portal_town", None) if not isinstance(request_or_site, Site) else None
    if cached is not None:
        return cached
    key = _settings_key(site.pk)
    town = cache.get(key)
    if town is None:
        town = TownSettings.objects.filter(site_id=site.pk).select_related("logo").first()
        if town is None:
            town = TownSettings(site_id=site.pk)
            if not site.is_default_site:  # a new town never says "Beckum"
                town.name = site.site_name or site.hostname
                town.operator = town.network_name = ""
        cache.set(key, town, CACHE_TIMEOUT)
    if not isinstance(request_or_site, Site):
        request_or_site._portal_town = town
    return town


def site_languages(request):
    """``(code, name)`` of the languages the request's town offers, in the portal's order."""
    offered = town_settings(request).language_codes() if request is not None else []
    return [(code, name) for code, name in settings.LANGUAGES if not offered or code in offered]


# --- Trees ----------------------------------------------------------------------------
def _root_key(site):
    return Subquery(Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1])


def town_home_paths(site):
    """Subquery: the paths of the town's home page in every locale."""
    return Page.objects.filter(depth=HOME_DEPTH, translation_key=_root_key(site)).values("path")


def town_home(site, locale):
    """The town's live home page in ``locale``, else its German one (specific), or None."""
    homes = Page.objects.live().filter(depth=HOME_DEPTH, translation_key=_root_key(site))
    return (
        homes.filter(locale=locale).specific().first()
        or homes.filter(locale__language_code=settings.LANGUAGE_CODE).specific().first()
    )


def page_in_site(page, site):
    """Whether ``page`` lies in the town's trees (one query)."""
    home_path = page.path[: Page.steplen * HOME_DEPTH]
    return town_home_paths(site).filter(path=home_path).exists()


# --- Querysets ------------------------------------------------------------------------
def _serving_keys(model, site_ids, include_default):
    """Subquery: translation keys of ``model`` rows (German versions) serving one of the towns."""
    condition = Q(towns__in=site_ids)
    if include_default:
        condition |= Q(towns__isnull=True)
    return (
        model._default_manager.filter(condition, locale__language_code=settings.LANGUAGE_CODE)
        .values("translation_key")
        .distinct()
    )


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist
        return None


def _scoped(queryset, home_paths, site_ids, include_default):
    model = queryset.model
    if issubclass(model, Page):
        return queryset.alias(town_home_path=Substr("path", 1, Page.steplen * HOME_DEPTH)).filter(
            town_home_path__in=home_paths
        )
    if _field(model, "towns") is not None:
        return queryset.filter(translation_key__in=_serving_keys(model, site_ids, include_default))
    organisation = _field(model, "organisation")
    if organisation is not None and _field(organisation.related_model, "towns") is not None:
        keys = _serving_keys(organisation.related_model, site_ids, include_default)
        return queryset.filter(organisation__translation_key__in=keys)
    return queryset  # no link to a town (e.g. glossary terms): shared by every town


def for_site(queryset, site):
    """Rows of ``queryset`` that belong to the town ``site`` (None: the queryset unchanged)."""
    if site is None:
        return queryset
    return _scoped(queryset, town_home_paths(site), [site.pk], site.is_default_site)


def for_sites(queryset, site_ids):
    """Rows of ``queryset`` belonging to any of the towns ``site_ids`` (one query to read the default)."""
    site_ids = list(site_ids)
    roots = Page.objects.filter(sites_rooted_here__in=site_ids).values("translation_key")
    home_paths = Page.objects.filter(depth=HOME_DEPTH, translation_key__in=roots).values("path")
    include_default = Site.objects.filter(pk__in=site_ids, is_default_site=True).exists()
    return _scoped(queryset, home_paths, site_ids, include_default)


def for_request(queryset, request):
    """``for_site(queryset, current_site(request))``."""
    return for_site(queryset, current_site(request))


def town_context(request):
    """Context processor: ``town``, the request's ``TownSettings`` (read lazily, cached per site)."""
    from django.utils.functional import SimpleLazyObject

    return {"town": SimpleLazyObject(lambda: town_settings(request))}
