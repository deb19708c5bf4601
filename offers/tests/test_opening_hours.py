"""Structured opening hours (issue 15, item 4).

Protects: the editor's rules (from before to, no overlaps, exceptions), the data migration
of the old weekdays/times and of the guide's free text, the display in the reader's
language (German and Arabic: weekday names, lang/dir, 24 hours, Monday first), "open now" /
"opens on ..." computed in Europe/Berlin at fixed moments, the schema.org shapes, the page
cache never keeping a status line past its change, and members editing their own
organisation's hours.
"""

import datetime
import importlib
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import Revision

from offers import hours as H
from offers.factories import OfferFactory
from offers.models import Offer, OfferFinderPage, Organisation
from operations import page_cache

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime.date(2026, 11, 30)  # a Monday


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), BERLIN)


def times(days, opens, closes):
    return {"type": "times", "value": {"days": days, "opens": opens, "closes": closes}}


def closed_on(day):
    return {
        "type": "exception",
        "value": {"date": day.isoformat(), "closed": True, "opens": None, "closes": None},
    }


OFFICE = [
    times(["mo", "tu", "we", "th", "fr"], "08:30", "12:00"),
    times(["th"], "14:00", "17:00"),
]


def block_errors(raw):
    block = H.OpeningHoursBlock()
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.to_python(raw))
    return error.value


# --- the editor's rules ---
def test_valid_hours_pass_and_several_intervals_per_day_are_allowed():
    block = H.OpeningHoursBlock()
    value = block.clean(block.to_python([*OFFICE, times(["th"], "12:00", "14:00"), closed_on(MONDAY)]))
    assert len(value) == 4  # 12:00–14:00 touches both Thursday intervals: allowed


@pytest.mark.parametrize(("opens", "closes"), [("12:00", "09:00"), ("09:00", "09:00")])
def test_from_must_be_before_to(opens, closes):
    error = block_errors([times(["mo"], opens, closes)])
    with translation.override("en"):
        assert "“To” must be later than “from”." in str(error.block_errors[0].block_errors["closes"])
    with translation.override("de"):
        assert "„Bis“ muss später sein als „von“." in str(error.block_errors[0].block_errors["closes"])


def test_overlapping_rows_are_both_marked_on_the_shared_day():
    with translation.override("en"):
        error = block_errors(
            [
                times(["mo", "tu"], "09:00", "17:00"),
                times(["we"], "10:00", "11:00"),
                times(["tu"], "12:00", "13:00"),
            ]
        )
        assert sorted(error.block_errors) == [0, 2]  # Wednesday's row overlaps nothing
        assert "overlap with other times on Tuesday" in str(error.block_errors[2].messages[0])


def test_overlap_is_found_behind_a_short_interval():
    error = block_errors(
        [times(["mo"], "09:00", "17:00"), times(["mo"], "10:00", "11:00"), times(["mo"], "12:00", "13:00")]
    )
    assert sorted(error.block_errors) == [0, 1, 2]


def test_exception_needs_times_or_closed_and_not_both():
    block = H.OpeningHoursBlock()
    no_times = {
        "type": "exception",
        "value": {"date": "2026-12-24", "closed": False, "opens": None, "closes": None},
    }
    with pytest.raises(ValidationError):
        block.clean(block.to_python([no_times]))
    both = [
        closed_on(datetime.date(2026, 12, 24)),
        {
            "type": "exception",
            "value": {"date": "2026-12-24", "closed": False, "opens": "09:00", "closes": "10:00"},
        },
    ]
    assert sorted(block_errors(both).block_errors) == [0, 1]


def test_member_edits_own_organisations_hours_in_the_snippet_editor(client, member, orgs):
    """Existing permissions: a member edits their organisation; a bad row keeps the saved hours."""
    client.force_login(member)
    url = reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[orgs["a"].pk])
    form = client.get(url)
    assert form.status_code == 200 and "opening_hours" in form.context["form"].fields
    data = {
        "name": "Organisation A",
        "kind": "initiative",
        "staff": "volunteer",
        "email": "a@example.org",
        "opening_hours-count": "1",
        "opening_hours-0-type": "times",
        "opening_hours-0-deleted": "",
        "opening_hours-0-order": "0",
        "opening_hours-0-id": "",
        "opening_hours-0-value-days": ["mo", "th"],
        "opening_hours-0-value-opens": "09:00",
        "opening_hours-0-value-closes": "12:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    draft = Organisation.objects.get(pk=orgs["a"].pk).latest_revision.as_object()
    assert H.time_slots(draft.opening_hours) == ["mo-am", "th-am"]
    bad = {**data, "opening_hours-0-value-closes": "08:00"}
    response = client.post(url, bad)
    assert response.status_code == 200
    error = response.context["form"].errors["opening_hours"].as_data()[0]
    with translation.override("en"):
        assert "“To” must be later than “from”." in json.dumps(error.as_json_data(), ensure_ascii=False)
    assert H.time_slots(
        Organisation.objects.get(pk=orgs["a"].pk).latest_revision.as_object().opening_hours
    ) == [
        "mo-am",
        "th-am",
    ]


def test_member_cannot_edit_a_foreign_organisations_hours(client, member, orgs):
    client.force_login(member)
    url = reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[orgs["b"].pk])
    assert client.post(url, {"opening_hours-count": "0", "name": "x"}).status_code in (302, 403)
    orgs["b"].refresh_from_db()
    assert orgs["b"].name == "Organisation B" and not orgs["b"].opening_hours


def test_hours_travel_with_revisions_and_translations(orgs):
    org = orgs["a"]
    org.opening_hours = OFFICE
    org.save()
    revision = org.save_revision()
    assert H.weekly_intervals(
        Revision.objects.get(pk=revision.pk).as_object().opening_hours
    ) == H.weekly_intervals(OFFICE)
    field_names = {field.field_name for field in Organisation.translatable_fields}
    assert "opening_hours" in field_names
    synced = [f for f in Offer.translatable_fields if f.field_name == "opening_hours"]
    assert synced and type(synced[0]).__name__ == "SynchronizedField"


# --- the data migration ---
def migration(app, name):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_offer_migration_turns_weekdays_and_times_into_rows_and_keeps_drafts():
    module = migration("offers", "0002_structured_opening_hours")
    assert module._hours(["mo", "we", "fr"], datetime.time(9), datetime.time(11, 30), "Vormittags", True) == [
        times(["mo", "we", "fr"], "09:00", "11:30")
    ]
    # no weekdays: the German free text is read; words without times give nothing
    assert module._hours([], None, None, "Dienstag 9 bis 12 Uhr und Donnerstag 14 bis 17 Uhr", True) == [
        times(["tu"], "09:00", "12:00"),
        times(["th"], "14:00", "17:00"),
    ]
    assert module._hours([], None, None, "Nach Vereinbarung", True) == []
    assert module._hours([], datetime.time(16), datetime.time(18, 30), "Vierteljährlich", True) == []


class HistoricalOffers:
    """Stands in for the migration's historical model: today's rows plus the old three fields."""

    def __init__(self, pks, legacy):
        self.pks, self.legacy = pks, legacy
        self.objects = self

    def filter(self, **kwargs):
        return Offer.objects.filter(pk__in=self.pks, **kwargs)

    def select_related(self, *names):
        return self

    def iterator(self):
        for row in Offer.objects.filter(pk__in=self.pks).select_related("locale"):
            row.weekdays, row.time_start, row.time_end = self.legacy[row.pk]
            yield row


def test_offer_migration_runs_on_demo_like_rows(orgs):
    """The migration's function: rows, a stored draft revision, district, slots, weekly flag."""
    module = migration("offers", "0002_structured_opening_hours")
    monthly = OfferFactory(
        organisation=orgs["a"],
        slug="alt",
        address="Hauptstraße 3\n59269 Beckum-Neubeckum",
        schedule="Einmal im Monat, Mittwoch abends",
    )
    weekly = OfferFactory(
        organisation=orgs["a"],
        slug="woche",
        address="Markt 1\n59269 Beckum",
        schedule="Montag bis Freitag vormittags",
    )
    revision = monthly.save_revision()  # a draft stored before the migration, in the old shape
    content = {
        k: v for k, v in revision.content.items() if k not in ("opening_hours", "time_slots", "district")
    }
    content.update({"weekdays": ",we,", "time_start": "18:30:00", "time_end": "20:00:00"})
    Revision.objects.filter(pk=revision.pk).update(content=content)
    Offer.objects.filter(pk__in=[monthly.pk, weekly.pk]).update(district="", time_slots="")
    legacy = {
        monthly.pk: (["we"], datetime.time(18, 30), datetime.time(20)),
        weekly.pk: (["mo", "tu", "we", "th", "fr"], datetime.time(8, 30), datetime.time(12, 45)),
    }
    converted = module.convert_offers(
        HistoricalOffers(legacy.keys(), legacy), Revision, apps.get_model("contenttypes", "ContentType")
    )
    assert converted == 2
    monthly, weekly = Offer.objects.get(pk=monthly.pk), Offer.objects.get(pk=weekly.pk)
    assert H.weekly_intervals(monthly.opening_hours) == [
        H.Interval(2, datetime.time(18, 30), datetime.time(20))
    ]
    assert monthly.district == "neubeckum" and monthly.time_slots == ["we-ev"]
    assert monthly.hours_are_weekly is False  # "Einmal im Monat": no "taking place now"
    assert weekly.hours_are_weekly is True and weekly.district == "beckum"
    assert weekly.time_slots == ["mo-am", "tu-am", "we-am", "th-am", "fr-am"]  # 8:30–12:45 is a morning
    migrated = Revision.objects.get(pk=revision.pk).content
    assert "weekdays" not in migrated and json.loads(migrated["opening_hours"]) == [
        times(["we"], "18:30", "20:00")
    ]
    assert H.time_slots(Revision.objects.get(pk=revision.pk).as_object().opening_hours) == ["we-ev"]


def test_demo_offers_and_contact_points_have_structured_hours():
    """Fresh installs: the demo loader's data; every demo offer with times has rows and slots."""
    course = Offer.objects.get(slug="vhs-frauenkurs-kinderbetreuung", locale__language_code="de")
    assert H.weekly_intervals(course.opening_hours) == [
        H.Interval(day, datetime.time(9), datetime.time(11, 30)) for day in (0, 2, 4)
    ]
    assert course.district == "neubeckum" and course.time_slots == ["mo-am", "we-am", "fr-am"]
    arabic = Offer.objects.get(slug=course.slug, locale__language_code="ar")
    assert H.weekly_intervals(arabic.opening_hours) == H.weekly_intervals(course.opening_hours)
    monthly = Offer.objects.get(slug="wib-sprachpaten-werden", locale__language_code="de")
    assert monthly.hours_are_weekly is False and monthly.time_slots == ["we-ev"]
    town_hall = Organisation.objects.get(slug="integrationsmanagement", locale__language_code="de")
    assert datetime.date(2026, 12, 24) in H.exceptions(town_hall.opening_hours)
    from home.models import GuidePage

    page = GuidePage.objects.get(slug="kursabbruch", locale__language_code="de")
    contact = next(block.value for block in page.body if block.block_type == "contact")
    assert H.time_slots(contact["hours"]) == ["mo-am", "tu-am", "we-am", "th-am"]
    assert contact["opening_hours"] == "Auch nach Vereinbarung."
    farsi = GuidePage.objects.get(translation_key=page.translation_key, locale__language_code="fa")
    contact_fa = next(block.value for block in farsi.body if block.block_type == "contact")
    assert H.time_slots(contact_fa["hours"]) == H.time_slots(contact["hours"])  # synchronised, not translated


def test_home_migration_reads_german_text_and_copies_it_to_translations():
    from home.models import GuidePage

    module = migration("home", "0004_contact_opening_hours")
    page = GuidePage.objects.get(slug="kursabbruch", locale__language_code="de")
    translations = GuidePage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    for each in [page, *translations]:  # as before the migration: only the free text
        raw = [dict(block) for block in each.body.raw_data]
        for block in raw:
            if block["type"] == "contact":
                block["value"] = {**block["value"], "hours": []}
        if each.pk == page.pk:
            raw[[b["type"] for b in raw].index("contact")]["value"]["opening_hours"] = (
                "Mo–Mi 9–12 Uhr\nDo 14–17 Uhr"
            )
        GuidePage.objects.filter(pk=each.pk).update(body=json.dumps(raw))
    assert module.convert_bodies([GuidePage]) >= 2
    german = GuidePage.objects.get(pk=page.pk)
    contact = next(block.value for block in german.body if block.block_type == "contact")
    assert H.time_slots(contact["hours"]) == ["mo-am", "tu-am", "we-am", "th-pm"]
    arabic = GuidePage.objects.get(translation_key=page.translation_key, locale__language_code="ar")
    contact_ar = next(block.value for block in arabic.body if block.block_type == "contact")
    assert H.time_slots(contact_ar["hours"]) == ["mo-am", "tu-am", "we-am", "th-pm"]


# --- now and next, in Europe/Berlin ---
@pytest.mark.parametrize(
    ("moment", "expected_en"),
    [
        (at(MONDAY, 10), "Open now, until 12:00."),
        (at(MONDAY, 12), "Closed now. Opens tomorrow at 8:30."),  # closing time is exclusive
        (at(MONDAY, 7), "Closed now. Opens today at 8:30."),
        (at(MONDAY + datetime.timedelta(days=3), 12, 30), "Closed now. Opens today at 14:00."),
        (at(MONDAY + datetime.timedelta(days=4), 13), "Closed now. Opens on Monday at 8:30."),
        (at(MONDAY + datetime.timedelta(days=6), 23, 59), "Closed now. Opens tomorrow at 8:30."),
    ],
)
def test_status_at_fixed_moments(moment, expected_en):
    with translation.override("en"):
        text = re.sub(r"<[^>]+>", "", H.status_text(H.status(OFFICE, moment), moment))
    assert text == expected_en


def test_status_is_computed_in_berlin_whatever_the_clock_zone():
    utc = datetime.datetime(2026, 11, 30, 7, 45, tzinfo=datetime.UTC)  # 8:45 in Berlin (winter)
    assert H.status(OFFICE, utc)["open"] is True
    summer = datetime.datetime(2026, 7, 6, 6, 45, tzinfo=datetime.UTC)  # a Monday, 8:45 in Berlin (summer)
    assert H.status(OFFICE, summer)["open"] is True
    assert H.status(OFFICE, summer - datetime.timedelta(hours=1))["open"] is False


def test_exceptions_close_a_day_and_skip_to_the_next_opening():
    christmas_eve = datetime.date(2026, 12, 24)  # a Thursday
    hours = [*OFFICE, closed_on(christmas_eve), closed_on(datetime.date(2026, 12, 25))]
    state = H.status(hours, at(christmas_eve, 10))
    assert state["open"] is False and state["next"] == at(datetime.date(2026, 12, 28), 8, 30)
    special = [
        *OFFICE,
        {
            "type": "exception",
            "value": {"date": "2026-12-31", "closed": False, "opens": "10:00", "closes": "11:00"},
        },
    ]
    assert H.status(special, at(datetime.date(2026, 12, 31), 10, 30))["until"] == at(
        datetime.date(2026, 12, 31), 11
    )
    assert H.status(special, at(datetime.date(2026, 12, 31), 9))["next"] == at(
        datetime.date(2026, 12, 31), 10
    )


def test_the_status_changes_at_the_reported_moment_and_at_midnight():
    state = H.status(OFFICE, at(MONDAY, 10))
    assert state["changes_at"] == at(MONDAY, 12)
    state = H.status(OFFICE, at(MONDAY, 13))  # "opens tomorrow" becomes "opens today" at midnight
    assert state["changes_at"] == at(MONDAY + datetime.timedelta(days=1), 0)


def test_an_offer_says_taking_place_and_next_time():
    with translation.override("en"):
        assert "Taking place now, until" in H.status_text(
            H.status(OFFICE, at(MONDAY, 10)), at(MONDAY, 10), True
        )
        friday = at(MONDAY + datetime.timedelta(days=4), 13)
        assert re.sub(r"<[^>]+>", "", H.status_text(H.status(OFFICE, friday), friday, True)) == (
            "Next time: Monday at 8:30."
        )


# --- display in the reader's language ---
def render(hours, language, **extra):
    request = RequestFactory().get("/")
    with translation.override(language):
        return render_to_string(
            "offers/includes/opening_hours.html", {"hours": hours, "request": request, **extra}
        ), request


def test_week_table_in_german_monday_first_24_hours(monkeypatch):
    monkeypatch.setattr(H, "current_time", lambda: at(MONDAY + datetime.timedelta(days=3), 15))
    html, request = render([times(["th"], "14:00", "17:00"), times(["mo", "th"], "08:30", "12:00")], "de")
    assert re.findall(r"<dt>([^<]+)</dt>", html) == ["Montag", "Donnerstag"]
    assert '<span dir="ltr">8:30–12:00</span>, <span dir="ltr">14:00–17:00</span>' in html
    assert 'class="opening-hours__today"><dt>Donnerstag' in html
    assert 'Jetzt geöffnet, bis <time datetime="2026-12-03T17:00+01:00">17:00</time> Uhr.' in html
    assert request.page_cache_valid_until == at(MONDAY + datetime.timedelta(days=3), 17).timestamp()


def test_week_table_in_arabic_with_arabic_weekday_names(monkeypatch):
    monkeypatch.setattr(H, "current_time", lambda: at(MONDAY, 13))
    html, _request = render(OFFICE, "ar")
    assert re.findall(r"<dt>([^<]+)</dt>", html) == ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
    assert "مغلق الآن. يفتح غدًا الساعة" in html
    assert re.findall(r"<time[^>]*>([^<]+)</time>", html) == ["8:30"]  # 24 hours, no "ص"/"م"


def test_no_status_and_no_hours():
    html, request = render(OFFICE, "en", no_status=True)
    assert "opening-hours__status" not in html and "<dt>Monday</dt>" in html
    assert not hasattr(request, "page_cache_valid_until")
    assert render([], "en")[0].strip() == ""


def test_upcoming_exceptions_are_listed_past_ones_not(monkeypatch):
    monkeypatch.setattr(H, "current_time", lambda: at(datetime.date(2026, 12, 20), 10))
    hours = [*OFFICE, closed_on(datetime.date(2026, 12, 24)), closed_on(datetime.date(2026, 12, 1))]
    html, _request = render(hours, "de")
    assert '<time datetime="2026-12-24">Donnerstag, 24.12.2026</time>: geschlossen' in html
    assert "2026-12-01" not in html


def test_offer_page_in_arabic_and_german(client, monkeypatch):
    """The demo's women's course (Mon, Wed, Fri 9:00–11:30) on a Monday at 10:00 in Berlin."""
    monkeypatch.setattr(H, "current_time", lambda: at(MONDAY, 10))
    for code, weekday, status in [
        ("ar", "الأربعاء", "يجري الآن حتى الساعة"),
        ("de", "Mittwoch", "Findet gerade statt, bis"),
    ]:
        finder = OfferFinderPage.objects.get(locale__language_code=code)
        html = client.get(f"{finder.url}vhs-frauenkurs-kinderbetreuung/").content.decode()
        assert re.search(rf'<html[^>]* lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"', html), code
        hours = html[html.index('class="opening-hours"') :]
        assert f"<dt>{weekday}</dt>" in hours and '<span dir="ltr">9:00–11:30</span>' in hours
        assert status in hours
    # the provider's opening hours on the same page, in German: VHS opens until 12:30
    assert "Jetzt geöffnet, bis" in html


def test_monthly_offer_shows_times_without_a_status(client, monkeypatch):
    monkeypatch.setattr(H, "current_time", lambda: at(MONDAY + datetime.timedelta(days=2), 19))
    finder = OfferFinderPage.objects.get(locale__language_code="de")
    html = client.get(f"{finder.url}wib-sprachpaten-werden/").content.decode()
    offer_facts = html[: html.index('id="provider-heading"')]
    assert "<dt>Mittwoch</dt>" in offer_facts and "Findet gerade statt" not in offer_facts
    assert "Einmal im Monat" in offer_facts  # the note says what the times cannot


# --- schema.org ---
def test_opening_hours_specification_shape():
    hours = [*OFFICE, closed_on(datetime.date(2026, 12, 24)), closed_on(datetime.date(2020, 1, 1))]
    specs = H.opening_hours_specification(hours, now=at(MONDAY, 10))
    assert specs[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [
            f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
        ],
        "opens": "08:30",
        "closes": "12:00",
    }
    assert specs[1]["dayOfWeek"] == "https://schema.org/Thursday" and specs[1]["opens"] == "14:00"
    assert specs[2] == {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-12-24",
        "validThrough": "2026-12-24",
    }
    assert len(specs) == 3  # the past exception is left out
    allowed = {"@type", "dayOfWeek", "opens", "closes", "validFrom", "validThrough"}
    assert all(set(spec) <= allowed and re.fullmatch(r"\d\d:\d\d", spec["opens"]) for spec in specs)
    assert H.opening_hours_specification([]) == []


def test_offer_json_ld_carries_the_times(client, orgs):
    OfferFactory(organisation=orgs["a"], slug="beratung", kind="counselling", opening_hours=OFFICE)
    OfferFactory(organisation=orgs["a"], slug="kurs", kind="language_course", opening_hours=OFFICE[1:])
    finder = OfferFinderPage.objects.get(locale__language_code="de")

    def json_ld(slug):
        html = client.get(f"{finder.url}{slug}/").content.decode()
        return json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )

    service = json_ld("beratung")
    assert service["@type"] == "Service"
    assert service["hoursAvailable"][0]["@type"] == "OpeningHoursSpecification"
    course = json_ld("kurs")
    instance = course["hasCourseInstance"]
    assert {key: instance[key] for key in ("@type", "courseMode", "eventSchedule")} == {
        "@type": "CourseInstance",
        "courseMode": "onsite",
        "eventSchedule": [
            {
                "@type": "Schedule",
                "byDay": "https://schema.org/Thursday",
                "startTime": "14:00",
                "endTime": "17:00",
                "repeatFrequency": "P1W",
            }
        ],
    }
    assert "hoursAvailable" not in course and "openingHoursSpecification" not in course


# --- the page cache ---
@pytest.fixture
def cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_page_with_a_status_is_stored_only_until_the_status_changes(
    client, cache_on, settings, orgs, monkeypatch
):
    """Monday 11:59 in Berlin, open until 12:00: stored for 60 s, not 300; browsers get no longer max-age."""
    settings.PAGE_CACHE_MAX_AGE = 600
    moment = at(MONDAY, 11, 59)
    monkeypatch.setattr(H, "current_time", lambda: moment)
    monkeypatch.setattr(page_cache, "time", type("Clock", (), {"time": staticmethod(moment.timestamp)}))
    OfferFactory(organisation=orgs["a"], slug="jetzt", kind="counselling", opening_hours=OFFICE)
    finder = OfferFinderPage.objects.get(locale__language_code="de")
    stored = {}
    cache = page_cache._cache()
    real_set = cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("pagecache:"):
            stored["timeout"] = timeout
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    first = client.get(f"{finder.url}jetzt/")
    assert "Findet gerade statt, bis" in first.content.decode()
    assert stored["timeout"] == 60
    assert "max-age=60" in first["Cache-Control"]
    assert client.get(f"{finder.url}jetzt/")["X-Page-Cache"] == "hit"
    # a page without a status line (the finder's list) keeps the usual lifetime
    stored.clear()
    client.get(finder.url)
    assert stored["timeout"] == 300


def test_limit_lifetime_keeps_the_earliest_moment_and_refuses_a_past_one(rf):
    import time

    request = rf.get("/")
    soon = datetime.datetime.fromtimestamp(time.time() + 120, BERLIN)
    page_cache.limit_lifetime(request, soon + datetime.timedelta(hours=1))
    page_cache.limit_lifetime(request, soon)
    assert request.page_cache_valid_until == soon.timestamp()
    assert 100 < page_cache._timeout({"valid_until": soon.timestamp()}) <= 120
    assert page_cache._timeout({"valid_until": time.time() - 1}) == 0  # passed: not stored at all
    assert page_cache._timeout({"valid_until": None}) == 300
