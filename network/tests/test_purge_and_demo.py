"""Retention of personal data and the network demo content.

``purge_personal_data`` deletes request submissions older than
PERSONAL_DATA_RETENTION_DAYS and keeps newer ones; the demo content follows
the report and is idempotent.
"""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from network.models import EventPage, InternalPage, NewsPage, WorkingGroupPage
from personal_requests.factories import MediatorRequestFactory, MentorshipRequestFactory
from personal_requests.models import MediatorRequest, MentorshipRequest, PoolMember, RequestFormPage
from portal.roles import WORKING_GROUPS

pytestmark = pytest.mark.django_db


def make_requests(age_days):
    mediator = MediatorRequestFactory(name="Alt")
    mentorship = MentorshipRequestFactory(name="Alt")
    then = timezone.now() - datetime.timedelta(days=age_days)
    MediatorRequest.objects.filter(pk=mediator.pk).update(created_at=then)
    MentorshipRequest.objects.filter(pk=mentorship.pk).update(created_at=then)


def test_retention_setting_defaults_to_180_days():
    assert settings.PERSONAL_DATA_RETENTION_DAYS == 180


def test_purge_deletes_only_old_submissions():
    make_requests(200)
    make_requests(10)
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert MediatorRequest.objects.count() == 1
    assert MentorshipRequest.objects.count() == 1
    assert "2 submissions older than 180 days deleted" in out.getvalue()


@override_settings(PERSONAL_DATA_RETENTION_DAYS=5)
def test_purge_follows_the_setting_and_dry_run_keeps_data():
    make_requests(10)
    call_command("purge_personal_data", "--dry-run", stdout=io.StringIO())
    assert MediatorRequest.objects.count() == 1
    call_command("purge_personal_data", stdout=io.StringIO())
    assert not MediatorRequest.objects.exists() and not MentorshipRequest.objects.exists()


def test_purge_keeps_the_pool():
    count = PoolMember.objects.count()
    call_command("purge_personal_data", "--days", "0", stdout=io.StringIO())
    assert PoolMember.objects.count() == count


def test_privacy_text_on_the_form_names_the_retention(client):
    page = RequestFormPage.objects.get(locale__language_code="en", kind="mediator")
    body = client.get(page.url).content.decode()
    assert "180" in body


def test_demo_content_from_the_report():
    news = NewsPage.objects.filter(locale__language_code="de")
    assert news.count() == 4
    assert {n.date for n in news} >= {datetime.date(2023, 2, 15), datetime.date(2023, 11, 14)}
    for code in ("en", "ar"):
        assert NewsPage.objects.filter(locale__language_code=code, alias_of__isnull=True).count() == 4
    events = {e.slug for e in EventPage.objects.filter(locale__language_code="de")}
    assert {"netzwerktreffen-integration", "integrationskonferenz-2027", "fest-der-kulturen-2026"} <= events
    groups = WorkingGroupPage.objects.filter(locale__language_code="de").select_related("group", "collection")
    assert sorted(g.group.name for g in groups) == sorted(WORKING_GROUPS)
    for page in groups:
        assert page.done_when and page.mandate and page.network_needs and page.manager_role
        assert page.collection.name == page.group.name
        assert 1 <= page.documents().count() <= 2
        assert 1 <= InternalPage.objects.child_of(page).count() <= 2
        restriction = page.collection.get_view_restrictions().get()
        assert page.group in restriction.groups.all()


def test_demo_loader_is_idempotent():
    from network.demo.loader import NetworkDemoLoader

    before = (NewsPage.objects.count(), PoolMember.objects.count(), InternalPage.objects.count())
    loader = NetworkDemoLoader()
    loader.load()
    assert loader.created == 0
    assert (NewsPage.objects.count(), PoolMember.objects.count(), InternalPage.objects.count()) == before


def test_home_page_shows_news_events_and_forms(client):
    body = client.get("/en/").content.decode()
    assert "/en/news/" in body
    assert (
        NewsPage.objects.get(
            locale__language_code="en", slug="arbeitsgruppen-sprachmittlerpool-patenschaften"
        ).title
        in body
    )
    assert "/en/language-mediator/" in body


def test_news_shows_related_organisations_in_the_readers_locale(client):
    from offers.models import Organisation

    slug = "arbeitsgruppen-sprachmittlerpool-patenschaften"
    german = NewsPage.objects.get(locale__language_code="de", slug=slug)
    related = list(german.related_organisations.all())
    assert related, "the news names the Mütterzentrum of the offers demo"
    english = NewsPage.objects.get(locale__language_code="en", slug=german.slug)
    expected = Organisation.objects.filter(translation_key=related[0].translation_key, live=True)
    shown = english.organisations()
    assert [o.translation_key for o in shown] == [related[0].translation_key]
    assert shown[0].locale.language_code in ("en", "de")
    assert expected.exists()
    assert escape(shown[0].name) in client.get(english.url).content.decode()


def test_home_section_is_public_only_and_costs_three_queries(rf):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    from home.models import HomePage
    from network.wagtail_hooks import network_home_section

    home = HomePage.objects.get(locale__language_code="de")
    newest = NewsPage.objects.filter(locale=home.locale).order_by("-date").first()
    PageViewRestriction.objects.create(page=newest, restriction_type=PageViewRestriction.LOGIN)
    with CaptureQueriesContext(connection) as ctx:
        section = network_home_section(home, rf.get("/de/"))
    assert len(ctx) == 3
    assert newest not in section["news"] and len(section["news"]) == 3
    assert [f.specific_class for f in section["forms"]] == [RequestFormPage, RequestFormPage]


def test_public_pages_subquery_matches_wagtails_public():
    """The home section's one-query filter hides exactly what ``.public()`` hides."""
    from wagtail.models import Page, PageViewRestriction

    from portal.visibility import public_pages

    news = NewsPage.objects.filter(locale__language_code="de").first()
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    ours = set(public_pages(Page.objects.all()).values_list("pk", flat=True))
    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    assert news.pk not in ours
    assert Page.objects.not_public().count() > 49
