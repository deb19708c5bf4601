"""The terminology glossary kept by the integration management (glossary/README.md).

One ``GlossaryTerm`` per German term; per language one ``GlossaryRendering``:
the preferred rendering, whether the German term follows in brackets, the
renderings to avoid and spelling variants (both one per line). Machine
translation (``glossary.machine_translators``), the translation check
(``glossary.checks``) and search synonyms (``glossary.synonyms``) read it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

TARGET_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class GlossaryTerm(ClusterableModel):
    german = models.CharField(_("German term"), max_length=120, unique=True)
    german_variants = models.TextField(
        _("German variants"),
        blank=True,
        help_text=_("Other German forms of the term, one per line."),
    )
    note = models.TextField(_("Note for translators"), blank=True)

    panels = [
        FieldPanel("german"),
        FieldPanel("german_variants"),
        FieldPanel("note"),
        InlinePanel("renderings", label=_("Renderings")),
    ]

    class Meta:
        ordering = ["german"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.german

    def german_forms(self):
        return [self.german, *lines(self.german_variants)]


class GlossaryRendering(models.Model):
    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="renderings")
    language = models.CharField(_("Language"), max_length=8, choices=TARGET_LANGUAGES)
    preferred = models.CharField(_("Preferred rendering"), max_length=200)
    german_in_brackets = models.BooleanField(
        _("German term follows in brackets"),
        default=False,
        help_text=_("The German term must appear in the translation, in brackets after the rendering."),
    )
    avoid = models.TextField(_("Renderings to avoid"), blank=True, help_text=_("One per line."))
    variants = models.TextField(
        _("Spelling variants"),
        blank=True,
        help_text=_("Other spellings that search treats as the same word, one per line."),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("preferred"),
        FieldPanel("german_in_brackets"),
        FieldPanel("avoid"),
        FieldPanel("variants"),
    ]

    class Meta:
        ordering = ["language"]
        unique_together = [("term", "language")]
        verbose_name = _("rendering")
        verbose_name_plural = _("renderings")

    def __str__(self):
        return f"{self.term.german} → {self.preferred} ({self.language})"

    def avoid_list(self):
        return lines(self.avoid)

    def variant_list(self):
        return lines(self.variants)

    @property
    def with_brackets(self):
        return f"{self.preferred} ({self.term.german})" if self.german_in_brackets else self.preferred
