"""Offers: courses, counselling, meeting places... of the network's organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from offers.choices import FIELDS_OF_ACTION, LANGUAGES, OFFER_KINDS, TARGET_GROUPS
from offers.districts import DISTRICTS, district_of
from offers.fields import ChoiceListField
from offers.hours import OpeningHoursBlock, time_slots

from .base import ModeratedSnippet

DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class OfferQuerySet(models.QuerySet):
    def current(self, today=None):
        """The one rule of a public offer: live, and valid today (decided at query time).

        ``offers.queries`` (every public view) and ``search.registry`` (the index) read it.
        """
        today = today or timezone.localdate()
        return self.filter(live=True, valid_from__lte=today).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today)
        )


class Offer(PreviewableMixin, ModeratedSnippet):
    """One offer, described with facts that the public finder can filter by."""

    objects = OfferQuerySet.as_manager()

    title = models.CharField(
        _("title"), max_length=200, help_text=_("Short and plain, e.g. “German course with childcare”.")
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One plain sentence shown in lists and search results.")
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=DESCRIPTION_FEATURES,
        help_text=_("What happens, who it is for, what to bring. Short paragraphs and lists."),
    )
    organisation = models.ForeignKey(
        "offers.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("The provider. Network members can choose only their own organisations."),
    )
    fields_of_action = ChoiceListField(
        _("fields of action"), choices=FIELDS_OF_ACTION, help_text=_("Where in the guide the offer belongs.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OFFER_KINDS, help_text=_("What sort of offer this is.")
    )
    target_groups = ChoiceListField(
        _("target groups"), choices=TARGET_GROUPS, blank=True, help_text=_("Who the offer is meant for.")
    )
    languages = ChoiceListField(
        _("languages held in"),
        choices=LANGUAGES,
        blank=True,
        help_text=_("The languages spoken in the offer (not the languages of this description)."),
    )
    is_free = models.BooleanField(
        _("free of charge"), default=True, help_text=_("Untick when there is a fee.")
    )
    fee_note = models.CharField(
        _("fee"),
        max_length=200,
        blank=True,
        help_text=_("Required when there is a fee: amount and who can get it reduced or paid."),
    )
    childcare = models.BooleanField(
        _("childcare provided"), default=False, help_text=_("Children are looked after during the offer.")
    )
    women_only = models.BooleanField(_("women only"), default=False, help_text=_("Only women take part."))
    barrier_free = models.BooleanField(
        _("barrier-free access"), default=False, help_text=_("The place can be reached without steps.")
    )
    registration_required = models.BooleanField(
        _("registration required"), default=False, help_text=_("People must register before taking part.")
    )
    registration_how = models.TextField(
        _("how to register"), blank=True, help_text=_("Where, how and by when to register.")
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Where the offer takes place."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional, e.g. 51.755."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional, e.g. 8.041."),
    )
    opening_hours = StreamField(
        OpeningHoursBlock(),
        verbose_name=_("times"),
        blank=True,
        help_text=_(
            "When the offer takes place: one row per group of days with the same times; "
            "exceptions (holidays, a cancelled date) as their own rows."
        ),
    )
    hours_are_weekly = models.BooleanField(
        _("every week at these times"),
        default=True,
        help_text=_(
            "Untick when the offer is monthly, every other week or only on some of these days: "
            "the page then shows the times without “taking place now”."
        ),
    )
    schedule = models.TextField(
        _("notes on the schedule"),
        blank=True,
        help_text=_("What the times do not say, in plain words: e.g. not in the school holidays."),
    )
    # Derived on save (not typed twice): the finder filters by them in one SQL condition each.
    district = models.CharField(
        _("district"), max_length=20, choices=DISTRICTS, blank=True, editable=False, db_index=True
    )
    time_slots = ChoiceListField(_("days and parts of the day"), blank=True, editable=False)
    contact_person = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_("A role or a name, e.g. “course advice”."),
    )
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("For example 02521 29-0.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True, help_text=_("Where questions go."))
    valid_from = models.DateField(
        _("valid from"), default=timezone.localdate, help_text=_("The offer is shown from this day on.")
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The offer disappears from the site after this day. Leave empty when open-ended."),
    )
    last_reviewed = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that the facts are right."),
    )
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Tick when details are invented for the demo and not confirmed by the report."),
    )

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("fee_note"),
        TranslatableField("registration_how"),
        TranslatableField("schedule"),
        TranslatableField("contact_person"),
        # The provider is the organisation's translation in the same locale.
        TranslatableField("organisation"),
        SynchronizedField("slug"),
        SynchronizedField("fields_of_action"),
        SynchronizedField("kind"),
        SynchronizedField("target_groups"),
        SynchronizedField("languages"),
        SynchronizedField("is_free"),
        SynchronizedField("childcare"),
        SynchronizedField("women_only"),
        SynchronizedField("barrier_free"),
        SynchronizedField("registration_required"),
        SynchronizedField("address"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("opening_hours"),
        SynchronizedField("hours_are_weekly"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("is_example"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
        index.FilterField("organisation_id"),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("fields_of_action"),
        FieldPanel("target_groups"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("fee_note")],
            heading=_("Cost"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("childcare"),
                FieldPanel("women_only"),
                FieldPanel("barrier_free"),
                FieldPanel("registration_required"),
                FieldPanel("registration_how"),
            ],
            heading=_("Conditions"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldPanel("hours_are_weekly"), FieldPanel("schedule")],
            heading=_("Schedule"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("last_reviewed"),
                FieldPanel("is_example"),
            ],
            heading=_("Validity"),
        ),
    ]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title"]
        indexes = [models.Index(fields=["locale", "live", "valid_until"], name="offer_public_idx")]

    def __str__(self):
        return self.title

    def slug_source(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_slug()
        self.district = district_of(self.address)
        self.time_slots = time_slots(self.opening_hours)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"address", "opening_hours"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "district", "time_slots"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("“Valid until” must be on or after “valid from”.")
        if not self.is_free and not self.fee_note.strip():
            errors["fee_note"] = _("Please say what the offer costs, or tick “free of charge”.")
        if self.registration_required and not self.registration_how.strip():
            errors["registration_how"] = _("Please say how to register.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if self.slug and self.locale_id:
            clash = Offer.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                errors["slug"] = _("Another offer already uses this short name. Please choose another one.")
        if errors:
            raise ValidationError(errors)

    def public_url(self, finder_url):
        """The detail page under the offer finder of the same locale."""
        return f"{finder_url}{self.slug}/"

    def get_preview_template(self, request, mode_name):
        return "offers/offer_detail.html"

    def get_preview_context(self, request, mode_name):
        from offers.presentation import offer_facts

        context = super().get_preview_context(request, mode_name)
        context.update({"offer": self, "facts": offer_facts(self), "preview": True})
        return context
