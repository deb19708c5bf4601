"""The privacy dialog opens nothing without the integration management's confirmed decision (issue 9, hole 2).

As ``ag-mitglied`` a POST of ``restriction_type=none`` to the privacy dialog of
the working group's page made it public, and because Wagtail judges an alias by
its original page, the area opened in every language at once. Now only the
integration management and administrators may change privacy; removing or
weakening a restriction first shows how many pages in which languages become
readable, and only a second, confirmed POST does it — written to the audit log
and mailed to the managers. The per-locale tests check that what the
confirmation says is what happens on the public site.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, PageViewRestriction

from network.models import NetworkAreaPage, WorkingGroupPage
from network.privacy_dialog import LOG_ACTION
from portal.roles import MANAGERS, MEMBERS

pytestmark = pytest.mark.django_db

CODES = ["de", "en", "ar", "fa", "uk", "ru", "tr"]
LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "ar": "Arabic",
    "fa": "Persian",
    "uk": "Ukrainian",
    "ru": "Russian",
    "tr": "Turkish",
}


@pytest.fixture(autouse=True)
def english_admin(admin_language, users):
    """The admin speaks English here, so that the confirmation can be read by the test."""
    admin_language(list(users.values()), "en")


@pytest.fixture
def area(db):
    return NetworkAreaPage.objects.get(locale__language_code="de")


@pytest.fixture
def wg_page(db):
    return WorkingGroupPage.objects.filter(locale__language_code="de").order_by("path").first()


def privacy_url(page):
    return reverse("wagtailadmin_pages:set_privacy", args=[page.pk])


def version(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def html_of(response):
    return json.loads(response.content)["html"]


def named_languages(text, kind):
    """The languages a confirmation names for ``kind`` ("become public" / "more people may read")."""
    match = re.search(kind + r": (\d+)\. Languages \((\d+)\): ([^.<]*)\.", text)
    assert match, text
    names = [n.strip() for n in match.group(3).split(",")]
    codes = {code for code, name in LANGUAGE_NAMES.items() if name in names}
    assert len(codes) == int(match.group(2))
    return int(match.group(1)), codes


def anonymous_reads(client, page):
    client.logout()
    return client.get(page.url).status_code == 200


@pytest.mark.parametrize("role", ["mitglied", "ag-mitglied", "uebersetzer"])
def test_only_the_integration_management_may_open_or_change_privacy(client, users, wg_page, area, role):
    logged = PageLogEntry.objects.filter(action__startswith="wagtail.view_restriction").count()
    client.force_login(users[role])
    for page in (wg_page, area, version(wg_page, "ar")):
        assert client.get(privacy_url(page)).status_code == 403, page.url_path
        response = client.post(privacy_url(page), {"restriction_type": "none", "confirm": "1"})
        assert response.status_code == 403
        assert page.title not in response.content.decode()
    for code in CODES:
        assert not anonymous_reads(client, version(wg_page, code)), code
        assert not anonymous_reads(client, version(area, code)), code
    assert PageLogEntry.objects.filter(action__startswith="wagtail.view_restriction").count() == logged


def test_removing_asks_first_and_changes_nothing_until_confirmed(client, users, area):
    client.force_login(users["manager"])
    response = client.post(privacy_url(area), {"restriction_type": "none"})
    assert response.status_code == 200
    text = html_of(response)
    count, codes = named_languages(text, "Pages that become public")
    assert codes == set(CODES)
    assert count == 7 * (1 + area.get_children().not_type(WorkingGroupPage).count())
    assert 'name="confirm" value="1"' in text
    assert area.view_restrictions.exists()
    for code in CODES:
        assert not anonymous_reads(client, version(area, code)), code
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()
    assert mail.outbox == []


@pytest.mark.parametrize("code", CODES)
def test_what_the_confirmation_says_is_what_happens(
    client, users, area, code, django_capture_on_commit_callbacks
):
    """Removing the German restriction of the members' area: each locale is public exactly when named."""
    client.force_login(users["manager"])
    asked = html_of(client.post(privacy_url(area), {"restriction_type": "none"}))
    _count, named = named_languages(asked, "Pages that become public")
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(privacy_url(area), {"restriction_type": "none", "confirm": "1"})
    assert json.loads(done.content)["step"] == "set_privacy_done"

    page = version(area, code)
    minutes = version(area.get_children().not_type(WorkingGroupPage).first(), code)
    assert anonymous_reads(client, page) == (code in named)
    assert anonymous_reads(client, minutes) == (code in named)
    # the working groups' areas keep their own restriction
    for group_page in WorkingGroupPage.objects.filter(locale__language_code="de"):
        assert not anonymous_reads(client, version(group_page, code))

    entry = PageLogEntry.objects.get(page=area, action=LOG_ACTION)
    assert entry.user == users["manager"]
    assert version(area, code).pk in entry.data["opened"]
    assert PageLogEntry.objects.filter(page=area, action="wagtail.view_restriction.delete").exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert users["manager"].email in message.to
    assert area.title in message.body
    assert f": {len(entry.data['opened'])}. " in message.body  # the count named in the confirmation


@pytest.mark.parametrize("code", CODES)
def test_weakening_to_login_names_the_new_readers_in_each_locale(
    client, users, wg_page, code, django_capture_on_commit_callbacks
):
    """Working group 1 → any logged-in person: a member outside the group reads it where the dialog says."""
    client.force_login(users["manager"])
    data = {"restriction_type": "login"}
    asked = html_of(client.post(privacy_url(wg_page), data))
    _count, named = named_languages(asked, "Pages that more people may read")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(privacy_url(wg_page), {**data, "confirm": "1"})
    client.force_login(users["mitglied"])  # a network member outside the group
    assert (client.get(version(wg_page, code).url).status_code == 200) == (code in named)
    assert len(mail.outbox) == 1


def test_narrowing_needs_no_confirmation(client, users, area, django_capture_on_commit_callbacks):
    client.force_login(users["manager"])
    managers = Group.objects.get(name=MANAGERS)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(privacy_url(area), {"restriction_type": "groups", "groups": [managers.pk]})
    assert json.loads(response.content)["step"] == "set_privacy_done"
    restriction = PageViewRestriction.objects.get(page=area)
    assert list(restriction.groups.all()) == [managers]
    assert Group.objects.get(name=MEMBERS) not in restriction.groups.all()
    assert mail.outbox == []
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_administrator_may_change_privacy_too(client, users, wg_page):
    client.force_login(users["admin"])
    assert client.get(privacy_url(wg_page)).status_code == 200
    response = client.post(privacy_url(wg_page), {"restriction_type": "none"})
    assert "Pages that more people may read" in html_of(response)
