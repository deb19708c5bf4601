"""Fixtures of the offers tests: an empty offer catalogue, members of two organisations."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import PROTECT

from offers.factories import MembershipFactory, OfferFactory, OrganisationFactory
from offers.models import Offer, OfferFinderPage, Organisation
from offers.roles import grant_offer_permissions
from portal.roles import MANAGERS, MEMBERS
from portal.testing import set_admin_language


@pytest.fixture
def empty_catalogue(db):
    """No demo offers or organisations at all (slow: deletes revisions and translations too).

    Records of higher apps that protect an organisation (a calendar feed's default provider)
    go first; the offers app does not name them.
    """
    Offer.objects.all().delete()
    for relation in Organisation._meta.get_fields(include_hidden=True):
        if getattr(relation, "on_delete", None) is PROTECT and relation.related_model is not Offer:
            relation.related_model.objects.all().delete()
    Organisation.objects.all().delete()


@pytest.fixture
def hidden_catalogue(db):
    """The demo offers and organisations as unpublished drafts: public views show only what a test creates.

    One UPDATE each, much faster than deleting them with their revisions.
    """
    Offer.objects.update(live=False)
    Organisation.objects.update(live=False)


@pytest.fixture
def finder(db):
    """The English finder: interface strings are the English msgids; German offers show as fallback."""
    return OfferFinderPage.objects.get(locale__language_code="en")


@pytest.fixture
def finder_url(finder):
    return finder.url


@pytest.fixture
def orgs(hidden_catalogue):
    return {
        "a": OrganisationFactory(name="Organisation A", slug="org-a"),
        "b": OrganisationFactory(name="Organisation B", slug="org-b"),
    }


def english_admin(user):
    """Admin messages in English, so that tests can compare them with the msgids."""
    return set_admin_language(user, "en")


@pytest.fixture
def member(orgs):
    """A network member of organisation A only."""
    grant_offer_permissions()
    user = get_user_model().objects.create_user("member-a", password="pw-member-a")
    user.groups.add(Group.objects.get(name=MEMBERS))
    MembershipFactory(user=user, organisation=orgs["a"])
    return english_admin(user)


@pytest.fixture
def manager(orgs):
    grant_offer_permissions()
    user = get_user_model().objects.create_user("manager-x", password="pw-manager-x")
    user.groups.add(Group.objects.get(name=MANAGERS))
    return english_admin(user)


@pytest.fixture
def offers_ab(orgs):
    return {
        "a": OfferFactory(organisation=orgs["a"], title="Offer of A", slug="offer-a"),
        "b": OfferFactory(organisation=orgs["b"], title="Offer of B", slug="offer-b"),
    }
