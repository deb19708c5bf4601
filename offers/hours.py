"""Structured opening hours: the editor's block, the week table, "open now" and schema.org.

One value type serves organisations, offers (when they take place) and the contact-point
block of guide pages: a StreamField of rows, each either

* ``times``: several weekdays with one interval (“Mon, Tue, Thu 9:00–12:00”); several rows
  give several intervals per day, or
* ``exception``: one date, closed all day or with its own interval (several rows for one
  date give several intervals).

Why a StreamField and not inline child models (ClusterableModel + ParentalKey + InlinePanel):
the value lives in the snippet's own row, so revisions, drafts, previews and workflows carry
it with no extra code (a StreamField serialises into the revision like any field), and
wagtail-localize copies it to every translation as one ``SynchronizedField`` (times are
facts, not prose). Inline children would need the models to become ClusterableModels,
``ParentalKey`` rows per locale and their own synchronisation. What the finder must
filter by (weekday and part of day) is derived on save into a plain column
(``Offer.time_slots``), so filtering stays one SQL condition.

Everything here takes the field's value as it comes: a ``StreamValue``, the raw list
(JSON) or ``None``. Times are Europe/Berlin (``settings.TIME_ZONE``), 24 hours, the week
starts on Monday.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import WEEKDAYS as DJANGO_WEEKDAYS
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .choices import WEEKDAYS

#: Index = ``date.weekday()``: Monday first.
DAY_CODES = [code for code, _label in WEEKDAYS]
SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]

#: Parts of the day for the finder: a session belongs to the part in which it starts, and to
#: a later part where it spends more than half of its time or at least two hours
#: (9:00–15:00 is morning and afternoon; 8:30–12:45 and 10:00–13:00 are mornings;
#: 16:00–18:00 is an afternoon, 16:30–19:45 afternoon and evening).
PERIODS = [
    ("am", _("Morning (before 12:00)")),
    ("pm", _("Afternoon (12:00 to 17:00)")),
    ("ev", _("Evening (from 17:00)")),
]
PERIOD_BOUNDS = {
    "am": (datetime.time(0, 0), datetime.time(12, 0)),
    "pm": (datetime.time(12, 0), datetime.time(17, 0)),
    "ev": (datetime.time(17, 0), datetime.time(23, 59, 59)),
}
LONG_OVERLAP = datetime.timedelta(hours=2)
#: How far ahead "opens on ..." and the exceptions list look.
LOOKAHEAD_DAYS = 60


# --- the editor's blocks ------------------------------------------------------------------
def _after(opens, closes):
    return opens is not None and closes is not None and closes > opens


class TimesBlock(blocks.StructBlock):
    days = blocks.MultipleChoiceBlock(choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple, label=_("Days"))
    opens = blocks.TimeBlock(label=_("From"))
    closes = blocks.TimeBlock(label=_("To"), help_text=_("24-hour clock, at the latest 23:59."))

    class Meta:
        icon = "time"
        label = _("Regular times")

    def clean(self, value):
        value = super().clean(value)
        if not _after(value.get("opens"), value.get("closes")):
            raise StructBlockValidationError(
                block_errors={"closes": ValidationError(_("“To” must be later than “from”."))}
            )
        return value


class ExceptionBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    closed = blocks.BooleanBlock(required=False, label=_("Closed all day"))
    opens = blocks.TimeBlock(required=False, label=_("From"))
    closes = blocks.TimeBlock(required=False, label=_("To"))

    class Meta:
        icon = "date"
        label = _("Exception on one date")

    def clean(self, value):
        value = super().clean(value)
        opens, closes = value.get("opens"), value.get("closes")
        if value.get("closed"):
            if opens or closes:
                raise StructBlockValidationError(
                    block_errors={"opens": ValidationError(_("Leave the times empty when closed all day."))}
                )
        elif not _after(opens, closes):
            raise StructBlockValidationError(
                block_errors={
                    "closes": ValidationError(
                        _("Give the special times (“to” later than “from”), or tick “closed all day”.")
                    )
                }
            )
        return value


class OpeningHoursBlock(blocks.StreamBlock):
    times = TimesBlock()
    exception = ExceptionBlock()

    class Meta:
        icon = "time"
        label = _("Opening hours")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        by_day = {}
        by_date = {}
        for index, child in enumerate(value):
            data = child.value
            if child.block_type == "times":
                for code in data.get("days") or []:
                    by_day.setdefault(code, []).append((data["opens"], data["closes"], index))
            elif child.block_type == "exception":
                by_date.setdefault(data["date"], []).append(
                    (data.get("opens"), data.get("closes"), index, bool(data.get("closed")))
                )
        labels = dict(WEEKDAYS)
        for code, spans in by_day.items():
            for index in _overlapping(spans):
                errors.setdefault(
                    index,
                    ValidationError(
                        _("These times overlap with other times on %(day)s.") % {"day": labels[code]}
                    ),
                )
        for rows in by_date.values():
            if len(rows) > 1 and any(row[3] for row in rows):
                for row in rows:
                    errors.setdefault(
                        row[2], ValidationError(_("A date that is closed all day cannot have times as well."))
                    )
            for index in _overlapping([row[:3] for row in rows if not row[3]]):
                errors.setdefault(index, ValidationError(_("These times overlap on the same date.")))
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


def _overlapping(spans):
    """Indexes of rows whose interval overlaps another one (touching is allowed: 9–12, 12–14)."""
    found = set()
    latest = None  # (closes, index) of the row reaching furthest so far
    for opens, closes, index in sorted(spans, key=lambda span: (span[0], span[1])):
        if latest is not None and opens < latest[0]:
            found.update((latest[1], index))
        if latest is None or closes > latest[0]:
            latest = (closes, index)
    return sorted(found)


# --- reading a value --------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Interval:
    day: int  # 0 = Monday
    opens: datetime.time
    closes: datetime.time


def _time(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.time):
        return value
    return datetime.time.fromisoformat(str(value))


def _date(value):
    if value is None or value == "" or isinstance(value, datetime.date):
        return value or None
    return datetime.date.fromisoformat(str(value))


def _rows(hours):
    """``(block_type, dict)`` for every row, from a StreamValue or the raw JSON list."""
    if not hours:
        return
    if isinstance(hours, str):
        hours = json.loads(hours)
    raw = getattr(hours, "raw_data", None)
    for item in raw if raw is not None else hours:
        if hasattr(item, "block_type"):
            yield item.block_type, dict(item.value)
        else:
            yield item.get("type"), dict(item.get("value") or {})


def weekly_intervals(hours):
    """The regular intervals, one per weekday and row, sorted Monday first."""
    found = set()
    for kind, data in _rows(hours):
        if kind != "times":
            continue
        opens, closes = _time(data.get("opens")), _time(data.get("closes"))
        if not _after(opens, closes):
            continue
        for code in data.get("days") or []:
            if code in DAY_CODES:
                found.add(Interval(DAY_CODES.index(code), opens, closes))
    return sorted(found)


def exceptions(hours):
    """``{date: [(opens, closes), ...]}``; an empty list means closed all day."""
    result = {}
    for kind, data in _rows(hours):
        if kind != "exception" or not data.get("date"):
            continue
        day = _date(data["date"])
        spans = result.setdefault(day, [])
        opens, closes = _time(data.get("opens")), _time(data.get("closes"))
        if not data.get("closed") and _after(opens, closes):
            spans.append((opens, closes))
    return {day: sorted(spans) for day, spans in result.items()}


def has_hours(hours):
    return bool(weekly_intervals(hours) or exceptions(hours))


def intervals_on(day, weekly, special):
    """The intervals that apply on ``day`` (a date): its exception, else its weekday's."""
    if day in special:
        return special[day]
    weekday = day.weekday()
    return [(interval.opens, interval.closes) for interval in weekly if interval.day == weekday]


def time_slots(hours):
    """Finder codes ``<day>-<period>`` (e.g. ``mo-am``) of the regular intervals."""
    slots = []
    for interval in weekly_intervals(hours):
        start = datetime.datetime.combine(datetime.date.min, interval.opens)
        end = datetime.datetime.combine(datetime.date.min, interval.closes)
        for code, (low, high) in PERIOD_BOUNDS.items():
            low_dt = datetime.datetime.combine(datetime.date.min, low)
            high_dt = datetime.datetime.combine(datetime.date.min, high)
            starts_here = low <= interval.opens < high
            overlap = min(end, high_dt) - max(start, low_dt)
            later = interval.opens < low and (overlap * 2 > end - start or overlap >= LONG_OVERLAP)
            if starts_here or later:
                slot = f"{DAY_CODES[interval.day]}-{code}"
                if slot not in slots:
                    slots.append(slot)
    return slots


# --- now and next ---------------------------------------------------------------------------------
def current_time():
    """The server's clock (tests replace this function to stand at a fixed moment)."""
    return timezone.now()


def local_now(now=None):
    """``now`` (default: the clock) in Europe/Berlin (``settings.TIME_ZONE``)."""
    return timezone.localtime(now or current_time(), timezone.get_default_timezone())


def status(hours, now=None):
    """Open or closed at ``now`` (default: the server's clock, Europe/Berlin).

    Returns ``None`` without hours, else a dict: ``open`` (bool), ``until`` (closing
    datetime when open), ``next`` (next opening datetime when closed, or ``None`` when none
    within ``LOOKAHEAD_DAYS``) and ``changes_at``: the moment the status line changes (the
    closing or opening time, at the latest the next midnight, when "today"/"tomorrow"
    change). Pages showing the status must not be served from a cache beyond it.
    """
    weekly, special = weekly_intervals(hours), exceptions(hours)
    if not weekly and not special:
        return None
    now = local_now(now)
    tz = now.tzinfo
    today = now.date()
    midnight = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), tz)
    for opens, closes in intervals_on(today, weekly, special):
        if opens <= now.time() < closes:
            until = datetime.datetime.combine(today, closes, tz)
            return {"open": True, "until": until, "next": None, "changes_at": min(until, midnight)}
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        for opens, _closes in intervals_on(day, weekly, special):
            start = datetime.datetime.combine(day, opens, tz)
            if start > now:
                return {"open": False, "until": None, "next": start, "changes_at": min(start, midnight)}
    return {"open": False, "until": None, "next": None, "changes_at": midnight}


def format_time(value):
    """24 hours, no leading zero for the hour: 9:00, 17:30."""
    return f"{value.hour}:{value.minute:02d}"


def weekday_name(index):
    """Django's translated weekday name (its catalogue covers all portal languages)."""
    return str(DJANGO_WEEKDAYS[index])


def _time_html(moment):
    stamp = moment.isoformat(timespec="minutes")  # a full date and time: valid in <time datetime>
    return format_html('<time datetime="{}">{}</time>', stamp, format_time(moment))


STATUS_MESSAGES = {
    # (schedule?, case) -> message; %(time)s and %(day)s are filled with markup.
    (False, "open"): _("Open now, until %(time)s."),
    (False, "today"): _("Closed now. Opens today at %(time)s."),
    (False, "tomorrow"): _("Closed now. Opens tomorrow at %(time)s."),
    (False, "day"): _("Closed now. Opens on %(day)s at %(time)s."),
    (False, "none"): _("Closed now."),
    (True, "open"): _("Taking place now, until %(time)s."),
    (True, "today"): _("Next time: today at %(time)s."),
    (True, "tomorrow"): _("Next time: tomorrow at %(time)s."),
    (True, "day"): _("Next time: %(day)s at %(time)s."),
    (True, "none"): None,
}


def status_text(state, now=None, schedule=False):
    """The status line in the active language, as safe HTML (``None`` when nothing to say)."""
    if state is None:
        return None
    now = local_now(now)
    if state["open"]:
        case, moment = "open", state["until"]
    elif state["next"] is None:
        case, moment = "none", None
    else:
        moment = state["next"]
        days = (moment.date() - now.date()).days
        case = {0: "today", 1: "tomorrow"}.get(days, "day")
    message = STATUS_MESSAGES[(schedule, case)]
    if message is None:
        return None
    params = {}
    if moment is not None:
        params["time"] = _time_html(moment)
        if case == "day":
            days = (moment.date() - now.date()).days
            name = weekday_name(moment.weekday())
            if days >= 7:
                name = f"{name}, {date_format(moment.date(), 'SHORT_DATE_FORMAT')}"
            params["day"] = conditional_escape(name)
    return mark_safe(conditional_escape(gettext(str(message))) % params)  # noqa: S308 (parts escaped)


# --- display -----------------------------------------------------------------------------------
def week_table(hours, now=None):
    """Rows Monday to Sunday for days with times: ``{"day", "times": ["9:00–12:00"], "today"}``."""
    today = local_now(now).weekday()
    rows = []
    weekly = weekly_intervals(hours)
    for index in range(7):
        spans = [i for i in weekly if i.day == index]
        if spans:
            rows.append(
                {
                    "day": weekday_name(index),
                    "times": [f"{format_time(i.opens)}–{format_time(i.closes)}" for i in spans],
                    "today": index == today,
                }
            )
    return rows


def upcoming_exceptions(hours, now=None, days=LOOKAHEAD_DAYS):
    """Exceptions from today on, within ``days``: ``{"date", "label", "closed", "times"}``."""
    today = local_now(now).date()
    rows = []
    for day, spans in sorted(exceptions(hours).items()):
        if today <= day <= today + datetime.timedelta(days=days):
            rows.append(
                {
                    "date": day,
                    "label": f"{weekday_name(day.weekday())}, {date_format(day, 'SHORT_DATE_FORMAT')}",
                    "closed": not spans,
                    "times": [f"{format_time(o)}–{format_time(c)}" for o, c in spans],
                }
            )
    return rows


def display(hours, now=None, schedule=False):
    """Everything ``offers/includes/opening_hours.html`` shows, or ``None`` without hours."""
    if not has_hours(hours):
        return None
    state = status(hours, now)
    return {
        "rows": week_table(hours, now),
        "exceptions": upcoming_exceptions(hours, now),
        "status": state,
        "status_text": status_text(state, now, schedule=schedule),
    }


# --- schema.org --------------------------------------------------------------------------------
def _hhmm(value):
    return value.strftime("%H:%M")


def opening_hours_specification(hours, now=None):
    """A list of schema.org ``OpeningHoursSpecification`` (empty without hours).

    Days with the same interval share one entry (``dayOfWeek`` lists them). Exceptions from
    today on become entries with ``validFrom``/``validThrough`` that date; a day closed all
    day has ``opens`` = ``closes`` = ``00:00`` (schema.org's way to say closed).

    Valid as ``openingHoursSpecification`` of ``Place`` (and its subtypes ``LocalBusiness``,
    ``CivicStructure``), and as ``hoursAvailable`` of ``ContactPoint`` and ``Service``.
    ``Organization`` has neither: give it a ``location`` Place or a ``contactPoint``.
    """
    grouped = {}
    for interval in weekly_intervals(hours):
        grouped.setdefault((interval.opens, interval.closes), []).append(SCHEMA_DAYS[interval.day])
    specs = []
    for (opens, closes), days in sorted(grouped.items(), key=lambda item: (item[1], item[0])):
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": days if len(days) > 1 else days[0],
                "opens": _hhmm(opens),
                "closes": _hhmm(closes),
            }
        )
    today = local_now(now).date()
    for day, spans in sorted(exceptions(hours).items()):
        if day < today:
            continue
        for opens, closes in spans or [(datetime.time(0, 0), datetime.time(0, 0))]:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "opens": _hhmm(opens),
                    "closes": _hhmm(closes),
                    "validFrom": day.isoformat(),
                    "validThrough": day.isoformat(),
                }
            )
    return specs


def course_schedule(hours):
    """Weekly schema.org ``Schedule`` entries, for ``Event.eventSchedule`` (a CourseInstance is an Event)."""
    return [
        {
            "@type": "Schedule",
            "byDay": SCHEMA_DAYS[interval.day],
            "startTime": _hhmm(interval.opens),
            "endTime": _hhmm(interval.closes),
            "repeatFrequency": "P1W",
        }
        for interval in weekly_intervals(hours)
    ]


# --- conversions for migrations and the demo loader ---------------------------------------------
def hours_from_weekdays(weekdays, opens, closes):
    """The raw StreamField list for the old ``weekdays`` + ``time_start``/``time_end`` fields."""
    opens, closes = _time(opens), _time(closes)
    days = [code for code in DAY_CODES if code in (weekdays or [])]
    if not days or not _after(opens, closes):
        return []
    return [{"type": "times", "value": {"days": days, "opens": _hhmm(opens), "closes": _hhmm(closes)}}]


_DAY_WORDS = {
    "montag": 0, "mo": 0, "dienstag": 1, "di": 1, "mittwoch": 2, "mi": 2, "donnerstag": 3, "do": 3,
    "freitag": 4, "fr": 4, "samstag": 5, "sa": 5, "sonnabend": 5, "sonntag": 6, "so": 6,
}  # fmt: skip
_TOKEN = re.compile(r"(?P<time>\d{1,2}(?:[.:]\d{2})?)(?![\d.:])|(?P<word>[^\W\d_]+)|(?P<dash>[–—-])")


def _tokens(text):
    for match in _TOKEN.finditer(text):
        if match.group("time"):
            hour, _sep, minute = match.group("time").replace(".", ":").partition(":")
            if int(hour) <= 23 and int(minute or 0) <= 59:
                yield ("time", datetime.time(int(hour), int(minute or 0)))
            else:
                yield ("other", None)
        elif match.group("dash"):
            yield ("range", None)
        else:
            word = match.group("word").lower()
            if word == "bis":
                yield ("range", None)
            elif word in _DAY_WORDS or (word.endswith("s") and word[:-1] in _DAY_WORDS and len(word) > 3):
                yield ("day", _DAY_WORDS.get(word, _DAY_WORDS.get(word[:-1])))
            elif word not in ("und", "uhr", "von", "sowie"):
                yield ("other", None)


def parse_german_hours(text):
    """Raw StreamField rows read from German free text such as the demo's contact points.

    Understands "Mo–Fr 8.30–12 Uhr", "Dienstag 9 bis 12 Uhr und Donnerstag 14 bis 17 Uhr",
    "Montag bis Donnerstag 9–12 Uhr"; words without times ("vormittags", "nach
    Vereinbarung") give nothing, so such text stays the only description.
    """
    tokens = list(_tokens(text or ""))
    rows, days, consumed = [], [], False
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "day":
            if consumed:
                days, consumed = [], False
            if index >= 2 and tokens[index - 1][0] == "range" and tokens[index - 2][0] == "day" and days:
                days.extend(range(days[-1] + 1, value + 1))
            elif value not in days:
                days.append(value)
        elif (
            kind == "time"
            and index + 2 < len(tokens)
            and tokens[index + 1][0] == "range"
            and tokens[index + 2][0] == "time"
        ):
            opens, closes = value, tokens[index + 2][1]
            if days and _after(opens, closes):
                codes = [DAY_CODES[day] for day in sorted(set(days))]
                value = {"days": codes, "opens": _hhmm(opens), "closes": _hhmm(closes)}
                rows.append({"type": "times", "value": value})
                consumed = True
            index += 2
        index += 1
    return rows


#: Free-text schedules that say the offer does not take place every week at its times.
NOT_WEEKLY = re.compile(
    r"im Monat|monatlich\b(?<!Einstieg monatlich)|alle zwei Wochen|jeden zweiten|vierteljährlich|"
    r"Ferien|Januar|Februar|März|April|Mai\b|Juni|Juli|August|September|Oktober|November|Dezember",
    re.IGNORECASE,
)


def is_weekly(german_schedule):
    """False when the German schedule note names a rhythm or a season the times cannot express."""
    return not NOT_WEEKLY.search(german_schedule or "")
