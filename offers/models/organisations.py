"""Organisations of the actor map (Akteurslandkarte)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from offers.choices import FIELDS_OF_ACTION, ORGANISATION_KINDS, STAFF
from offers.fields import ChoiceListField
from offers.hours import OpeningHoursBlock

from .base import ModeratedSnippet


class Organisation(ModeratedSnippet, ClusterableModel):
    """A member of the Netzwerk Integration or another actor named by the report.

    ``towns``: the towns (Wagtail sites) it serves; its offers are shown there
    (``portal.sites.for_site``). Read from the German version; none = the default town.
    """

    name = models.CharField(_("name"), max_length=200, help_text=_("The organisation's full name."))
    description = models.TextField(
        _("short description"),
        max_length=600,
        blank=True,
        help_text=_("One to three plain sentences: who they are and what they do."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ORGANISATION_KINDS,
        help_text=_("Groups the organisation on the actor map."),
    )
    staff = models.CharField(
        _("staff"),
        max_length=10,
        choices=STAFF,
        default="paid",
        help_text=_("Whether the work is done by paid staff, volunteers or both."),
    )
    fields_of_action = ChoiceListField(
        _("fields of action"),
        choices=FIELDS_OF_ACTION,
        blank=True,
        help_text=_("The fields of action the organisation works in."),
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Street and number, postcode and town."))
    phone = models.CharField(_("phone"), max_length=40, blank=True, help_text=_("For example 02521 29-0."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("A general address, not a person's."))
    website = models.URLField(_("website"), blank=True, help_text=_("Full address starting with https://."))
    opening_hours = StreamField(
        OpeningHoursBlock(),
        verbose_name=_("opening hours"),
        blank=True,
        help_text=_(
            "One row per group of days with the same hours (add a second row for afternoon hours); "
            "holidays and other closed days as exceptions."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown small next to the name."),
    )
    towns = ParentalManyToManyField(
        "wagtailcore.Site",
        verbose_name=_("towns"),
        blank=True,
        related_name="organisations",
        help_text=_("The towns it serves: its offers are shown there. None: the main town only."),
    )
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Tick when contact details are invented for the demo and not confirmed by the report."),
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("staff"),
        SynchronizedField("fields_of_action"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("opening_hours"),
        SynchronizedField("logo"),
        SynchronizedField("is_example"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
        index.FilterField("translation_key"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldPanel("staff"),
        FieldPanel("fields_of_action"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("logo"),
        FieldPanel("towns", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_example"),
    ]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def slug_source(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

    def public_url(self, directory_url):
        """The organisation's page under the organisation directory of the same locale."""
        return f"{directory_url}{self.slug}/"
