"""schema.org ``Event`` markup of an event page (issue 15, item 6).

Only schema.org types and the properties it defines for them: a ``Place`` with
its name and address as ``location``, times with their offset in Europe/Berlin,
a recurring event's rule as a ``Schedule`` (``eventSchedule``).
"""

from django.utils.html import strip_tags

from portal.structured_data import CONTEXT, place

SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def _plain(html):
    return " ".join(strip_tags(str(html or "")).split())


def event_json_ld(event, url, language, occurrence=None):
    """``Event`` of ``event`` (an EventPage) at ``url``; ``occurrence``: (start, end) shown as the date."""
    start, end = occurrence or (event.local_start, event.local_end)
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": start.replace(microsecond=0).isoformat(),
        "endDate": end.replace(microsecond=0).isoformat(),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": OFFLINE,
        "inLanguage": language,
    }
    description = _plain(event.description)
    if description:
        data["description"] = description
    lines = [line.strip() for line in event.location.splitlines() if line.strip()]
    if lines:
        data["location"] = place(address="\n".join(lines[1:]), name=lines[0])
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    if event.recurrence and event.recurrence_until:
        unit = "W" if event.recurrence == "weekly" else "M"
        data["eventSchedule"] = {
            "@type": "Schedule",
            "startDate": event.local_start.date().isoformat(),
            "endDate": event.recurrence_until.isoformat(),
            "repeatFrequency": f"P{event.recurrence_interval or 1}{unit}",
            "startTime": event.local_start.strftime("%H:%M:%S"),
            "endTime": event.local_end.strftime("%H:%M:%S"),
            "scheduleTimezone": "Europe/Berlin",
        }
    return data
