"""The kernel's one model: which translations wait for their first approval (issue 13)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingTranslation(models.Model):
    """A translation that was started but not approved yet: its live version still shows the German text.

    wagtail-localize's "Translate" publishes the new target at once with every
    untranslated string in German (an alias page becomes a page of its own).
    Until the integration management approves a translation of it, readers get
    the German text *as German*: the fallback notice and ``lang="de"``
    (set and cleared by ``moderation.pending``; read through ``portal.pending``).
    Keyed like translations themselves: the translation key of the object and
    the target locale.
    """

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation waiting for its first approval")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "locale"], name="unique_pending_translation")
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"
