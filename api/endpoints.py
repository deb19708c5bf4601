"""The endpoints of the public read API (Wagtail API v2, read-only).

Every endpoint starts from what an anonymous reader of the site may see, whoever asks:

* pages: live, of the public types (home, fields of action, guide, standard, news and
  events with their indexes), no view restriction on the page or an ancestor
  (``portal.visibility.public_pages``), and for an alias also none on its original;
* offers: ``offers.queries`` (live, valid today, German fallback), filtered with the
  finder's own form (``offers.forms.OfferFilterForm``);
* organisations: live ones, German fallback.

Nothing else is mounted: no images, no documents endpoint (their files are reached
through the links the answers carry, and only public ones: ``api.references``).
Signed-in users get the same answers (no authentication is read). Interface of the
answers: README, "Public read API".
"""

from types import SimpleNamespace

from django.conf import settings
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone, translation
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage
from network.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from offers.choices import ORGANISATION_KINDS
from offers.fields import has_code
from offers.forms import OfferFilterForm
from offers.models import Offer, OfferFinderPage, Organisation
from offers.queries import current_offers, public_offers, public_organisations
from portal.fields_of_action import FIELD_CODES
from portal.pending import pending_exists
from portal.sites import current_site, for_site
from portal.visibility import public_pages

from . import references
from .errors import BadRequest
from .languages import attach_page_languages, not_pending, requested_locale

PAGE_TYPES = [
    HomePage,
    GuideIndexPage,
    GuidePage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
]
SEARCH_HITS = 200  # at most this many search hits are considered (then paginated)


# --- fields ---------------------------------------------------------------------------------
class LanguageField(serializers.Field):
    """The language the item's text is in (``de`` for a German fallback)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return instance.api_language


class FallbackField(serializers.Field):
    """True when the language asked for has no version of this item and German is shown."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return bool(instance.api_fallback)


class HtmlUrlField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return getattr(instance, "api_html_url", None)


class StreamField(serializers.Field):
    """A StreamField as its raw blocks; chooser ids become public links (``api.references``)."""

    def to_representation(self, value):
        return references.stream_representation(value.stream_block, list(value.raw_data))


class TextField(serializers.Field):
    """Rich text (internal links resolved later) or plain text, as stored."""

    def to_representation(self, value):
        return str(value) if value is not None else None


def text(name):
    return APIField(name, serializer=TextField(read_only=True))


LANGUAGE_META = [
    APIField("language", serializer=LanguageField()),
    APIField("fallback", serializer=FallbackField()),
]

PAGE_FIELDS = {
    HomePage: [text("intro")],
    GuideIndexPage: ["field_of_action", text("intro")],
    GuidePage: [text("intro"), APIField("body", serializer=StreamField(read_only=True))],
    StandardPage: [text("intro"), APIField("body", serializer=StreamField(read_only=True))],
    NewsIndexPage: [text("intro")],
    NewsPage: ["date", text("teaser"), text("content")],
    EventIndexPage: [text("intro")],
    EventPage: [
        "start",
        "end",
        text("location"),
        text("organiser"),
        text("description"),
        text("registration"),
        "recurrence",
        "recurrence_interval",
        "recurrence_until",
    ],
}


# --- common behaviour -------------------------------------------------------------------------
class PublicReadMixin:
    """JSON only (no ``Vary: Accept``, so the page cache can store it), no authentication read."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]
    extra_query_parameters = frozenset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.locale = requested_locale(request)

    def dispatch(self, request, *args, **kwargs):
        # Messages in English whatever the browser asks (the answer does not vary by language).
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # api.middleware answers with it if LocaleMiddleware turned a 404 into a redirect.
        request._request.api_response = response
        if "search" in request.GET:
            request._request._page_cache_refuse = True  # like the site's search: never stored
        return response

    def search_ids(self, model_queryset):
        """Primary keys of the search hits for ``?search=``, best first (one search)."""
        term = self.request.GET.get("search", "").strip()
        if not term:
            raise BadRequest("search needs a term")
        operator = self.request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequest("search_operator must be 'and' or 'or'")
        results = get_search_backend().search(term, model_queryset, operator=operator)
        return [obj.pk for obj in results[:SEARCH_HITS]]

    @staticmethod
    def by_position(queryset, ids):
        if not ids:
            return queryset.none()
        order = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)], output_field=IntegerField())
        return queryset.filter(pk__in=ids).order_by(order)

    def respond(self, data):
        return references.resolve(data, self.request, self.public_page_queryset())

    def public_page_queryset(self):
        return public_page_base()


def public_page_base():
    """Every page an anonymous reader may read through the API (all sites, all locales)."""
    live = Page.objects.live()
    queryset = public_pages(live.type(*PAGE_TYPES))
    return queryset.filter(Q(alias_of__isnull=True) | Q(alias_of__in=public_pages(live).values("pk")))


def field_filter(request):
    code = request.GET.get("field")
    if code is None:
        return None
    if code not in FIELD_CODES:
        raise BadRequest(f"unknown field of action '{code}'; known: {', '.join(FIELD_CODES)}")
    return code


# --- pages ------------------------------------------------------------------------------------
class PagesEndpoint(PublicReadMixin, PagesAPIViewSet):
    """``/api/v2/pages/``: guide, standard, news and event pages; ``?type=`` picks types."""

    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site", "format"} | {
        "lang",
        "field",
        "search_operator",
    }
    meta_fields = PagesAPIViewSet.meta_fields + LANGUAGE_META
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["language", "fallback"]
    nested_default_fields = PagesAPIViewSet.nested_default_fields + ["language"]
    allowed_types = PAGE_TYPES

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + PAGE_FIELDS.get(model, []))

    def get_base_queryset(self):
        """Public pages of the types above, below this site's root in every locale."""
        if not hasattr(self, "_base_queryset"):
            queryset = public_page_base()
            site = Site.find_for_request(self.request)
            if site is None:
                queryset = queryset.none()
            else:
                roots = Page.objects.filter(translation_key=site.root_page.translation_key)
                below = roots.annotate(path_length=Length("path")).filter(
                    path=Substr(OuterRef("path"), 1, F("path_length"))
                )
                queryset = queryset.filter(Exists(below))
            self._base_queryset = queryset
        return self._base_queryset

    def public_page_queryset(self):
        return self.get_base_queryset()

    def requested_models(self):
        value = self.request.GET.get("type")
        if not value:
            return []
        names = {model._meta.label_lower: model for model in self.allowed_types}
        models = []
        for name in value.split(","):
            model = names.get(name.strip().lower())
            if model is None:
                known = ", ".join(model._meta.label for model in self.allowed_types)
                raise BadRequest(f"type '{name}' is not served here; known: {known}")
            models.append(model)
        return models

    def get_queryset(self):
        models = self.requested_models()
        base = self.get_base_queryset()
        if len(models) == 1:
            queryset = models[0].objects.filter(pk__in=base.values("pk"))
        elif models:
            queryset = base.type(*models)
        elif self.model is not Page:
            queryset = self.model.objects.filter(pk__in=base.values("pk"))
        else:
            queryset = base
        if self.locale is not None:
            queryset = queryset.filter(locale=self.locale)
        code = field_filter(self.request)
        if code is not None:
            sections = GuideIndexPage.objects.filter(field_of_action=code).annotate(
                path_length=Length("path")
            )
            queryset = queryset.filter(
                Exists(sections.filter(path=Substr(OuterRef("path"), 1, F("path_length"))))
            )
        return queryset.select_related("locale", "alias_of")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "search" in self.request.GET:
            ids = self.search_ids(Page.objects.live())
            queryset = (
                self.by_position(queryset, ids)
                if "order" not in self.request.GET
                else queryset.filter(pk__in=ids)
            )
        return queryset

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        attach_page_languages(items)
        serializer = self.get_serializer(items, many=True)
        response = self.get_paginated_response(serializer.data)
        response.data = self.respond(response.data)
        return response

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        instance = self.get_object()
        attach_page_languages([instance])
        serializer = self.get_serializer(instance)
        return Response(self.respond(serializer.data))

    def find_object(self, queryset, request):
        """``?html_path=/ar/sprache/`` (with the language prefix, as the site's URLs are)."""
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        components = [part for part in request.GET["html_path"].split("/") if part]
        codes = {code for code, _name in settings.LANGUAGES}
        site = Site.find_for_request(request)
        if not components or components[0] not in codes or site is None:
            return None
        home = Page.objects.filter(
            translation_key=site.root_page.translation_key, locale__language_code=components[0]
        ).first()
        if home is None:
            return None
        try:
            with translation.override(components[0]):
                page, _args, _kwargs = home.specific.route(request, components[1:])
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


class NewsEndpoint(PagesEndpoint):
    """``/api/v2/news/``: news pages, newest first."""

    model = NewsPage
    name = "news"
    allowed_types = [NewsPage]
    known_query_parameters = PagesEndpoint.known_query_parameters - {"type"}

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if "order" in self.request.GET else queryset.order_by("-date", "-pk")


class EventsEndpoint(PagesEndpoint):
    """``/api/v2/events/``: events by start; ``?upcoming=true`` only those not yet over."""

    model = EventPage
    name = "events"
    allowed_types = [EventPage]
    known_query_parameters = PagesEndpoint.known_query_parameters - {"type"} | {"upcoming"}

    def get_queryset(self):
        queryset = super().get_queryset()
        upcoming = self.request.GET.get("upcoming")
        if upcoming not in (None, "true", "false"):
            raise BadRequest("upcoming must be 'true' or 'false'")
        if upcoming == "true":
            today = timezone.localdate()
            queryset = queryset.filter(Q(end__gte=timezone.now()) | Q(recurrence_until__gte=today))
        return queryset if "order" in self.request.GET else queryset.order_by("start", "pk")


# --- snippets -----------------------------------------------------------------------------------
class SnippetEndpoint(PublicReadMixin, BaseAPIViewSet):
    """Offers and organisations: the public querysets of ``offers.queries``, own filters only."""

    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "search", "search_operator", "locale", "lang", "slug"]
    )
    find_query_parameters = frozenset(["id", "slug"])
    meta_fields = BaseAPIViewSet.meta_fields + LANGUAGE_META
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["language", "fallback"]
    api_fields = []

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + cls.api_fields)

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            unknown, known = ", ".join(sorted(unknown)), ", ".join(sorted(self.known_query_parameters))
            raise BadRequest(f"query parameter is not an operation or a filter: {unknown}; known: {known}")

    def public_rows(self):
        raise NotImplementedError

    def all_locales(self, queryset):
        """Without a language: every language version as what it is (started translations left out)."""
        return (
            queryset.alias(api_pending=pending_exists())
            .filter(not_pending())
            .annotate(is_fallback=Value(False))
            .select_related("locale")
        )

    def get_queryset(self):
        self.check_query_parameters(None)
        queryset = self.public_rows()
        if self.request.GET.get("slug"):
            queryset = queryset.filter(slug=self.request.GET["slug"])
        return self.filter_rows(queryset)

    def filter_rows(self, queryset):
        return queryset

    def filter_queryset(self, queryset):
        if "search" in self.request.GET:
            ids = self.search_ids(queryset.model.objects.all())
            queryset = queryset.filter(pk__in=ids)
        return queryset

    def attach(self, items):
        for item in items:
            item.api_language = item.locale.language_code
            item.api_fallback = bool(getattr(item, "is_fallback", False))

    def listing_view(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        items = list(self.paginate_queryset(queryset))
        self.attach(items)
        serializer = self.get_serializer(items, many=True)
        response = self.get_paginated_response(serializer.data)
        response.data = self.respond(response.data)
        return response

    def detail_view(self, request, pk):
        instance = self.get_object()
        self.attach([instance])
        return Response(self.respond(self.get_serializer(instance).data))

    def find_object(self, queryset, request):
        """``find/?slug=`` (with ``?locale=``: that language's version, or the German fallback)."""
        if "slug" in request.GET:
            return queryset.first()
        return super().find_object(queryset, request)


class OffersEndpoint(SnippetEndpoint):
    """``/api/v2/offers/``: the offer finder's offers and filters."""

    model = Offer
    name = "offers"
    filters = (
        "field",
        "kind",
        "target",
        "language",
        "organisation",
        "district",
        "day",
        "time",
        "free",
        "childcare",
        "women",
        "barrierfree",
    )
    known_query_parameters = SnippetEndpoint.known_query_parameters | set(filters)
    meta_fields = SnippetEndpoint.meta_fields + [APIField("html_url", serializer=HtmlUrlField())]
    listing_default_fields = SnippetEndpoint.listing_default_fields + ["html_url", "title", "summary"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title"]
    api_fields = [
        "title",
        "slug",
        "summary",
        text("description"),
        "organisation",
        "kind",
        "fields_of_action",
        "target_groups",
        "languages",
        "is_free",
        "fee_note",
        "childcare",
        "women_only",
        "barrier_free",
        "registration_required",
        "registration_how",
        "address",
        "latitude",
        "longitude",
        "schedule",
        "opening_hours",
        "hours_are_weekly",
        "district",
        "time_slots",
        "contact_person",
        "contact_phone",
        "contact_email",
        "valid_from",
        "valid_until",
        "last_reviewed",
        "is_example",
    ]

    def public_rows(self):
        site = current_site(self.request)  # the town asked (portal/sites.py)
        if self.locale is not None:
            return public_offers(self.locale, site=site)
        rows = for_site(current_offers(), site)
        return self.all_locales(rows).select_related("organisation").order_by("title", "pk")

    def filter_rows(self, queryset):
        """The finder's own form and rules (``OfferFilterForm.apply``); a bad value is a 400 here."""
        data = {name: self.request.GET[name] for name in self.filters if name in self.request.GET}
        if not data:
            return queryset
        slugs = Organisation.objects.filter(live=True).values_list("slug", flat=True).distinct()
        form = OfferFilterForm(data, organisations=[SimpleNamespace(slug=slug, name=slug) for slug in slugs])
        if not form.is_valid():
            errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
            raise BadRequest("invalid filter: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        return form.apply(queryset)

    def attach(self, items):
        super().attach(items)
        finders = {}
        for page in public_pages(OfferFinderPage.objects.live()).select_related("locale"):
            finders.setdefault(page.locale.language_code, page)
        for item in items:
            code = self.locale.language_code if self.locale is not None else item.api_language
            finder = finders.get(code) or finders.get(settings.LANGUAGE_CODE)
            item.api_html_url = item.public_url(finder.get_full_url(self.request)) if finder else None


class OrganisationsEndpoint(SnippetEndpoint):
    """``/api/v2/organisations/``: the actor map."""

    model = Organisation
    name = "organisations"
    known_query_parameters = SnippetEndpoint.known_query_parameters | {"field", "kind"}
    listing_default_fields = SnippetEndpoint.listing_default_fields + ["name"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name"]
    api_fields = [
        "name",
        "slug",
        "description",
        "kind",
        "staff",
        "fields_of_action",
        "address",
        "phone",
        "email",
        "website",
        "is_example",
    ]

    def public_rows(self):
        site = current_site(self.request)  # the town asked (portal/sites.py)
        if self.locale is not None:
            return public_organisations(self.locale, site=site).order_by("name", "pk")
        rows = for_site(Organisation.objects.filter(live=True), site)
        return self.all_locales(rows).order_by("name", "pk")

    def filter_rows(self, queryset):
        code = field_filter(self.request)
        if code is not None:
            queryset = queryset.filter(has_code("fields_of_action", code))
        kind = self.request.GET.get("kind")
        if kind is not None:
            kinds = [value for value, _label in ORGANISATION_KINDS]
            if kind not in kinds:
                raise BadRequest(f"unknown kind '{kind}'; known: {', '.join(kinds)}")
            queryset = queryset.filter(kind=kind)
        return queryset
