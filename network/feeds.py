"""Atom feed of public news and iCalendar (RFC 5545) of public events.

Callers pass querysets already filtered with ``.live().public()``; nothing
restricted or unpublished reaches a feed. Responses set no cookie.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vRecur

PRODID = "-//Stadt Beckum//Integrationsportal Beckum//DE"


class PortalAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on an entry whose text is not in the feed's language (issue 14).

    A news item not yet translated is shown in German in every other locale's
    feed; its entry says so, instead of inheriting the feed's ``xml:lang``.
    """

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        if item.get("lang") and item["lang"] != self.feed.get("language"):
            attrs["xml:lang"] = item["lang"]
        return attrs


def news_feed_response(index, request):
    language = index.locale.language_code
    feed = PortalAtomFeed(
        title=f"{index.title} – {settings.WAGTAIL_SITE_NAME}",
        link=index.get_full_url(request),
        description=index.intro,
        language=language,
        feed_url=index.get_full_url(request) + index.reverse_subpage("feed"),
        feed_guid=f"urn:beckum:news:{index.translation_key}:{language}",
        author_name=settings.WAGTAIL_SITE_NAME,
    )
    site = index.get_site()
    home_url = site.root_url + "/" if site else None
    for item in index.news()[:50]:
        published = datetime.datetime.combine(item.date, datetime.time(9), timezone.get_default_timezone())
        feed.add_item(
            title=item.title,
            link=item.get_full_url(request),
            description=item.teaser,
            unique_id=f"urn:beckum:news:{item.translation_key}:{language}",
            unique_id_is_permalink=False,
            pubdate=published,
            updateddate=item.last_published_at or published,
            # Atom requires an author per entry (or the feed's): the publisher, never a person's account.
            author_name=settings.WAGTAIL_SITE_NAME,
            author_link=home_url,
            # An alias shows the German original (portal/pages.py).
            lang=settings.LANGUAGE_CODE if item.alias_of_id else language,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def event_component(event, request):
    component = Event()
    component.add("uid", f"{event.translation_key}@integrationsportal-beckum")
    component.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    if event.location:
        component.add("location", event.location)
    # ORGANIZER must be a calendar address (mailto:), so the organiser's name goes into the description.
    description = strip_tags(event.description or "").strip()
    if event.organiser:
        description = f"{event.organiser}\n\n{description}".strip()
    if event.registration:
        description = f"{description}\n\n{event.registration}".strip()
    if description:
        component.add("description", description)
    component.add("url", event.get_full_url(request))
    if event.rrule() is not None:
        recur = {"freq": "WEEKLY" if event.recurrence == "weekly" else "MONTHLY", "until": event.until_utc()}
        if event.recurrence_interval > 1:
            recur["interval"] = event.recurrence_interval
        component.add("rrule", vRecur(recur))
    return component


def build_calendar(events, request, name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    years = []
    for event in events:
        calendar.add_component(event_component(event, request))
        years += [event.local_start.year, (event.recurrence_until or event.local_end).year]
    if years:
        # VTIMEZONE covering only the years the events span keeps the file small.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years) - 1, 1, 1), last_date=datetime.date(max(years) + 1, 12, 31)
        )
    return calendar


def ical_response(events, filename, request):
    events = list(events)
    name = events[0].get_parent().title if len(events) > 1 else (events[0].title if events else None)
    calendar = build_calendar(events, request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
