"""Dates and times in every locale (issue 14, fault 3): cms/formats/<lang>/formats.py.

Protects: each of the seven languages shows dates in its own order and words,
24-hour times, Latin digits (the reason is in cms/formats/__init__.py), and
event times as a range; Arabic no longer falls back to the English pattern
("فبراير 25, 2027, 5 م").
"""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from home.templatetags.portal_text import date_range

START = timezone.make_aware(datetime.datetime(2027, 2, 25, 17, 0))
SAME_DAY_END = START + datetime.timedelta(hours=2)
NEXT_DAY_END = START + datetime.timedelta(days=1, hours=1)
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")

EXPECTED = {
    # code: (DATETIME_FORMAT, SHORT_DATE_FORMAT, same-day range as text)
    "de": ("25. Februar 2027, 17:00 Uhr", "25.02.2027", "25. Februar 2027, 17:00–19:00 Uhr"),
    "en": ("25 February 2027, 17:00", "25/02/2027", "25 February 2027, 17:00–19:00"),
    "ar": ("25 فبراير 2027، 17:00", "25/02/2027", "25 فبراير 2027، 17:00–19:00"),
    "fa": ("25 فوریه 2027، ساعت 17:00", "2027/02/25", "25 فوریه 2027، ساعت 17:00 تا 19:00"),
    "uk": ("25 лютого 2027 р., 17:00", "25.02.2027", "25 лютого 2027 р., 17:00–19:00"),
    "ru": ("25 февраля 2027 г., 17:00", "25.02.2027", "25 февраля 2027 г., 17:00–19:00"),
    "tr": ("25 Şubat 2027, 17:00", "25.02.2027", "25 Şubat 2027, 17:00–19:00"),
}


def text(html):
    return re.sub(r"<[^>]+>", "", str(html))


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_formats_per_language(code):
    datetime_text, short_date, same_day = EXPECTED[code]
    template = Template('{{ d|date:"DATETIME_FORMAT" }}|{{ d|date:"SHORT_DATE_FORMAT" }}')
    with translation.override(code):
        assert template.render(Context({"d": START})) == f"{datetime_text}|{short_date}"
        assert text(date_range(START, SAME_DAY_END)) == same_day
        two_days = text(date_range(START, NEXT_DAY_END))
    assert "26" in two_days and "18:00" in two_days and datetime_text.replace(" Uhr", "") in two_days
    assert not EASTERN_DIGITS.search(datetime_text + same_day + two_days)
    assert " م" not in datetime_text and "PM" not in datetime_text.upper()


def test_range_markup_has_machine_readable_times():
    with translation.override("ar"):
        html = str(date_range(START, SAME_DAY_END))
    assert html.count("<time ") == 2
    assert 'datetime="2027-02-25T17:00:00+01:00"' in html
    assert 'datetime="2027-02-25T19:00:00+01:00"' in html


@pytest.mark.django_db
def test_arabic_event_page_uses_the_arabic_pattern(client):
    html = client.get("/ar/termine/netzwerktreffen-integration/", follow=True).content.decode()
    assert re.search(r"\d{1,2} فبراير \d{4}، 17:00", html), "Arabic day-month-year with 24 hours"
    assert not re.search(r"فبراير \d{1,2}, \d{4}", html)  # the English order of before
