"""Demo targets of the feedback tests: a guide page, an offer and an event from the seed report's content."""

import pytest
from wagtail.models import Locale

from home.models import GuidePage
from network.models import EventPage
from offers.models import Offer

GUIDE_URL = "/de/sprache/kursabbruch/"
OFFER_URL = "/de/angebote/vhs-frauenkurs-kinderbetreuung/"


@pytest.fixture
def guide(db):
    return GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")


@pytest.fixture
def offer(db):
    return Offer.objects.get(locale__language_code="de", slug="vhs-frauenkurs-kinderbetreuung")


@pytest.fixture
def event(db):
    return EventPage.objects.get(locale__language_code="de", slug="netzwerktreffen-integration")


@pytest.fixture
def arabic(db):
    return Locale.objects.get(language_code="ar")
