"""The one answer to "may this person read this page?", shared by the site and every admin guard."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

from network.models import NetworkAreaPage, WorkingGroupPage
from network.readers import may_read_page, readable_pages

pytestmark = pytest.mark.django_db


def _area_versions():
    area = NetworkAreaPage.objects.get(locale__language_code="de")
    return list(Page.objects.filter(translation_key=area.translation_key))


def test_members_area_in_every_locale(users):
    versions = _area_versions()
    assert len(versions) == 7
    for page in versions:
        assert may_read_page(users["mitglied"], page)
        assert may_read_page(users["manager"], page)
        assert may_read_page(users["admin"], page)
        assert not may_read_page(users["uebersetzer"], page)
        assert not may_read_page(AnonymousUser(), page)


def test_working_group_pages_and_their_children(users):
    for group_page in WorkingGroupPage.objects.all():
        for page in [group_page, *group_page.get_descendants()]:
            readers = {name for name, user in users.items() if may_read_page(user, page)}
            assert {"manager", "admin"} <= readers
            assert "uebersetzer" not in readers


def test_readable_pages_filters_what_may_not_be_read(users):
    translator = users["uebersetzer"]
    everything = Page.objects.filter(depth__gt=1)
    readable = readable_pages(translator, everything)
    unreadable = set(everything.values_list("pk", flat=True)) - set(readable.values_list("pk", flat=True))
    assert {p.pk for p in _area_versions()} <= unreadable
    # positive control: public guide pages stay
    assert readable.filter(locale__language_code="ar", depth=3).exists()
    assert readable_pages(users["admin"], everything).count() == everything.count()


def test_readable_pages_costs_four_queries_once_per_user(users, django_assert_num_queries):
    """Restrictions, their groups, unreadable paths, aliases in them; a second list in the request: none."""
    translator = users["uebersetzer"]
    translator._readers_group_ids = {g.pk for g in translator.groups.all()}
    with django_assert_num_queries(4):
        readable_pages(translator, Page.objects.all())
    with django_assert_num_queries(0):
        readable_pages(translator, Page.objects.filter(depth__gt=1))
