"""Page types of the multilingual guide."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import GuideStreamBlock
from home.fast_route import FastRouteMixin
from home.panels import ReadabilityPanel
from portal.chrome_cache import cached_sections
from portal.fields_of_action import FIELDS_OF_ACTION
from portal.pages import TranslatedPageMixin


class HomePage(FastRouteMixin, TranslatedPageMixin, Page):
    """The start page of one locale: introduction and entry tiles per field of action."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Two or three short paragraphs: what the portal offers and who runs it."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "home.GuideIndexPage",
        "home.StandardPage",
        "network.NewsIndexPage",
        "network.EventIndexPage",
        "network.NetworkAreaPage",
        "network.WorkingGroupPage",
        "personal_requests.RequestFormPage",
        "offers.OfferFinderPage",
        "offers.OrganisationDirectoryPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The tiles are the navigation entries that are fields of action.
        context["tiles"] = [page for page in context["nav"] if page.specific_class is GuideIndexPage]

        # Other apps add sections (news, events, featured offers) through the
        # ``home_page_sections`` hook: fn(page, request) -> dict with "template"
        # and any context, or None.
        def build():
            sections = (fn(self, request) for fn in hooks.get_hooks("home_page_sections"))
            return [section for section in sections if section]

        # Kept under the content version for anonymous readers (portal/chrome_cache.py).
        context["home_sections"] = cached_sections(self, request, build)
        return context


class GuideIndexPage(TranslatedPageMixin, Page):
    """One field of action (Handlungsfeld) with its guide pages."""

    field_of_action = models.CharField(
        _("field of action"),
        max_length=40,
        choices=FIELDS_OF_ACTION,
        unique=False,
        help_text=_("Used for the icon and to match offers to this section."),
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))

    content_panels = Page.content_panels + [FieldPanel("field_of_action"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GuidePage"]

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from portal.version_memo import remember
        from portal.visibility import public_pages  # one query, whatever the number of restrictions

        def guide_pages():
            return tuple(public_pages(self.get_children().live()).specific().order_by("path"))

        context["guide_pages"] = remember(request, ("guide_pages", self.pk), guide_pages)
        # Link to the pages in plain language (home/easy_read.py) when this section has one.
        context["has_easy_read"] = any(getattr(child, "easy_read", "") for child in context["guide_pages"])
        return context


class BodyPage(TranslatedPageMixin, Page):
    """Shared fields of pages built from structured blocks."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two plain sentences."))
    body = StreamField(GuideStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


class GuidePage(BodyPage):
    """A guide page: steps, info boxes, contact points, FAQ, links, downloads."""

    # Translated with the rest of the page (wagtail-localize extracts every text field).
    easy_read = models.TextField(
        _("summary in plain language"),
        blank=True,
        help_text=_(
            "Optional: the page in a few short, plain sentences (one statement per sentence, "
            "common words). Shown first on the page, in a box headed “In plain language”."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("easy_read"),
        FieldPanel("body"),
        ReadabilityPanel(heading=_("Readability of the German text")),
    ]
    search_fields = BodyPage.search_fields + [index.SearchField("easy_read")]
    parent_page_types = ["home.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide page")
        verbose_name_plural = _("guide pages")


class StandardPage(BodyPage):
    """Imprint, privacy notice, accessibility statement: linked from the footer."""

    content_panels = BodyPage.content_panels + [ReadabilityPanel(heading=_("Readability of the German text"))]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
