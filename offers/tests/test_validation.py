"""Bad input in the offer editor: clear messages, and nothing is saved."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from offers.factories import OfferFactory
from offers.models import Offer, Organisation

pytestmark = pytest.mark.django_db


def rich_text(text):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )


def offer_form_data(organisation, **overrides):
    data = {
        "title": "Neues Angebot",
        "slug": "",
        "summary": "Kurz gesagt.",
        "description": rich_text("Beschreibung"),
        "organisation": organisation.pk,
        "kind": "language_course",
        "fields_of_action": ["sprache"],
        "target_groups": ["adults"],
        "languages": ["de"],
        "is_free": "on",
        "fee_note": "",
        "registration_how": "",
        "address": "",
        "latitude": "",
        "longitude": "",
        "schedule": "",
        "opening_hours-count": "0",
        "contact_person": "",
        "contact_phone": "",
        "contact_email": "",
        "valid_from": "2026-01-01",
        "valid_until": "",
        "last_reviewed": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def add_url():
    return reverse(Offer.snippet_viewset.get_url_name("add")) + "?locale=de"


def edit_url(offer):
    return reverse(Offer.snippet_viewset.get_url_name("edit"), args=[offer.pk])


def errors(response):
    """The form's messages, in the editor's language (English for the test users)."""
    assert response.status_code == 200, response.get("Location")
    with translation.override("en"):
        return {name: [str(e) for e in errs] for name, errs in response.context["form"].errors.items()}


def test_member_creates_offer_for_own_organisation(client, member, orgs):
    client.force_login(member)
    form_page = client.get(add_url())
    assert form_page.status_code == 200
    assert list(form_page.context["form"].fields["organisation"].queryset) == [orgs["a"]]
    response = client.post(add_url(), offer_form_data(orgs["a"]))
    assert response.status_code == 302, errors(response)
    offer = Offer.objects.get(title="Neues Angebot")
    assert offer.organisation == orgs["a"]
    assert offer.slug == "neues-angebot"
    assert offer.fields_of_action == ["sprache"]
    assert offer.live is False  # a member saves drafts; publishing needs the publish permission


def test_foreign_organisation_is_refused_with_clear_message(client, member, orgs):
    client.force_login(member)
    response = client.post(add_url(), offer_form_data(orgs["b"]))
    assert response.status_code == 200
    assert errors(response)["organisation"] == [
        "You can only choose an organisation you belong to. Ask the integration management to add you."
    ]
    assert not Offer.objects.filter(title="Neues Angebot").exists()


def test_member_cannot_move_own_offer_to_foreign_organisation(client, member, offers_ab, orgs):
    client.force_login(member)
    offer = offers_ab["a"]
    response = client.post(edit_url(offer), offer_form_data(orgs["b"], title="Moved"))
    assert "organisation" in errors(response)
    offer.refresh_from_db()
    assert offer.organisation == orgs["a"]
    assert offer.title == "Offer of A"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"contact_email": "not-an-address"}, "contact_email", "Enter a valid email address."),
        ({"valid_until": "2025-12-31"}, "valid_until", "“Valid until” must be on or after “valid from”."),
        (
            {"is_free": None, "fee_note": ""},
            "fee_note",
            "Please say what the offer costs, or tick “free of charge”.",
        ),
        ({"latitude": "51.7"}, "longitude", "Give both latitude and longitude, or neither."),
        ({"fields_of_action": []}, "fields_of_action", "This field is required."),
    ],
)
def test_invalid_input_gets_message_and_nothing_is_saved(client, manager, orgs, overrides, field, message):
    """Publishing validates everything (a draft may leave required fields empty, as usual in Wagtail 7)."""
    client.force_login(manager)
    count = Offer.objects.count()
    response = client.post(
        add_url(), offer_form_data(orgs["a"], **{"action-publish": "action-publish", **overrides})
    )
    assert response.status_code == 200
    assert message in errors(response)[field]
    assert Offer.objects.count() == count


def test_invalid_edit_keeps_the_saved_offer(client, manager, offers_ab):
    client.force_login(manager)
    offer = offers_ab["a"]
    response = client.post(
        edit_url(offer), offer_form_data(offer.organisation, title="Changed", valid_until="2020-01-01")
    )
    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.title == "Offer of A"
    assert offer.revisions.count() == 0


def test_invalid_organisation_website_is_refused(client, manager, orgs):
    client.force_login(manager)
    url = reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[orgs["a"].pk])
    response = client.post(
        url,
        {
            "name": "A",
            "kind": "initiative",
            "staff": "paid",
            "website": "no url",
            "email": "x",
            "opening_hours-count": "0",
        },
    )
    assert response.status_code == 200
    form_errors = errors(response)
    assert "Enter a valid URL." in form_errors["website"]
    assert "Enter a valid email address." in form_errors["email"]
    orgs["a"].refresh_from_db()
    assert orgs["a"].name == "Organisation A"


def test_model_clean_rejects_end_before_start(orgs):
    offer = OfferFactory.build(organisation=orgs["a"], valid_until=None)
    offer.valid_from = offer.valid_from.replace(year=2030)
    offer.valid_until = offer.valid_from.replace(year=2029)
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "valid_until" in error.value.message_dict


def test_duplicate_short_name_is_refused(orgs):
    OfferFactory(organisation=orgs["a"], slug="kurs")
    offer = OfferFactory.build(organisation=orgs["a"], slug="kurs")
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    with translation.override("en"):
        assert [str(m) for m in error.value.message_dict["slug"]] == [
            "Another offer already uses this short name. Please choose another one."
        ]
    with translation.override("de"):
        assert str(error.value.message_dict["slug"][0]).startswith("Ein anderes Angebot")
