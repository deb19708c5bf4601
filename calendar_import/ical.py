"""Reading one feed: fetch it with limits, parse it, expand repeating events, map times to Beckum.

Nothing here touches the database. ``fetch`` and ``parse`` raise ``FeedError`` with a
message for the report when the whole feed cannot be used; a single broken event is
returned as a problem and the rest of the feed is still imported.

Times (README, "Calendar import"):

* ``TZID=…`` and UTC (``…Z``) are converted to Europe/Berlin;
* floating times (no zone) are Beckum wall-clock time, unless the calendar names a
  zone in ``X-WR-TIMEZONE`` (recurring-ical-events applies it);
* an all-day event runs from 00:00 of its first day to 23:59 of its last day
  (``DTEND`` of an all-day event is the day after, RFC 5545).
"""

import dataclasses
import datetime
import hashlib
import json
import re
import time
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import requests
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from portal.fields_of_action import FIELDS_OF_ACTION

BERLIN = ZoneInfo("Europe/Berlin")
USER_AGENT = "Integrationsportal-Beckum-Kalenderimport/1.0"


class FeedError(Exception):
    """The whole feed cannot be used; the message goes into the report."""


def setting(name, default):
    return getattr(settings, name, default)


def fetch(url):
    """The feed's bytes; refuses HTTP errors, slow or oversized answers and anything but iCalendar."""
    timeout = setting("CALENDAR_IMPORT_TIMEOUT", 10)
    limit = setting("CALENDAR_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
    deadline = time.monotonic() + timeout * 3
    chunks, size = [], 0
    try:
        with requests.get(
            url,
            timeout=timeout,
            stream=True,
            headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"},
        ) as response:
            if response.status_code >= 400:
                raise FeedError(
                    _("The server answered with HTTP %(status)s.") % {"status": response.status_code}
                )
            content_type = response.headers.get("Content-Type", "")
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise FeedError(_("The feed is larger than %(limit)s bytes.") % {"limit": limit})
                if time.monotonic() > deadline:
                    raise FeedError(
                        _("The server did not answer within %(seconds)s seconds.") % {"seconds": timeout}
                    )
                chunks.append(chunk)
    except requests.Timeout as error:
        raise FeedError(
            _("The server did not answer within %(seconds)s seconds.") % {"seconds": timeout}
        ) from error
    except requests.RequestException as error:
        raise FeedError(
            _("The feed could not be fetched: %(error)s") % {"error": error.__class__.__name__}
        ) from error
    body = b"".join(chunks)
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise FeedError(
            _("This is not an iCalendar file (content type: %(type)s).") % {"type": content_type or "?"}
        )
    return body


@dataclasses.dataclass
class Occurrence:
    """One occurrence of one event, ready to become an event page."""

    uid: str
    recurrence_id: str
    start: datetime.datetime
    end: datetime.datetime
    title: str
    location: str
    description: str
    url: str
    cancelled: bool
    sequence: int
    categories: list

    def page_fields(self, organiser, fallback_location):
        """The ``network.EventPage`` fields this occurrence sets."""
        return {
            "title": (self.title or organiser)[:255],
            "start": self.start,
            "end": self.end,
            "location": (self.location or fallback_location)[:255],
            "organiser": organiser[:255],
            "description": rich_text(self.description, self.url),
        }

    def content_hash(self, fields, field_of_action):
        data = {k: v.isoformat() if isinstance(v, datetime.datetime) else v for k, v in fields.items()}
        data["field_of_action"] = field_of_action
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def field_of_action(self, default):
        """The first category naming a field of action (code, German or English label), else ``default``."""
        names = {}
        for code, label in FIELDS_OF_ACTION:
            for language in ("de", "en"):
                with translation.override(language):
                    names[str(label).casefold()] = code
            names[code] = code
        for category in self.categories:
            code = names.get(category.strip().casefold())
            if code:
                return code
        return default


def rich_text(description, url):
    """Plain DESCRIPTION text as paragraphs (escaped), with the event's URL as a link."""
    text = (description or "").replace("\r\n", "\n").strip()
    html = "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in paragraph.split("\n")) + "</p>"
        for paragraph in re.split(r"\n\s*\n", text)
        if paragraph.strip()
    )
    if url and url.startswith(("https://", "http://")):
        html += format_html('<p><a href="{}">{}</a></p>', url, url)
    return html


def to_berlin(value, end=False):
    """An aware Europe/Berlin datetime from a DTSTART/DTEND value (see the module docstring)."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=BERLIN)
        return value.astimezone(BERLIN)
    if end:
        return datetime.datetime.combine(value - datetime.timedelta(days=1), datetime.time(23, 59), BERLIN)
    return datetime.datetime.combine(value, datetime.time(0, 0), BERLIN)


def recurrence_key(value):
    if isinstance(value, datetime.datetime):
        return to_berlin(value).astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def uid_key(uid):
    """The UID as stored (a UID longer than the column is replaced by its hash)."""
    return uid if len(uid) <= 255 else "sha256:" + hashlib.sha256(uid.encode()).hexdigest()


def _text(component, name):
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _categories(component):
    value = component.get("CATEGORIES")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(c) for v in values for c in getattr(v, "cats", [v])]


def _describe(component):
    summary = _text(component, "SUMMARY") or _text(component, "UID") or "?"
    return summary[:80]


def _check(component):
    """Raise when the event cannot be read (missing UID, unreadable start or end)."""
    if not _text(component, "UID"):
        raise ValueError(_("The event has no UID."))
    start = component.start
    end = component.end
    if isinstance(start, datetime.datetime) != isinstance(end, datetime.datetime):
        raise ValueError(_("Start and end are of different kinds."))


def parse(body, now, months=None):
    """(occurrences in the next ``months`` months, problems); raises FeedError for an unusable feed."""
    months = months or setting("CALENDAR_IMPORT_MONTHS", 3)
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except ValueError as error:
        raise FeedError(
            _("The feed is not valid iCalendar: %(error)s") % {"error": str(error)[:200]}
        ) from error
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise FeedError(_("The feed is not valid iCalendar: %(error)s") % {"error": "VCALENDAR"})

    problems = []
    for component in list(calendar.subcomponents):
        if component.name != "VEVENT":
            continue
        try:
            _check(component)
        except Exception as error:  # noqa: BLE001  (any broken property: report it, import the rest)
            problems.append(f"{_describe(component)}: {error}")
            calendar.subcomponents.remove(component)
    repeating = {
        _text(c, "UID")
        for c in calendar.walk("VEVENT")
        if c.get("RRULE") or c.get("RDATE") or c.get("RECURRENCE-ID")
    }

    horizon = now + relativedelta(months=months)
    limit = setting("CALENDAR_IMPORT_MAX_OCCURRENCES", 500)
    try:
        components = recurring_ical_events.of(calendar).between(now, horizon)
        occurrences = []
        for component in components:
            if len(occurrences) >= limit:
                problems.append(
                    _("More than %(limit)s events: the rest was not imported.") % {"limit": limit}
                )
                break
            occurrences.append(_occurrence(component, repeating))
    except Exception as error:  # noqa: BLE001  (a broken rule must not stop the other feeds)
        raise FeedError(_("The events could not be read: %(error)s") % {"error": str(error)[:200]}) from error
    return occurrences, problems


def _occurrence(component, repeating):
    uid = _text(component, "UID")
    start, end = component.start, component.end
    start_local = to_berlin(start)
    end_local = max(to_berlin(end, end=True), start_local) if end is not None else start_local
    if not isinstance(start, datetime.datetime) and end_local == start_local:
        end_local = to_berlin(start + datetime.timedelta(days=1), end=True)
    recurrence = component.get("RECURRENCE-ID")
    return Occurrence(
        uid=uid_key(uid),
        recurrence_id=recurrence_key(recurrence.dt) if uid in repeating and recurrence is not None else "",
        start=start_local,
        end=end_local,
        title=_text(component, "SUMMARY"),
        location=_text(component, "LOCATION").replace("\n", ", "),
        description=_text(component, "DESCRIPTION"),
        url=_text(component, "URL"),
        cancelled=_text(component, "STATUS").upper() == "CANCELLED",
        sequence=int(component.get("SEQUENCE", 0) or 0),
        categories=_categories(component),
    )
