"""The analysed search text of every searchable object, one row per object.

Wagtail's own index keeps serving the admin. This table holds what the public
search needs and Wagtail's backends cannot give: text analysed by the rules of
the object's language (``search.text``), kept per locale. Whether an object may
be shown is *not* stored here: live, public and valid are decided at query time
by the registry's querysets, so a view restriction added to an ancestor hides
the page at once, without re-indexing.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    model = models.CharField(_("model"), max_length=100, help_text=_("App label and model name."))
    object_id = models.PositiveBigIntegerField(_("object id"))
    kind = models.CharField(_("result type"), max_length=30)
    # Copied from the registry at indexing time so that ranking needs no per-type CASE.
    boost = models.SmallIntegerField(_("score boost"), default=0)
    type_order = models.SmallIntegerField(_("order among equal scores"), default=50)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("locale")
    )
    language = models.CharField(_("analysis language"), max_length=10)
    translation_key = models.UUIDField(_("translation key"), null=True, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("plain text"), blank=True, help_text=_("Used for the result snippet."))
    title_norm = models.TextField(_("analysed title"), blank=True)
    lead_norm = models.TextField(_("analysed introduction"), blank=True)
    body_norm = models.TextField(_("analysed body"), blank=True)
    # Filled on PostgreSQL only (language text search configuration over the
    # analysed fields, GIN-indexed by migration 0002); NULL elsewhere.
    vector = SearchVectorField(_("search vector"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="portal_search_entry_unique_object")
        ]
        indexes = [models.Index(fields=["locale", "model"], name="portal_search_locale_model")]

    def __str__(self):
        return f"{self.title} ({self.model} #{self.object_id}, {self.language})"
