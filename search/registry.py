"""The one list of searchable content types.

Each ``SearchType`` says which model is searched, how its results are
labelled, which of its objects a visitor may see in a locale (the *public
queryset*: live, public, not expired, not an alias), and how to build a
result's URL. Indexing, the database search, Elasticsearch, suggestions and
the tests all read this list; nothing else names models.

Models are named by label (search sits below the apps whose content it
indexes: README, "Architecture"). Never add a model
that holds personal data (request submissions) or documents: they must not be
searchable by the public at all.
"""

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def public_pages(model, locale):
    """Live, public, unexpired pages of the locale, without aliases.

    Aliases (untranslated German pages mirrored into another locale by
    wagtail-localize) carry German text: they are not results of the reader's
    language. Their German original can appear among the German results, where
    it links to the alias so the reader keeps their language's navigation.
    """
    now = timezone.now()
    return (
        model.objects.live()
        .public()
        .filter(locale=locale, alias_of__isnull=True)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def page_urls(model, ids, request):
    """{pk: URL} for the pages; one query, site root paths cached on the request."""
    pages = Page.objects.filter(pk__in=ids).only("id", "url_path", "locale_id", "path", "depth")
    return {page.pk: page.get_url(request=request) for page in pages}


def public_offers(model, locale):
    """Live offers of the locale valid today (decided at query time: expiry needs no re-index)."""
    return model.objects.current().filter(locale=locale)


def public_organisations(model, locale):
    return model.objects.filter(live=True, locale=locale)


def _live_page_urls(model_label, locale_ids, request):
    """{locale_id: URL} of the live, public page of ``model_label`` in each locale."""
    from portal.sites import for_request

    pages = for_request(apps.get_model(model_label).objects.live().public(), request)
    pages = pages.filter(locale_id__in=locale_ids)
    return {page.locale_id: page.get_url(request=request) for page in pages}


def offer_urls(model, ids, request):
    """Offers are shown under the offer finder of their locale: ``<finder>/<slug>/``."""
    offers = list(model.objects.filter(pk__in=ids).only("id", "slug", "locale_id"))
    finders = _live_page_urls("offers.OfferFinderPage", {o.locale_id for o in offers}, request)
    return {o.pk: f"{finders[o.locale_id]}{o.slug}/" for o in offers if finders.get(o.locale_id)}


def organisation_urls(model, ids, request):
    """Organisations are entries of the organisation directory: ``<directory>#org-<slug>``."""
    organisations = list(model.objects.filter(pk__in=ids).only("id", "slug", "locale_id"))
    locale_ids = {o.locale_id for o in organisations}
    directories = _live_page_urls("offers.OrganisationDirectoryPage", locale_ids, request)
    found = [o for o in organisations if o.locale_id in directories]
    return {o.pk: f"{directories[o.locale_id]}#org-{o.slug}" for o in found}


def offer_provider(offer):
    organisation = getattr(offer, "organisation", None)
    return getattr(organisation, "name", "")


@dataclass(frozen=True)
class SearchType:
    model_label: str
    kind: str
    label: Any
    #: fn(model, locale) -> queryset of the objects a visitor may see.
    public_queryset: Any = public_pages
    #: fn(model, ids, request) -> {pk: url}
    urls: Any = page_urls
    #: Fields indexed as the "lead" (weighted between title and body).
    lead_fields: tuple = ("intro", "search_description")
    #: Extra text besides the model's ``search_fields``: fn(obj) -> str.
    extra_text: Any = None
    #: Order of the types when scores are equal (lower first).
    order: int = 50
    #: Added to the score of a matching result of this type (guide pages answer questions best).
    boost: int = 0
    is_page: bool = True
    title_field: str = "title"
    extra: dict = field(default_factory=dict)

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def key(self):
        return self.model._meta.label_lower


# Result types, in the order they are shown when scores tie. Labels are what the
# reader sees next to each result.
SEARCH_TYPES = [
    SearchType("home.GuidePage", "guide", _("Guide"), order=10, boost=3),
    SearchType("home.GuideIndexPage", "topic", _("Topic"), order=20, boost=1, lead_fields=("intro",)),
    SearchType("home.HomePage", "page", _("Page"), order=90, lead_fields=("search_description",)),
    SearchType("home.StandardPage", "page", _("Page"), order=90),
    SearchType(
        "offers.Offer",
        "offer",
        _("Offer"),
        public_queryset=public_offers,
        urls=offer_urls,
        lead_fields=("summary",),
        extra_text=offer_provider,
        order=15,
        is_page=False,
    ),
    SearchType(
        "offers.Organisation",
        "organisation",
        _("Organisation"),
        public_queryset=public_organisations,
        urls=organisation_urls,
        lead_fields=(),
        order=40,
        is_page=False,
        title_field="name",
    ),
    SearchType("offers.OfferFinderPage", "page", _("Page"), order=60, lead_fields=("intro",)),
    SearchType("offers.OrganisationDirectoryPage", "page", _("Page"), order=60, lead_fields=("intro",)),
    SearchType("network.NewsPage", "news", _("News"), order=30, lead_fields=("teaser",)),
    SearchType("network.EventPage", "event", _("Event"), order=30, lead_fields=()),
    # Deliberately absent: network.NetworkAreaPage, WorkingGroupPage, InternalPage
    # (members only), request submissions (personal data), documents.
]


def active_types():
    """The registered types (a model that does not exist is an error, not a skip)."""
    return list(SEARCH_TYPES)


def type_for_model(model):
    """The SearchType of a model class (or its concrete parent), or None."""
    label = model._meta.label_lower
    for search_type in active_types():
        if search_type.key == label:
            return search_type
    return None


def type_for_key(key):
    return next((t for t in active_types() if t.key == key), None)


def kind_labels():
    return {t.kind: t.label for t in SEARCH_TYPES}
