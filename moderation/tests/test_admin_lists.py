"""Issue 13: offer and organisation listings open in the editor's language; booleans are ✓/–."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from offers.models import Offer, Organisation

from .helpers import login, user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("username", "code"), [("mitglied", "de"), ("manager", "de"), ("uebersetzer", "ar")])
@pytest.mark.parametrize("model", [Offer, Organisation], ids=["offers", "organisations"])
def test_listing_opens_in_the_editors_language(client, username, code, model):
    login(client, username)
    url = reverse(model.snippet_viewset.get_url_name("list"))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{url}?locale={code}"
    body = client.get(response["Location"]).content.decode()
    policy = model.snippet_viewset.permission_policy
    visible = policy.instances_user_has_permission_for(user(username), "change")
    name = "title" if model is Offer else "name"
    own = visible.filter(locale__language_code=code).order_by(name).first()
    # the same entry in another language: not in this listing
    other = model.objects.filter(translation_key=own.translation_key).exclude(locale__language_code=code)
    other = other.exclude(**{name: getattr(own, name)}).first()
    assert own is not None and other is not None
    assert re.search(rf">\s*{re.escape(escape(getattr(own, name)))}\s*<", body)
    assert not re.search(rf">\s*{re.escape(escape(getattr(other, name)))}\s*<", body)
    # every language when asked for it
    assert client.get(f"{url}?locale=").status_code == 200


def test_boolean_columns_show_a_tick_or_a_dash(client):
    login(client, "manager")
    body = client.get(reverse(Organisation.snippet_viewset.get_url_name("list")) + "?locale=de").content
    body = body.decode()
    assert "✓" in body or "–" in body
    assert ">True<" not in body and ">False<" not in body
