"""Network news: an index per locale with an Atom feed, and news pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import TranslatedPageMixin

from .base import PUBLIC_RICH_TEXT


class NewsIndexPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """The list of public network news of one locale; ``feed/`` is its Atom feed."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def __str__(self):
        return self.title

    def news(self):
        """Live news visible to everyone, newest first (never restricted ones)."""
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = self.news()
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        from network.feeds import news_feed_response

        return news_feed_response(self, request)


class NewsPage(TranslatedPageMixin, Page):
    """One news item of the Netzwerk Integration."""

    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("Shown and used for sorting."))
    teaser = models.TextField(
        _("teaser"), help_text=_("One or two sentences for lists, the feed and the home page.")
    )
    content = RichTextField(_("text"), blank=True, features=PUBLIC_RICH_TEXT)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Public news only: the image file is public."),
    )

    related_organisations = ParentalManyToManyField(
        "offers.Organisation",
        verbose_name=_("related organisations"),
        blank=True,
        related_name="news_pages",
        help_text=_("Organisations of the network this news is about. Set on the German page."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("content"),
        FieldPanel("image"),
        FieldPanel("related_organisations"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("content")]
    parent_page_types = ["network.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self):
        return self.title

    def organisations(self):
        """Live related organisations in the reader's locale, else in German (two queries).

        wagtail-localize does not copy many-to-many fields to translations, so the
        relations of every locale version of this page count.
        """
        from offers.models import Organisation

        keys = set(
            Organisation.objects.filter(news_pages__translation_key=self.translation_key).values_list(
                "translation_key", flat=True
            )
        )
        if not keys:
            return []
        found = {}
        candidates = Organisation.objects.filter(translation_key__in=keys, live=True).select_related("locale")
        for org in candidates.filter(
            locale__language_code__in=[self.locale.language_code, settings.LANGUAGE_CODE]
        ):
            if org.translation_key not in found or org.locale_id == self.locale_id:
                found[org.translation_key] = org
        return sorted(found.values(), key=lambda org: org.name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = self.organisations()
        return context
