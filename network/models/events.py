"""Events: an index per locale (upcoming first, then the archive) and event pages.

Times are stored as aware datetimes (UTC in the database) and shown and
exported in Europe/Berlin. A recurring event repeats weekly or monthly, every
``recurrence_interval`` weeks or months, until ``recurrence_until``: the quarterly
network meeting is "monthly, every 3 months".
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from network.choices import RECURRENCES
from portal.pages import TranslatedPageMixin

from .base import PUBLIC_RICH_TEXT

BERLIN = ZoneInfo("Europe/Berlin")


def public_events(index):
    """Live events below ``index`` (any Page) visible to everyone (never restricted ones), one query."""
    from portal.visibility import public_pages

    return public_pages(EventPage.objects.child_of(index).live()).order_by("start")


def split_events(index, now=None):
    """The one rule of "upcoming": (upcoming sorted by next date, past sorted newest first)."""
    now = now or timezone.now()
    upcoming, past = [], []
    for event in public_events(index):
        following = event.next_occurrence(now)
        if following:
            event.next_start, event.next_end = following
            upcoming.append(event)
        else:
            past.append(event)
    upcoming.sort(key=lambda e: e.next_start)
    past.sort(key=lambda e: e.start, reverse=True)
    return upcoming, past


MAX_OCCURRENCES = 500


class EventIndexPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """Public events of one locale; ``ical/`` is the iCalendar feed of all of them."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def __str__(self):
        return self.title

    def events(self):
        return public_events(self)

    def split_events(self, now=None):
        """(upcoming sorted by next date, past sorted newest first)."""
        return split_events(self, now)

    def ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["past"] = self.split_events()
        context["ical_url"] = self.ical_url(request)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from network.feeds import ical_response

        return ical_response(self.events(), f"{self.slug}-{self.locale.language_code}.ics", request)


class EventPage(RoutablePageMixin, TranslatedPageMixin, Page):
    """One event: a network meeting, the Integrationskonferenz, the Fest der Kulturen."""

    start = models.DateTimeField(_("start"), help_text=_("Date and time in Beckum (Europe/Berlin)."))
    end = models.DateTimeField(_("end"), help_text=_("Date and time in Beckum (Europe/Berlin)."))
    location = models.CharField(_("location"), max_length=255, help_text=_("Place and address."))
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True, features=PUBLIC_RICH_TEXT)
    registration = models.TextField(
        _("registration"),
        blank=True,
        help_text=_("How to register, or that no registration is needed."),
    )
    recurrence = models.CharField(_("repeats"), max_length=10, choices=RECURRENCES, blank=True, default="")
    recurrence_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        help_text=_("Every how many weeks or months: 3 with “monthly” is quarterly."),
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("location"),
        FieldPanel("organiser"),
        FieldPanel("description"),
        FieldPanel("registration"),
        MultiFieldPanel(
            [FieldPanel("recurrence"), FieldPanel("recurrence_interval"), FieldPanel("recurrence_until")],
            heading=_("Recurrence"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("location"),
        index.SearchField("organiser"),
    ]
    parent_page_types = ["network.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
        if self.recurrence and not self.recurrence_until:
            raise ValidationError(
                {"recurrence_until": _("A repeating event needs an end date for the series.")}
            )
        if self.recurrence_interval < 1:
            raise ValidationError({"recurrence_interval": _("Enter 1 or more.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start, BERLIN)

    @property
    def local_end(self):
        return timezone.localtime(self.end, BERLIN)

    def rrule(self):
        """The dateutil rule of a recurring event in Berlin wall-clock time, or None."""
        if not self.recurrence or not self.recurrence_until:
            return None
        until = datetime.datetime.combine(self.recurrence_until, datetime.time(23, 59, 59))
        return rrule(
            WEEKLY if self.recurrence == "weekly" else MONTHLY,
            interval=self.recurrence_interval or 1,
            dtstart=self.local_start.replace(tzinfo=None),
            until=until,
            count=None,
        )

    def occurrences(self):
        """Every (start, end) of the series as aware Berlin datetimes (DST-correct)."""
        rule = self.rrule()
        if rule is None:
            return [(self.local_start, self.local_end)]
        duration = self.end - self.start
        result = []
        for naive in rule[:MAX_OCCURRENCES]:
            start = naive.replace(tzinfo=BERLIN)
            result.append((start, start + duration))
        return result

    def next_occurrence(self, now=None):
        """The first (start, end) that has not ended yet, or None."""
        now = now or timezone.now()
        return next(((s, e) for s, e in self.occurrences() if e >= now), None)

    def until_utc(self):
        """RFC 5545: with a TZID start, UNTIL must be given in UTC."""
        local_end_of_day = datetime.datetime.combine(self.recurrence_until, datetime.time(23, 59, 59), BERLIN)
        return local_end_of_day.astimezone(datetime.UTC)

    def get_context(self, request, *args, **kwargs):
        from network.structured_data import event_json_ld
        from portal.structured_data import json_ld_script

        context = super().get_context(request, *args, **kwargs)
        context["next"] = self.next_occurrence()
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        context["share_url"] = request.build_absolute_uri(self.get_url(request))
        language = context.get("language") or {}
        context["json_ld"] = json_ld_script(
            event_json_ld(
                self,
                context["share_url"],
                language.get("content_lang", self.locale.language_code),
                occurrence=context["next"] if self.recurrence else None,
            )
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from network.feeds import ical_response

        return ical_response([self], f"{self.slug}.ics", request)
