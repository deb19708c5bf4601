"""The demo loader: organisations and offers from JSON, with wagtail-localize translations; idempotent."""

import io
from pathlib import Path

import pytest
from wagtail_localize.models import Translation

from offers.demo.loader import OfferDemoLoader, read_json
from offers.demo.memberships import assign_demo_memberships
from offers.hours import weekly_intervals
from offers.models import Offer, OfferFinderPage, Organisation, OrganisationDirectoryPage

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "sample_demo"


def test_loads_sample_with_real_translations(empty_catalogue):
    OfferDemoLoader(stdout=io.StringIO(), directory=SAMPLE).load()
    vhs = Organisation.objects.get(slug="vhs", locale__language_code="en")
    assert vhs.name == "Volkshochschule Beckum-Wadersloh (adult education centre)"
    course = Offer.objects.get(slug="vhs-integrationskurs", locale__language_code="ar")
    assert course.title == "دورة اندماج مع رعاية الأطفال"
    assert course.organisation.locale.language_code == "ar"  # the provider is translated too
    assert course.childcare and course.time_slots == ["mo-am", "tu-am", "we-am", "th-am", "fr-am"]
    first_two = [(i.day, str(i.opens)) for i in weekly_intervals(course.opening_hours)][:2]
    assert first_two == [(0, "08:30:00"), (1, "08:30:00")]
    assert str(course.latitude) == "51.755700"
    assert course.live
    german = Offer.objects.get(slug="vhs-integrationskurs", locale__language_code="de")
    assert Translation.objects.filter(source__object_id=german.translation_key).count() == 2
    # the women's café has no Arabic text: it is only in German and English
    assert not Offer.objects.filter(slug="frauencafe", locale__language_code="ar").exists()


def test_loader_is_idempotent_and_keeps_edits(empty_catalogue):
    OfferDemoLoader(directory=SAMPLE).load()
    offer = Offer.objects.get(slug="frauencafe", locale__language_code="de")
    offer.title = "Frauencafé (bearbeitet)"
    offer.save()
    counts = (Organisation.objects.count(), Offer.objects.count())
    OfferDemoLoader(directory=SAMPLE).load()
    assert (Organisation.objects.count(), Offer.objects.count()) == counts
    offer.refresh_from_db()
    assert offer.title == "Frauencafé (bearbeitet)"


def test_pages_exist_in_every_locale(db):
    assert OfferFinderPage.objects.filter(locale__language_code="de", alias_of__isnull=True).count() == 1
    assert OfferFinderPage.objects.get(locale__language_code="en").alias_of is None  # translated
    assert OfferFinderPage.objects.get(locale__language_code="fa").alias_of is None  # frame (issue 18)
    assert OrganisationDirectoryPage.objects.filter(live=True).count() == 7


def test_demo_data_files_follow_the_format():
    organisations = read_json("organisations.json")
    offers = read_json("offers.json")
    assert organisations, "the offers demo data is written"
    keys = {o["key"] for o in organisations}
    assert len(organisations) >= 20 and len(offers) >= 40
    assert all(offer["organisation"] in keys for offer in offers)
    assert any(offer["childcare"] for offer in offers) and any(offer["women_only"] for offer in offers)


def test_demo_members_get_their_organisations(users):
    assign_demo_memberships()
    member = users["mitglied"]
    assert member.organisation_memberships.exists()
    policy = Offer.snippet_viewset.permission_policy if hasattr(Offer, "snippet_viewset") else None
    if policy is not None:
        editable = policy.instances_user_has_permission_for(member, "change")
        assert editable.exists() or not Offer.objects.filter(organisation__memberships__user=member).exists()
