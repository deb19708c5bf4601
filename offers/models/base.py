"""What organisations and offers share: moderation mixins, translation, slugs."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index


class ModeratedSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A translatable snippet with drafts, revisions, locking and workflows.

    Publishing needs the model's ``publish`` permission; the moderation app
    attaches the actual workflow.
    """

    slug = models.SlugField(
        _("short name"),
        max_length=80,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "Used in web addresses; filled in from the title when left empty. Lower-case, no spaces."
        ),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def slug_source(self):
        raise NotImplementedError

    def fill_slug(self):
        if not self.slug:
            self.slug = slugify(self.slug_source())[:80] or "eintrag"
