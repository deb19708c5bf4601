"""Members-only areas: network pages, working-group pages and their internal pages.

Every ``NetworkAreaPage`` and ``WorkingGroupPage`` carries a Wagtail
``PageViewRestriction`` of type GROUPS, created when the page is saved (in any
locale, aliases included; see ``network.restrictions``). Internal pages sit
below them and inherit the restriction. None of these pages allows images: an
image rendition would be a public file.
"""

from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import TranslatedPageMixin

from .base import RESTRICTED_RICH_TEXT

INTERNAL_KINDS = [
    ("minutes", _("Minutes")),
    ("draft", _("Draft")),
    ("tasks", _("Tasks")),
    ("other", _("Other")),
]


class RestrictedAreaMixin:
    """Never in a sitemap, never cached by a shared proxy."""

    restriction_help = HelpPanel(
        content=_(
            "<p>Members only: this page and everything below it is visible only to the groups "
            "named in its privacy setting. Do not add images here.</p>"
        )
    )

    def required_group_names(self):
        """Names of the groups allowed to view; the restriction is kept in sync with them."""
        return []

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        return response


class NetworkAreaPage(RestrictedAreaMixin, TranslatedPageMixin, Page):
    """Members-only page of the whole network: internal news, minutes of the network meetings."""

    intro = models.TextField(_("introduction"), blank=True)
    content = RichTextField(_("text"), blank=True, features=RESTRICTED_RICH_TEXT)

    content_panels = Page.content_panels + [
        RestrictedAreaMixin.restriction_help,
        FieldPanel("intro"),
        FieldPanel("content"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("content")]
    parent_page_types = ["home.HomePage", "network.NetworkAreaPage"]
    subpage_types = ["network.NetworkAreaPage", "network.WorkingGroupPage", "network.InternalPage"]

    class Meta:
        verbose_name = _("members-only network page")
        verbose_name_plural = _("members-only network pages")

    def __str__(self):
        return self.title

    def required_group_names(self):
        from portal.roles import MANAGERS, MEMBERS

        return [MEMBERS, MANAGERS]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().specific().order_by("path")
        return context


class WorkingGroupPage(RestrictedAreaMixin, TranslatedPageMixin, Page):
    """The restricted area of one working group, with its mandate from the report."""

    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only members of this group (and the integration management) can open the area."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("document collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group's private collection; its documents are listed on this page."),
    )
    mandate = RichTextField(_("mandate"), blank=True, features=RESTRICTED_RICH_TEXT)
    network_needs = RichTextField(
        _("what is needed from the network"), blank=True, features=RESTRICTED_RICH_TEXT
    )
    manager_role = RichTextField(
        _("role of the integration manager"), blank=True, features=RESTRICTED_RICH_TEXT
    )
    done_when = RichTextField(_("when is the work done"), blank=True, features=RESTRICTED_RICH_TEXT)

    content_panels = Page.content_panels + [
        RestrictedAreaMixin.restriction_help,
        FieldPanel("group"),
        FieldPanel("collection"),
        FieldPanel("mandate"),
        FieldPanel("network_needs"),
        FieldPanel("manager_role"),
        FieldPanel("done_when"),
    ]
    search_fields = Page.search_fields + [index.SearchField("mandate"), index.SearchField("done_when")]
    parent_page_types = ["home.HomePage", "network.NetworkAreaPage"]
    subpage_types = ["network.InternalPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return self.title

    def required_group_names(self):
        from portal.roles import MANAGERS

        return [self.group.name, MANAGERS] if self.group_id else [MANAGERS]

    def documents(self):
        from wagtail.documents import get_document_model

        if not self.collection_id:
            return get_document_model().objects.none()
        return get_document_model().objects.filter(collection_id=self.collection_id).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().specific().order_by("path")
        context["documents"] = self.documents()
        return context


class InternalPage(TranslatedPageMixin, Page):
    """Minutes, a draft or a task list below a restricted area (inherits its restriction)."""

    kind = models.CharField(_("kind"), max_length=10, choices=INTERNAL_KINDS, default="minutes")
    date = models.DateField(_("date"), null=True, blank=True)
    content = RichTextField(_("text"), blank=True, features=RESTRICTED_RICH_TEXT)

    content_panels = Page.content_panels + [
        RestrictedAreaMixin.restriction_help,
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("content"),
    ]
    search_fields = Page.search_fields + [index.SearchField("content")]
    parent_page_types = ["network.WorkingGroupPage", "network.NetworkAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("internal page")
        verbose_name_plural = _("internal pages")

    def __str__(self):
        return self.title

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        return response
