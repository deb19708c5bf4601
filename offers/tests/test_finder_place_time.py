"""Finding offers by place and time (issue 15, item 7).

Protects: the district derived from the address's place line (Beckum and its districts share
the postcode 59269), the weekday and part-of-day slots derived from the structured times,
the finder's GET filters alone and combined with the old ones (positive controls for every
"must not find"), the demo scenario "a mother who can only come on weekday mornings in
Neubeckum", labels in all seven languages, and a query count that does not grow.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from offers.districts import district_of
from offers.factories import OfferFactory
from offers.forms import OfferFilterForm
from offers.hours import time_slots
from offers.models import Offer, OfferFinderPage

pytestmark = pytest.mark.django_db


def titles(response):
    return sorted(
        re.findall(r'class="offer-card__title"><a href="[^"]*">([^<]+)</a>', response.content.decode())
    )


def times(days, opens, closes):
    return {"type": "times", "value": {"days": days, "opens": opens, "closes": closes}}


@pytest.mark.parametrize(
    ("address", "district"),
    [
        ("Musterstraße 12\n59269 Beckum", "beckum"),
        ("Hauptstraße 3\n59269 Beckum-Neubeckum", "neubeckum"),
        ("Kirchplatz 1, 59269 Neubeckum", "neubeckum"),
        ("Dorfstraße 2\n59269 Beckum (Roland)", "roland"),
        ("Am Hof 1\n59269 Beckum-Vellern", "vellern"),
        ("Vellerner Straße 5\n59269 Beckum", "beckum"),  # a street named after Vellern lies in Beckum
        ("Neubeckumer Straße 1\n59269 Beckum", "beckum"),
        ("Musterstraße 10\n48231 Warendorf", ""),  # the county offices: outside Beckum
        ("Roland", "roland"),  # no postcode: the last line
        ("", ""),
    ],
)
def test_district_from_the_place_line(address, district):
    assert district_of(address) == district


@pytest.mark.parametrize(
    ("opens", "closes", "slots"),
    [
        ("08:30", "12:45", ["mo-am"]),  # a morning course that runs a little past noon
        ("09:00", "15:00", ["mo-am", "mo-pm"]),  # all day: three hours of afternoon
        ("10:00", "13:00", ["mo-am"]),
        ("16:00", "18:00", ["mo-pm"]),  # half of it in the evening: not more than half
        ("15:00", "19:00", ["mo-pm", "mo-ev"]),  # two hours of evening
        ("13:30", "17:30", ["mo-pm"]),
        ("16:30", "19:45", ["mo-pm", "mo-ev"]),
        ("17:00", "19:00", ["mo-ev"]),
        ("11:00", "12:00", ["mo-am"]),
    ],
)
def test_part_of_day_from_the_times(opens, closes, slots):
    assert time_slots([times(["mo"], opens, closes)]) == slots


def test_district_and_slots_are_saved_with_the_offer(orgs):
    offer = OfferFactory(
        organisation=orgs["a"],
        address="Weg 1\n59269 Beckum-Roland",
        opening_hours=[times(["sa"], "10:00", "13:00")],
    )
    assert Offer.objects.filter(pk=offer.pk, district="roland").exists()
    assert Offer.objects.get(pk=offer.pk).time_slots == ["sa-am"]  # 10–13 is a morning
    offer.address = "Weg 1\n59269 Beckum"
    offer.opening_hours = [times(["sa"], "18:00", "20:00")]
    offer.save(update_fields=["address", "opening_hours"])  # derived fields follow even then
    offer = Offer.objects.get(pk=offer.pk)
    assert (offer.district, offer.time_slots) == ("beckum", ["sa-ev"])


@pytest.fixture
def places_and_times(orgs):
    """One offer per district and time; every one different in exactly one respect."""
    make = lambda title, address, hours, **kw: OfferFactory(  # noqa: E731
        organisation=orgs["a"], title=title, address=address, opening_hours=hours, **kw
    )
    neubeckum = "Hauptstraße 3\n59269 Beckum-Neubeckum"
    return [
        make("NB weekday morning", neubeckum, [times(["tu", "th"], "09:00", "11:00")], childcare=True),
        make("NB weekday afternoon", neubeckum, [times(["we"], "14:00", "16:00")]),
        make("NB saturday morning", neubeckum, [times(["sa"], "10:00", "12:00")]),
        make("Beckum weekday morning", "Markt 1\n59269 Beckum", [times(["mo"], "09:00", "11:00")]),
        make("Roland evening", "Dorfstraße 2\n59269 Beckum-Roland", [times(["fr"], "18:00", "20:00")]),
        make("By appointment", neubeckum, []),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "district=neubeckum",
            ["By appointment", "NB saturday morning", "NB weekday afternoon", "NB weekday morning"],
        ),
        ("district=roland", ["Roland evening"]),
        ("day=workdays&time=am", ["Beckum weekday morning", "NB weekday morning"]),
        ("day=weekend", ["NB saturday morning"]),
        ("day=fr", ["Roland evening"]),
        ("time=ev", ["Roland evening"]),
        ("time=pm", ["NB weekday afternoon"]),
        ("district=neubeckum&day=workdays&time=am", ["NB weekday morning"]),
        ("district=neubeckum&day=workdays&time=am&childcare=on", ["NB weekday morning"]),
        ("district=roland&time=am", []),
    ],
)
def test_filters_alone_and_combined(client, places_and_times, query, expected):
    finder = OfferFinderPage.objects.get(locale__language_code="en")
    assert titles(client.get(f"{finder.url}?{query}")) == expected


def test_unknown_values_are_ignored_not_an_error(client, places_and_times):
    finder = OfferFinderPage.objects.get(locale__language_code="en")
    response = client.get(f"{finder.url}?district=mars&day=someday&time=noon")
    assert response.status_code == 200 and len(titles(response)) == 6


def test_empty_result_suggests_dropping_the_place_or_the_time(client, places_and_times):
    finder = OfferFinderPage.objects.get(locale__language_code="en")
    html = client.get(f"{finder.url}?district=roland&time=am").content.decode()
    assert "No offer matches all of your filters." in html
    assert "Without “District: Roland”: 3 offers" in html  # the mornings in Beckum and Neubeckum
    assert "Without “Time of day: Morning (before 12:00)”: 1 offer" in html


def test_a_mother_who_can_only_come_on_weekday_mornings_in_neubeckum(client):
    """The demo content: the women's German course with childcare (Mon, Wed, Fri 9:00–11:30, Neubeckum)."""
    finder = OfferFinderPage.objects.get(locale__language_code="de")
    response = client.get(f"{finder.url}?district=neubeckum&day=workdays&time=am")
    found = titles(response)
    assert found == ["Deutschkurs für Frauen mit Kinderbetreuung"]
    # positive controls: the other Neubeckum demo offer is on Friday afternoons; without the
    # place the weekday mornings are many; the women's course also matches with childcare only
    assert "Offener Sporttreff für Kinder und Jugendliche" in titles(
        client.get(f"{finder.url}?district=neubeckum")
    )
    assert len(titles(client.get(f"{finder.url}?day=workdays&time=am"))) > 10
    assert (
        titles(client.get(f"{finder.url}?district=neubeckum&day=workdays&time=am&childcare=on&women=on"))
        == found
    )
    assert titles(client.get(f"{finder.url}?district=neubeckum&day=workdays&time=ev")) == []


def test_the_form_is_a_plain_get_form_with_labels_in_every_language(client):
    for code, words in {
        "de": ["Wo und wann", "Stadtteil", "Montag bis Freitag", "Vormittags (vor 12:00)", "Ganz Beckum"],
        "en": ["Where and when", "District", "Monday to Friday", "Morning (before 12:00)", "All of Beckum"],
        "ar": ["أين ومتى", "الحي", "من الاثنين إلى الجمعة", "صباحًا (قبل 12:00)"],
        "fa": ["کجا و چه زمانی", "محله", "دوشنبه تا جمعه"],
        "uk": ["Де і коли", "Район", "З понеділка по п’ятницю"],
        "ru": ["Где и когда", "Район", "С понедельника по пятницу"],
        "tr": ["Nerede ve ne zaman", "Semt", "Pazartesiden cumaya"],
    }.items():
        finder = OfferFinderPage.objects.get(locale__language_code=code)
        html = client.get(finder.url).content.decode()
        form = html[html.index('<form class="offer-filters" method="get"') :]
        form = form[: form.index("</form>")]
        assert 'name="district"' in form and 'name="day"' in form and 'name="time"' in form
        assert "csrfmiddlewaretoken" not in form
        for word in words:
            assert word in form, (code, word)


def test_describe_names_the_choice_in_the_readers_language():
    form = OfferFilterForm({"district": "neubeckum", "day": "workdays"})
    with translation.override("ar"):
        assert form.describe("day", "workdays") == "اليوم: من الاثنين إلى الجمعة"


def make_offers(organisation, count):
    addresses = ["Markt 1\n59269 Beckum", "Weg 2\n59269 Beckum-Neubeckum", "Hof 3\n59269 Beckum-Vellern"]
    Offer.objects.bulk_create(
        [
            Offer(
                locale=organisation.locale,
                organisation=organisation,
                title=f"Kurs {i:04d}",
                slug=f"kurs-{i:04d}",
                summary="x",
                kind="language_course",
                fields_of_action=["sprache"],
                live=True,
                address=addresses[i % 3],
                district=district_of(addresses[i % 3]),
                opening_hours=[times([["mo", "tu"], ["we"], ["sa"]][i % 3], "09:00", "11:00")],
                time_slots=time_slots([times([["mo", "tu"], ["we"], ["sa"]][i % 3], "09:00", "11:00")]),
            )
            for i in range(count)
        ]
    )


@pytest.mark.parametrize(
    "query", ["?district=neubeckum&day=workdays&time=am", "?day=weekend&childcare=on&district=roland"]
)
def test_same_number_of_queries_for_10_and_300_offers(client, django_assert_num_queries, orgs, query):
    finder = OfferFinderPage.objects.get(locale__language_code="en")
    url = f"{finder.url}{query}"
    make_offers(orgs["a"], 10)
    client.get(url)  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    Offer.objects.filter(organisation=orgs["a"]).delete()
    make_offers(orgs["b"], 300)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(small.captured_queries) < 25
    if "neubeckum" in query:
        assert "20 offers found" not in response.content.decode() and len(titles(response)) == 20  # paginated
