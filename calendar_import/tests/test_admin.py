"""Calendar feeds in the admin: only the integration management may see or change them.

Protects: every route the viewset adds answers 403 to network members, working-group
members and translators (and sends anonymous readers to the login), while the manager
gets the page; a member's POST creates, changes and deletes nothing; the manager can
register a feed, but only with a German event list; the stored report is shown; the
demo registers its feed switched off.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from calendar_import.models import CalendarFeed
from calendar_import.wagtail_hooks import calendar_feed_viewset
from network.models import EventIndexPage
from offers.models import Organisation


def routes(feed):
    """{route name: URL} of every URL pattern the viewset adds."""
    urls = {}
    for pattern in calendar_feed_viewset.get_urlpatterns():
        args = [feed.pk] if "<int:pk>" in str(pattern.pattern) else []
        urls[pattern.name] = reverse(calendar_feed_viewset.get_url_name(pattern.name), args=args)
    return urls


@pytest.fixture
def demo_feed(db):
    return CalendarFeed.objects.get(name__startswith="VHS Beckum-Wadersloh")


def test_demo_registers_one_inactive_feed(demo_feed):
    assert demo_feed.active is False
    assert demo_feed.organisation.name == "Volkshochschule Beckum-Wadersloh"
    assert demo_feed.event_index.locale.language_code == settings.LANGUAGE_CODE
    assert demo_feed.url.startswith("https://") and ".example/" in demo_feed.url


@pytest.mark.parametrize("role", ["mitglied", "ag-mitglied", "uebersetzer"])
def test_other_roles_get_403_on_every_route(role, demo_feed, client, users):
    client.force_login(users[role])
    urls = routes(demo_feed)
    assert set(urls) >= {"index", "index_results", "add", "edit", "delete", "inspect", "history", "usage"}
    for name, url in urls.items():
        assert client.get(url).status_code == 403, name
    for name in ("add", "edit", "delete"):
        assert (
            client.post(urls[name], {"name": "Übernommen", "url": "https://x.example/a.ics"}).status_code
            == 403
        )
    demo_feed.refresh_from_db()
    assert demo_feed.name.startswith("VHS") and CalendarFeed.objects.count() == 1
    # Nor is the menu item shown to them (positive control: the manager sees it).
    assert b"calendar_feeds" not in client.get(reverse("wagtailadmin_home")).content


def test_anonymous_is_sent_to_the_login(demo_feed, client):
    for name, url in routes(demo_feed).items():
        response = client.get(url)
        assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"], name


def test_manager_sees_every_route_and_the_report(demo_feed, client, users):
    demo_feed.last_report = {
        "counts": {
            "created": 2,
            "updated": 0,
            "unchanged": 1,
            "cancelled": 0,
            "kept": 0,
            "removed": 0,
            "errors": 1,
        },
        "items": [{"kind": "errors", "message": "Nähcafé: kein gültiger Beginn"}],
        "failed": False,
    }
    demo_feed.save()
    client.force_login(users["manager"])
    urls = routes(demo_feed)
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name
    inspect = client.get(urls["inspect"]).content.decode()
    assert "Nähcafé: kein gültiger Beginn" in inspect
    listing = client.get(urls["index"]).content.decode()
    assert "VHS Beckum-Wadersloh: Kurse und Sprachcafé (Beispiel)" in listing
    assert b"calendar_feeds" in client.get(reverse("wagtailadmin_home")).content


def test_manager_registers_a_feed_with_a_german_event_list_only(demo_feed, client, users):
    client.force_login(users["manager"])
    german = settings.LANGUAGE_CODE
    organisation = Organisation.objects.get(locale__language_code=german, slug="muetterzentrum")
    data = {
        "name": "Mütterzentrum Beckum",
        "url": "https://muetterzentrum-beckum.example/termine.ics",
        "organisation": organisation.pk,
        "field_of_action": "leben-und-freizeit",
        "active": "on",
    }
    english_index = EventIndexPage.objects.exclude(locale__language_code=german).first()
    refused = client.post(routes(demo_feed)["add"], {**data, "event_index": english_index.pk})
    assert (
        refused.status_code == 200 and not CalendarFeed.objects.filter(name="Mütterzentrum Beckum").exists()
    )

    german_index = EventIndexPage.objects.get(locale__language_code=german)
    created = client.post(routes(demo_feed)["add"], {**data, "event_index": german_index.pk})
    assert created.status_code == 302
    feed = CalendarFeed.objects.get(name="Mütterzentrum Beckum")
    assert (feed.event_index_id, feed.organisation_id, feed.active) == (
        german_index.pk,
        organisation.pk,
        True,
    )


def test_feed_url_must_be_http(demo_feed, client, users):
    client.force_login(users["manager"])
    data = {
        "name": "Datei",
        "url": "file:///etc/passwd",
        "organisation": demo_feed.organisation_id,
        "field_of_action": "sprache",
        "event_index": demo_feed.event_index_id,
    }
    response = client.post(routes(demo_feed)["add"], data)
    assert response.status_code == 200 and not CalendarFeed.objects.filter(name="Datei").exists()
