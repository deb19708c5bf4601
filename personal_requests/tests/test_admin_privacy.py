"""Personal data in the admin: requests and the language-mediator pool.

Only the integration management (and superusers) may list, inspect, edit or
delete them; network members and working-group members are refused on every
direct URL, and the menu does not show them. The request's edit view lists
the pool members who speak the requested language.
"""

import pytest
from django.urls import reverse
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models

from personal_requests.factories import MediatorRequestFactory, MentorshipRequestFactory
from personal_requests.models import MediatorRequest, MentorshipRequest, PoolMember

pytestmark = pytest.mark.django_db

SECRET = "Geheimname Qpzx"


@pytest.fixture
def records(db):
    mediator = MediatorRequestFactory(name=SECRET, site_language="ar")
    mentorship = MentorshipRequestFactory(name=SECRET)
    return {"mediator_requests": mediator, "mentorship_requests": mentorship}


def urls(records):
    result = []
    for name, obj in records.items():
        result += [
            reverse(f"{name}:index"),
            reverse(f"{name}:edit", args=[obj.pk]),
            reverse(f"{name}:inspect", args=[obj.pk]),
            reverse(f"{name}:delete", args=[obj.pk]),
        ]
    pool = PoolMember.objects.order_by("pk").first()
    result += [
        reverse("language_mediators:index"),
        reverse("language_mediators:edit", args=[pool.pk]),
        reverse("language_mediators:inspect", args=[pool.pk]),
    ]
    return result


@pytest.mark.parametrize("role", ["anonymous", "mitglied", "ag-mitglied", "ag2-mitglied", "uebersetzer"])
def test_others_are_refused_everywhere(client_for, role_users, users, role, records):
    if role == "uebersetzer":
        client = client_for("anonymous")
        client.force_login(users["uebersetzer"])
    else:
        client = client_for(role)
    pool_name = PoolMember.objects.order_by("pk").first().name
    for url in urls(records):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code in (302, 403), url
        if role == "anonymous":
            assert "/admin/login/" in response["Location"]
        assert SECRET not in body and pool_name not in body, url
    # Posting a delete is refused too and deletes nothing.
    for name, obj in records.items():
        client.post(reverse(f"{name}:delete", args=[obj.pk]))
    assert MediatorRequest.objects.count() == 1 and MentorshipRequest.objects.count() == 1


@pytest.mark.parametrize("role", ["mitglied", "ag-mitglied"])
def test_menu_does_not_show_requests_to_members(client_for, role):
    body = client_for(role).get("/admin/").content.decode()
    assert "Language-mediator requests" not in body and "Sprachmittlungsanfragen" not in body
    assert "/admin/mediator_requests/" not in body


def test_manager_sees_lists_and_records(client_for, records):
    client = client_for("manager")
    for url in urls(records):
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(reverse("mediator_requests:index")).content.decode()
    assert SECRET in body
    assert "/admin/mediator_requests/" in client.get("/admin/").content.decode()


def test_nobody_adds_requests_in_the_admin(client_for):
    response = client_for("manager").get(reverse("mediator_requests:add"))
    assert response.status_code in (302, 403)


def test_request_edit_view_lists_pool_members_of_the_language(client_for, records):
    url = reverse("mediator_requests:edit", args=[records["mediator_requests"].pk])
    body = client_for("manager").get(url).content.decode()
    panel = body.split('class="network-pool-matches"', 1)[1].split("</ul>", 1)[0]
    assert "Samira Haddad (Beispiel)" in panel  # speaks Arabic
    assert "Olena Kovalenko (Beispiel)" not in panel  # does not


def test_manager_can_broker_a_request(client_for, records):
    request = records["mediator_requests"]
    samira = PoolMember.objects.get(name="Samira Haddad (Beispiel)")
    assert list(request.matching_pool_members()) == [samira]
    request.pool_member = samira
    request.status = "brokered"
    request.save()
    assert samira.requests.get() == request


def test_personal_data_is_not_indexed_and_not_a_snippet():
    for model in (MediatorRequest, MentorshipRequest, PoolMember):
        assert not class_is_indexed(model)
        assert model not in get_snippet_models()  # no snippet chooser, no snippet API


def test_demo_pool_members_are_marked_as_examples():
    members = PoolMember.objects.all()
    assert 3 <= members.count() <= 6
    assert all(m.is_example and "(Beispiel)" in m.name for m in members)
    assert all(m.languages.exists() for m in members)
