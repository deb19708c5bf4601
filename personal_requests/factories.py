"""Factories and form data for tests of the requests and the mediator pool (test toolkit).

Records are fictitious; the names carry no real person's data.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import MediatorRequest, MentorshipRequest, PoolMember, PoolMemberLanguage, RequestFormPage


class MediatorRequestFactory(DjangoModelFactory):
    """A request for an Arabic mediator at the doctor's, answered in German."""

    class Meta:
        model = MediatorRequest

    name = factory.Sequence(lambda n: f"Testperson {n}")
    email = "x@example.org"
    site_language = "de"
    language = "ar"
    date = datetime.date(2027, 1, 5)
    place = "Praxis"
    appointment_kind = "doctor"
    no_legal_consequences = True


class MentorshipRequestFactory(DjangoModelFactory):
    class Meta:
        model = MentorshipRequest

    name = factory.Sequence(lambda n: f"Testperson {n}")
    phone = "1"
    site_language = "de"
    role = "seek"
    languages = "Arabisch"
    interests = "Fußball"


class PoolMemberFactory(DjangoModelFactory):
    """An active mediator of the pool speaking ``language`` (default Arabic, native level)."""

    class Meta:
        model = PoolMember
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Sprachmittlerin {n}")
    consent_date = datetime.date(2026, 1, 1)
    active = True

    @factory.post_generation
    def language(self, create, extracted, **kwargs):
        if create:
            PoolMemberLanguage.objects.create(member=self, language=extracted or "ar", level="native")


def form_page(code, kind):
    """The demo's request form page of ``kind`` ("mediator" or "mentorship") in locale ``code``."""
    return RequestFormPage.objects.get(locale__language_code=code, kind=kind)


def mediator_data(**extra):
    """POST data of a valid language-mediator request form."""
    data = {
        "language": "ar",
        "date": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "time": "10:30",
        "place": "Kinderarztpraxis Beckum",
        "appointment_kind": "doctor",
        "no_legal_consequences": "on",
        "name": "Testperson Qxwz",
        "phone": "",
        "email": "testperson@example.org",
        "message": "",
        "website": "",
    }
    data.update(extra)
    return data
