"""External iCalendar feeds and the events imported from them.

A ``CalendarFeed`` is registered by the integration management (Settings →
Calendar feeds). ``manage.py import_calendar_feeds`` reads every active feed and
keeps one ``ImportedEvent`` per (feed, UID, occurrence): that key is what makes a
second run update instead of duplicate. The event pages themselves are ordinary
``network.EventPage`` drafts in the approval workflow.
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.fields_of_action import FIELDS_OF_ACTION


def german_only():
    """Choices of the feed's organisation and event index: German items (the source language)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


# Keys of a feed's report, in the order they are shown (labels: ``REPORT_LABELS``).
REPORT_KEYS = ["created", "updated", "unchanged", "cancelled", "kept", "removed", "errors"]
REPORT_LABELS = {
    "created": _("created"),
    "updated": _("updated"),
    "unchanged": _("unchanged"),
    "cancelled": _("cancelled"),
    "kept": _("edited by hand, not overwritten"),
    "removed": _("no longer in the feed"),
    "errors": _("errors"),
}


class CalendarFeed(models.Model):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example: VHS Beckum-Wadersloh, courses.")
    )
    url = models.URLField(
        _("feed address"),
        max_length=1000,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Address of the .ics file, starting with https://."),
    )
    organisation = models.ForeignKey(
        "offers.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=german_only,
        help_text=_("Shown as the organiser of the imported events."),
    )
    field_of_action = models.CharField(
        _("field of action"),
        max_length=40,
        choices=FIELDS_OF_ACTION,
        help_text=_("Used when an event names none of the fields of action in its categories."),
    )
    event_index = models.ForeignKey(
        "network.EventIndexPage",
        verbose_name=_("event list"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=german_only,
        help_text=_("The German event list the drafts are created in."),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Only active feeds are imported."))
    last_run = models.DateTimeField(_("last import"), null=True, blank=True, editable=False)
    last_report = models.JSONField(_("last report"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def report_summary(self):
        """'3 created, 1 updated, …' of the last run (only the non-zero counts), or '–'."""
        counts = self.last_report.get("counts") or {}
        parts = [f"{counts[key]} {REPORT_LABELS[key]}" for key in REPORT_KEYS if counts.get(key)]
        if self.last_report.get("failed"):
            parts.insert(0, str(_("feed could not be read")))
        return ", ".join(parts) or "–"

    report_summary.short_description = _("last report")


class ImportedEvent(models.Model):
    """One occurrence of a feed's event and the page it became.

    ``recurrence_id`` is empty for a single event (so moving it to another time
    updates the same page) and the occurrence's original start in UTC
    (``YYYYMMDDTHHMMSSZ``, or ``YYYYMMDD`` for all-day) for a repeating one.
    ``revision`` is the revision the import wrote last: when the page's latest
    revision is another one, an editor changed it by hand and the import leaves it alone.
    """

    feed = models.ForeignKey(CalendarFeed, on_delete=models.CASCADE, related_name="imported_events")
    uid = models.CharField(max_length=255)
    recurrence_id = models.CharField(max_length=20, blank=True, default="")
    page = models.ForeignKey(
        "network.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start = models.DateTimeField()
    content_hash = models.CharField(max_length=64)
    sequence = models.IntegerField(default=0)
    field_of_action = models.CharField(max_length=40, choices=FIELDS_OF_ACTION)
    cancelled = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "uid", "recurrence_id"], name="calendar_import_one_per_occurrence"
            )
        ]

    def __str__(self):
        return f"{self.uid} {self.recurrence_id}".strip()

    def edited_by_hand(self):
        return self.page is not None and self.page.latest_revision_id != self.revision_id
