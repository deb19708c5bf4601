"""The Beckum language-mediator pool (Sprachmittlerpool): volunteers and their languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from network.choices import LANGUAGES, LEVELS


class PoolMemberQuerySet(models.QuerySet):
    def speaking(self, language):
        return self.filter(active=True, languages__language=language).distinct().order_by("name")


class PoolMember(ClusterableModel):
    """A volunteer language mediator. Personal data: only the integration management sees it."""

    name = models.CharField(_("name"), max_length=120)
    availability = models.TextField(
        _("availability"), blank=True, help_text=_("For example: weekdays after 4 pm.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_date = models.DateField(
        _("date of consent"),
        help_text=_("When the person agreed to be in the pool and to have these data stored."),
    )
    active = models.BooleanField(_("active"), default=True)
    is_example = models.BooleanField(_("example data"), default=False, help_text=_("Fictitious demo record."))
    notes = models.TextField(_("internal notes"), blank=True)

    objects = PoolMemberQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        InlinePanel("languages", label=_("languages"), min_num=1),
        FieldPanel("availability"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("consent_date"),
        FieldPanel("active"),
        FieldPanel("notes"),
    ]

    class Meta:
        db_table = "network_poolmember"  # the table kept its name when the model left network
        verbose_name = _("language mediator")
        verbose_name_plural = _("language-mediator pool")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def language_summary(self):
        return ", ".join(
            f"{lang.get_language_display()} ({lang.get_level_display()})" for lang in self.languages.all()
        )

    language_summary.short_description = _("languages")


class PoolMemberLanguage(Orderable):
    member = ParentalKey(PoolMember, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    level = models.CharField(_("level"), max_length=8, choices=LEVELS)

    panels = [FieldPanel("language"), FieldPanel("level")]

    class Meta(Orderable.Meta):
        db_table = "network_poolmemberlanguage"  # the table kept its name when the model left network
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return f"{self.get_language_display()} ({self.get_level_display()})"
