"""Public page types: the offer finder and the organisation directory (actor map)."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.pages import TranslatedPageMixin, locale_page
from portal.sites import current_site, for_site


def memo_locale_page(request, model, locale, site):
    """``locale_page`` kept per content version for anonymous readers (``portal/version_memo.py``):
    the offer and organisation pages link to the finder and the directory on every request."""
    from portal.version_memo import remember

    key = ("locale_page", model._meta.label, locale.pk, site.pk if site else None)
    return remember(request, key, lambda: locale_page(model, locale, site=site))


class OfferFinderPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """Lists the live, currently valid offers; ``<slug>/`` shows one offer."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two plain sentences above the filters.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    per_page = 20
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("offer finder")
        verbose_name_plural = _("offer finders")

    def __str__(self):
        return self.title

    def language_context(self, request, homes=None, versions=None):
        """On an offer's page: canonical, hreflang and switcher point to that offer in each language."""
        offer = getattr(request, "portal_offer", None)
        if offer is None:
            return super().language_context(request, homes=homes, versions=versions)
        from offers.languages import offer_language_context

        return offer_language_context(self, offer, request, homes=homes, versions=versions)

    def get_sitemap_urls(self, request=None):
        """The finder, plus the detail page of every public offer translated into this locale."""
        from offers.queries import current_offers

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            offers = for_site(current_offers(), current_site(request) if request else self.get_site())
            for offer in offers.filter(locale_id=self.locale_id).only("slug", "last_reviewed"):
                entry = {"location": offer.public_url(base)}
                if offer.last_reviewed:  # Wagtail compares lastmod with pages' datetimes
                    entry["lastmod"] = timezone.make_aware(
                        datetime.datetime.combine(offer.last_reviewed, datetime.time())
                    )
                urls.append(entry)
        return urls

    # -- the list ----------------------------------------------------------
    @path("")
    def index(self, request):
        from offers.forms import OfferFilterForm
        from offers.queries import public_offers, public_organisations

        locale = self.locale
        site = current_site(request)
        organisations = list(public_organisations(locale, site=site).order_by("name"))
        form = OfferFilterForm(request.GET or None, organisations=organisations)
        values = form.values
        offers = form.apply(public_offers(locale, site=site), values)
        paginator = Paginator(offers, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        finder_url = self.get_url(request)
        for offer in page_obj.object_list:
            offer.url = offer.public_url(finder_url)
        suggestions = []
        if paginator.count == 0 and values:
            suggestions = self.removal_suggestions(form, values, public_offers(locale, site=site))
        return self.render(
            request,
            context_overrides={
                "form": form,
                "offers": page_obj.object_list,
                "page_obj": page_obj,
                "result_count": paginator.count,
                "filter_query": form.query_string(values),
                "suggestions": suggestions,
                "finder_url": finder_url,
            },
        )

    def removal_suggestions(self, form, values, base):
        """For an empty result: each filter whose removal alone finds something."""
        suggestions = []
        for name in values:
            rest = {k: v for k, v in values.items() if k != name}
            count = form.apply(base, rest).count()
            if count:
                suggestions.append(
                    {
                        "label": form.describe(name, values[name]),
                        "count": count,
                        "query": form.query_string(rest),
                    }
                )
        return suggestions

    # -- one offer ----------------------------------------------------------
    @path("<slug:slug>/")
    def offer(self, request, slug):
        from offers.presentation import json_ld_script, offer_facts, offer_json_ld
        from offers.queries import public_offers

        offer = public_offers(self.locale, site=current_site(request)).filter(slug=slug).first()
        if offer is None:
            raise Http404
        request.portal_offer = offer  # language_context: links to this offer in the other languages
        finder_url = self.get_url(request)
        url = offer.public_url(finder_url)
        full_url = request.build_absolute_uri(url)
        directory = memo_locale_page(request, OrganisationDirectoryPage, self.locale, current_site(request))
        organisation_url = offer.organisation.public_url(directory.get_url(request)) if directory else None
        return self.render(
            request,
            template="offers/offer_detail.html",
            context_overrides={
                "offer": offer,
                "facts": offer_facts(offer),
                "json_ld": json_ld_script(
                    offer_json_ld(
                        offer,
                        full_url,
                        request.build_absolute_uri(organisation_url) if organisation_url else None,
                    )
                ),
                "finder_url": finder_url,
                "organisation_url": organisation_url,
                "share_url": full_url,
                "print_view": request.GET.get("print") == "1",
            },
        )

    @path("<slug:slug>", name="offer_no_slash")
    def offer_without_slash(self, request, slug):
        return HttpResponsePermanentRedirect(f"{self.get_url(request)}{slug}/")


class OrganisationDirectoryPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """The actor map: organisations grouped by kind; ``<slug>/`` is one organisation's page."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two plain sentences."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation directory")
        verbose_name_plural = _("organisation directories")

    def __str__(self):
        return self.title

    def language_context(self, request, homes=None, versions=None):
        """On an organisation's page: canonical, hreflang and switcher point to it in each language."""
        organisation = getattr(request, "portal_organisation", None)
        if organisation is None:
            return super().language_context(request, homes=homes, versions=versions)
        from offers.languages import organisation_language_context

        return organisation_language_context(self, organisation, request, homes=homes, versions=versions)

    def get_sitemap_urls(self, request=None):
        """The directory, plus the page of every published organisation translated into this locale."""
        from offers.models.organisations import Organisation

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            organisations = Organisation.objects.filter(live=True, locale_id=self.locale_id)
            for organisation in for_site(organisations, self.get_site()).only("slug"):
                urls.append({"location": organisation.public_url(base)})
        return urls

    # -- the directory -------------------------------------------------------
    @path("")
    def index(self, request):
        from offers.choices import ORGANISATION_KINDS
        from offers.queries import public_offers, public_organisations

        site = current_site(request)
        offers_by_org = {}
        for offer in public_offers(self.locale, site=site):
            offers_by_org.setdefault(offer.organisation.translation_key, []).append(offer)
        finder = memo_locale_page(request, OfferFinderPage, self.locale, site)
        finder_url = finder.get_url(request) if finder else None
        directory_url = self.get_url(request)
        groups = {code: [] for code, _label in ORGANISATION_KINDS}
        for org in public_organisations(self.locale, site=site).order_by("name"):
            org.url = org.public_url(directory_url)
            org.current_offers = offers_by_org.get(org.translation_key, [])
            for offer in org.current_offers:
                offer.url = offer.public_url(finder_url) if finder_url else None
            groups.setdefault(org.kind, []).append(org)
        labels = dict(ORGANISATION_KINDS)
        return self.render(
            request,
            context_overrides={
                "groups": [
                    {"code": code, "label": labels.get(code, code), "organisations": orgs}
                    for code, orgs in groups.items()
                    if orgs
                ],
                "finder_url": finder_url,
            },
        )

    # -- one organisation ------------------------------------------------------
    @path("<slug:slug>/")
    def organisation(self, request, slug):
        from offers.choices import FIELDS_OF_ACTION
        from offers.hours import has_hours, opening_hours_specification
        from offers.presentation import json_ld_script, labels, organisation_json_ld
        from offers.queries import public_offers, public_organisations

        site = current_site(request)
        organisation = public_organisations(self.locale, site=site).filter(slug=slug).first()
        if organisation is None:  # unknown, unpublished, or only a draft: drafts are never shown
            raise Http404
        request.portal_organisation = organisation  # language_context: this organisation in each language
        directory_url = self.get_url(request)
        full_url = request.build_absolute_uri(organisation.public_url(directory_url))
        finder = memo_locale_page(request, OfferFinderPage, self.locale, site)
        finder_url = finder.get_url(request) if finder else None
        own = public_offers(self.locale, site=site).filter(
            organisation__translation_key=organisation.translation_key
        )
        offers = list(own)
        for offer in offers:
            offer.url = offer.public_url(finder_url) if finder_url else None
            offer.absolute_url = request.build_absolute_uri(offer.url) if offer.url else None
        # Structured opening hours (offers/hours.py): shown by "offers/includes/opening_hours.html",
        # and in JSON-LD as openingHoursSpecification of the organisation's location (a Place).
        opening_hours = organisation.opening_hours if has_hours(organisation.opening_hours) else None
        json_ld = organisation_json_ld(
            organisation,
            full_url,
            offers=offers,
            opening_hours=opening_hours_specification(opening_hours) if opening_hours else None,
        )
        return self.render(
            request,
            template="offers/organisation_page.html",
            context_overrides={
                "organisation": organisation,
                "fields": labels(FIELDS_OF_ACTION, organisation.fields_of_action),
                "offers": offers,
                "opening_hours": opening_hours,
                "directory_url": directory_url,
                "finder_url": finder_url,
                "share_url": full_url,
                "json_ld": json_ld_script(json_ld),
            },
        )

    @path("<slug:slug>", name="organisation_no_slash")
    def organisation_without_slash(self, request, slug):
        return HttpResponsePermanentRedirect(f"{self.get_url(request)}{slug}/")
