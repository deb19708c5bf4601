"""Factories for organisations and offers, used by the tests and by ``bench/offers_finder.py``."""

import datetime

import factory
from django.conf import settings
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import Offer, Organisation, OrganisationMembership


def german():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    locale = factory.LazyFunction(german)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    description = "Eine Organisation in Beckum."
    kind = "initiative"
    staff = "volunteer"
    fields_of_action = factory.LazyFunction(lambda: ["leben-und-freizeit"])
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    live = True


class OfferFactory(DjangoModelFactory):
    """A live, currently valid German offer with every flag off."""

    class Meta:
        model = Offer

    locale = factory.LazyFunction(german)
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")
    summary = "Ein Angebot in Beckum."
    description = "<p>Beschreibung.</p>"
    kind = "other"
    fields_of_action = factory.LazyFunction(lambda: ["leben-und-freizeit"])
    target_groups = factory.LazyFunction(lambda: ["adults"])
    languages = factory.LazyFunction(lambda: ["de"])
    is_free = True
    childcare = False
    women_only = False
    barrier_free = False
    valid_from = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    valid_until = None
    last_reviewed = factory.LazyFunction(datetime.date.today)
    live = True


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)


def translate(instance, language_code, **fields):
    """A saved copy of ``instance`` in another locale (tests and bench; not through wagtail-localize)."""
    locale = Locale.objects.get(language_code=language_code)
    copy = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.live = fields.get("live", True)
    copy.save()
    return copy
