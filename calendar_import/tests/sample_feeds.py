"""Sample iCalendar feeds of Beckum's providers (seed report: VHS courses, Sprachcafé,
Frauenfrühstück, Fest der Kulturen), dated relative to the day the tests run so they
always fall into the import window.

``Dates.monday`` is a Monday one to two weeks ahead; every event is placed from there.
"""

import datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
ISTANBUL = ZoneInfo("Europe/Istanbul")

VTIMEZONE_BERLIN = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


class Dates:
    def __init__(self, today=None):
        today = today or datetime.date.today()
        self.monday = today + datetime.timedelta(days=7 - today.weekday() + 7)

    def day(self, offset):
        return self.monday + datetime.timedelta(days=offset)

    def local(self, offset, hour, minute=0):
        """Basic-format local time for ``TZID=`` and floating values."""
        return f"{self.day(offset):%Y%m%d}T{hour:02d}{minute:02d}00"

    def utc(self, offset, hour, minute=0):
        return f"{self.day(offset):%Y%m%d}T{hour:02d}{minute:02d}00Z"

    def berlin(self, offset, hour, minute=0, zone=BERLIN):
        """The aware Berlin datetime of a wall-clock time in ``zone``."""
        value = datetime.datetime.combine(self.day(offset), datetime.time(hour, minute), zone)
        return value.astimezone(BERLIN)


def calendar(*events, name="Kalender"):
    body = "\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Beckum Test//DE",
            f"X-WR-CALNAME:{name}",
            VTIMEZONE_BERLIN,
        ]
        + list(events)
        + ["END:VCALENDAR", ""]
    )
    return body.replace("\n", "\r\n").encode()


def vevent(*lines):
    return "\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"])


def vhs_feed(d, changed=False):
    """VHS Beckum-Wadersloh: an information evening, the weekly Sprachcafé, a course in UTC, a cancelled one.

    ``changed``: the second run. The information evening moved by an hour (SEQUENCE 1),
    the A1 course is no longer in the feed, the rest is unchanged.
    """
    info = 19 if changed else 18
    events = [
        vevent(
            "UID:infoabend-integrationskurse@vhs-beckum-wadersloh.example",
            f"SEQUENCE:{1 if changed else 0}",
            "SUMMARY:Informationsabend: Integrationskurse an der VHS",
            "LOCATION:VHS Beckum-Wadersloh\\, Musterstraße 12\\, 59269 Beckum",
            "DESCRIPTION:Welche Integrationskurse gibt es?\\nWie melde ich mich an?\\n\\n"
            "Beratung auch auf Arabisch und Ukrainisch.",
            "URL:https://vhs-beckum-wadersloh.example/integrationskurse",
            "CATEGORIES:Bildung,Sprache",
            f"DTSTART;TZID=Europe/Berlin:{d.local(1, info)}",
            f"DTEND;TZID=Europe/Berlin:{d.local(1, info + 1, 30)}",
        ),
        # Every Thursday 15:00-16:30, six times; the third is dropped (EXDATE),
        # the second moved to 16:00 (an overriding component with RECURRENCE-ID).
        vevent(
            "UID:sprachcafe@vhs-beckum-wadersloh.example",
            "SUMMARY:Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen",
            "LOCATION:Café Courage\\, Beckum",
            "DESCRIPTION:Ohne Anmeldung\\, kostenlos. Alle Sprachniveaus sind willkommen.",
            "RRULE:FREQ=WEEKLY;COUNT=6",
            f"DTSTART;TZID=Europe/Berlin:{d.local(3, 15)}",
            f"DTEND;TZID=Europe/Berlin:{d.local(3, 16, 30)}",
            f"EXDATE;TZID=Europe/Berlin:{d.local(17, 15)}",
        ),
        vevent(
            "UID:sprachcafe@vhs-beckum-wadersloh.example",
            f"RECURRENCE-ID;TZID=Europe/Berlin:{d.local(10, 15)}",
            "SUMMARY:Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen (später)",
            "LOCATION:Café Courage\\, Beckum",
            "DESCRIPTION:Diese Woche eine Stunde später.",
            f"DTSTART;TZID=Europe/Berlin:{d.local(10, 16)}",
            f"DTEND;TZID=Europe/Berlin:{d.local(10, 17, 30)}",
        ),
        vevent(
            "UID:elternabend@vhs-beckum-wadersloh.example",
            "STATUS:CANCELLED",
            "SUMMARY:Elternabend im Kurs mit Kinderbetreuung",
            "LOCATION:VHS Beckum-Wadersloh",
            f"DTSTART;TZID=Europe/Berlin:{d.local(2, 19)}",
            f"DTEND;TZID=Europe/Berlin:{d.local(2, 20)}",
        ),
    ]
    if not changed:
        events.append(
            vevent(
                "UID:deutschkurs-a1@vhs-beckum-wadersloh.example",
                "SUMMARY:Deutschkurs A1 mit Kinderbetreuung: erster Termin",
                "LOCATION:VHS Beckum-Wadersloh\\, Raum 3",
                f"DTSTART:{d.utc(4, 8)}",
                f"DTEND:{d.utc(4, 11, 15)}",
            )
        )
    return calendar(*events, name="VHS Beckum-Wadersloh")


def muetterzentrum_feed(d, cancel_breakfast=False):
    """Mütterzentrum Beckum: the women's breakfast (floating time), the Fest der Kulturen
    (all-day, two days), an online evening given in Istanbul time, and one broken event."""
    status = ["STATUS:CANCELLED", "SEQUENCE:2"] if cancel_breakfast else []
    return calendar(
        vevent(
            "UID:fruehstueck@muetterzentrum-beckum.example",
            *status,
            "SUMMARY:Frauenfrühstück im Mehrgenerationenhaus",
            "DESCRIPTION:Ein Treffpunkt nur für Frauen. Kinderbetreuung im Nebenraum.",
            f"DTSTART:{d.local(5, 9, 30)}",
            f"DTEND:{d.local(5, 11, 30)}",
        ),
        vevent(
            "UID:fest-der-kulturen@muetterzentrum-beckum.example",
            "SUMMARY:Fest der Kulturen",
            "LOCATION:Marktplatz Beckum",
            "CATEGORIES:Leben und Freizeit",
            f"DTSTART;VALUE=DATE:{d.day(12):%Y%m%d}",
            f"DTEND;VALUE=DATE:{d.day(14):%Y%m%d}",
        ),
        vevent(
            "UID:online-abend@muetterzentrum-beckum.example",
            "SUMMARY:Online-Abend: Ankommen in Beckum\\, Fragen und Antworten auf Türkisch",
            "LOCATION:Online",
            f"DTSTART;TZID=Europe/Istanbul:{d.local(6, 19)}",
            f"DTEND;TZID=Europe/Istanbul:{d.local(6, 20)}",
        ),
        vevent(
            "UID:naehcafe@muetterzentrum-beckum.example",
            "SUMMARY:Nähcafé",
            "DTSTART:nächsten Dienstag",
        ),
        name="Mütterzentrum Beckum",
    )


MALFORMED = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:abgeschnitten@example\r\nSUMMARY:Sprachkurs\r\n"
)
