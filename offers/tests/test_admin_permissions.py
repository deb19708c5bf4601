"""Organisation-scoped admin permissions.

A member of organisation A is refused on B's offers and profile by every admin path.

Refusal is Wagtail's permission-denied response (redirect to the dashboard
with a message) or a 403/404; either way nothing of B is shown or changed.
"""

import pytest
from django.conf import settings
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.admin_url_finder import AdminURLFinder

from offers.models import Offer, Organisation

pytestmark = pytest.mark.django_db


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=[quote(a) for a in args])


def chooser_url(model, name, *args):
    return reverse(model.snippet_viewset.chooser_viewset.get_url_name(name), args=args)


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
        messages = [str(m).strip() for m in response.wsgi_request._messages]
        text = "Sorry, you do not have permission to access this area."
        # The admin speaks the user's language: German, a translator's own language (issue 13).
        expected = {text}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                expected.add(gettext(text))
        assert expected & set(messages), messages
    else:
        assert response.status_code in (403, 404)


@pytest.fixture
def revisions(offers_ab):
    """An older revision of each offer (reverting to the latest one just opens the editor)."""
    older = {}
    for key, offer in offers_ab.items():
        older[key] = offer.save_revision()
        offer.summary = "Revised."
        offer.save_revision()
    return older


OFFER_VIEWS = ["edit", "delete", "copy", "history", "usage", "preview_on_edit", "unpublish", "lock", "unlock"]


@pytest.mark.parametrize("view", OFFER_VIEWS)
def test_member_refused_on_other_organisations_offer(client, member, offers_ab, view):
    client.force_login(member)
    response = client.get(url(Offer, view, offers_ab["b"].pk))
    assert_refused(response)
    assert "Offer of B" not in response.content.decode()


@pytest.mark.parametrize("view", ["edit", "history", "usage"])
def test_member_allowed_on_own_organisations_offer(client, member, offers_ab, view):
    client.force_login(member)
    response = client.get(url(Offer, view, offers_ab["a"].pk))
    assert response.status_code == 200
    assert "Offer of A" in response.content.decode()


@pytest.mark.parametrize("view", ["revisions_view", "revisions_revert"])
def test_member_refused_on_other_organisations_revisions(client, member, revisions, offers_ab, view):
    client.force_login(member)
    response = client.get(url(Offer, view, offers_ab["b"].pk, revisions["b"].pk))
    assert_refused(response)
    own = client.get(url(Offer, view, offers_ab["a"].pk, revisions["a"].pk))
    assert own.status_code == 200


def test_member_cannot_post_edits_or_delete_by_url(client, member, offers_ab):
    client.force_login(member)
    offer = offers_ab["b"]
    assert_refused(client.post(url(Offer, "delete", offer.pk)))
    assert_refused(client.post(url(Offer, "edit", offer.pk), {"title": "Hijacked"}))
    offer.refresh_from_db()
    assert offer.title == "Offer of B"
    assert Offer.objects.filter(pk=offer.pk).exists()


@pytest.mark.parametrize("view", ["edit", "history", "delete"])
def test_member_refused_on_other_organisations_profile(client, member, orgs, view):
    client.force_login(member)
    assert_refused(client.get(url(Organisation, view, orgs["b"].pk)))
    own = client.get(url(Organisation, "edit", orgs["a"].pk))
    assert own.status_code == 200


def test_listing_shows_only_own_offers(client, member, offers_ab):
    client.force_login(member)
    html = client.get(url(Offer, "list"), follow=True).content.decode()  # opens in German
    assert "Offer of A" in html
    assert "Offer of B" not in html
    results = client.get(url(Offer, "list_results"), {"q": "Offer"}).content.decode()
    assert "Offer of B" not in results


def test_organisation_listing_shows_only_own_organisations(client, member, orgs):
    client.force_login(member)
    html = client.get(url(Organisation, "list"), follow=True).content.decode()
    assert "Organisation A" in html
    assert "Organisation B" not in html


def test_choosers_offer_only_own_records(client, member, offers_ab, orgs):
    client.force_login(member)
    organisations = client.get(chooser_url(Organisation, "choose")).content.decode()
    assert "Organisation A" in organisations
    assert "Organisation B" not in organisations
    offers = client.get(chooser_url(Offer, "choose_results")).content.decode()
    assert "Offer of A" in offers
    assert "Offer of B" not in offers
    refused = client.get(chooser_url(Organisation, "chosen", orgs["b"].pk))
    assert refused.status_code in (302, 404)  # the i18n middleware may redirect a 404 to /de/...
    assert "Organisation B" not in refused.content.decode()
    assert client.get(chooser_url(Organisation, "chosen", orgs["a"].pk)).status_code == 200


def test_bulk_delete_refuses_other_organisations_offer(client, member, offers_ab):
    client.force_login(member)
    bulk = reverse("wagtail_bulk_action", args=("offers", "offer", "delete"))
    ids = f"id={offers_ab['a'].pk}&id={offers_ab['b'].pk}"
    page = client.get(f"{bulk}?{ids}").content.decode()
    assert "t have permission to delete this offer" in page
    client.post(f"{bulk}?{ids}")
    assert Offer.objects.filter(pk=offers_ab["b"].pk).exists()
    assert not Offer.objects.filter(pk=offers_ab["a"].pk).exists()


def test_manager_sees_and_edits_everything(client, manager, offers_ab):
    client.force_login(manager)
    html = client.get(url(Offer, "list"), {"q": "Offer of"}, follow=True).content.decode()
    assert "Offer of A" in html and "Offer of B" in html
    assert client.get(url(Offer, "edit", offers_ab["b"].pk)).status_code == 200


def test_member_without_organisation_sees_nothing(client, member, offers_ab):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import MEMBERS

    from .conftest import english_admin

    user = english_admin(get_user_model().objects.create_user("lonely"))
    user.groups.add(Group.objects.get(name=MEMBERS))
    client.force_login(user)
    html = client.get(url(Offer, "list")).content.decode()
    assert "Offer of A" not in html and "Offer of B" not in html
    assert_refused(client.get(url(Offer, "edit", offers_ab["a"].pk)))


def test_admin_url_finder_and_policy_agree(member, offers_ab):
    policy = Offer.snippet_viewset.permission_policy
    assert policy.user_has_permission_for_instance(member, "change", offers_ab["a"])
    assert not policy.user_has_permission_for_instance(member, "change", offers_ab["b"])
    assert not policy.user_has_permission_for_instance(member, "publish", offers_ab["a"])
    editable = policy.instances_user_has_permission_for(member, "change")
    assert list(editable.filter(pk__in=[o.pk for o in offers_ab.values()])) == [offers_ab["a"]]
    assert AdminURLFinder(member).get_edit_url(offers_ab["a"])


def test_users_with_permission_for_an_offer_are_its_members_and_managers(member, manager, offers_ab):
    policy = Offer.snippet_viewset.permission_policy
    for_a = set(policy.users_with_permission_for_instance("change", offers_ab["a"]))
    for_b = set(policy.users_with_permission_for_instance("change", offers_ab["b"]))
    assert member in for_a and manager in for_a
    assert member not in for_b and manager in for_b


def test_translator_edits_only_offers_in_their_language(client, users):
    """The Arabic translator opens Arabic offers to translate them, never German or English ones."""
    translator = users["uebersetzer"]
    client.force_login(translator)
    arabic = Offer.objects.filter(locale__language_code="ar").first()
    german = Offer.objects.get(translation_key=arabic.translation_key, locale__language_code="de")
    english = Offer.objects.get(translation_key=arabic.translation_key, locale__language_code="en")
    assert client.get(url(Offer, "edit", arabic.pk)).status_code == 200
    for other in (german, english):
        assert_refused(client.get(url(Offer, "edit", other.pk)))
    # Translate, never remove.
    assert_refused(client.get(url(Offer, "delete", arabic.pk)))
    listing = client.get(url(Offer, "list"), follow=True).content.decode()  # opens in Arabic
    assert arabic.title in listing
    assert german.title not in listing
