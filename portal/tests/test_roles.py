"""Roles and the approval workflow are set up in code, idempotently, for every locale and moderated type."""

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowContentType, WorkflowPage

from moderation.models import ManagerApprovalTask
from moderation.workflow import TASK_NAME, WORKFLOW_NAME, moderated_snippet_models
from portal.roles import (
    MANAGERS,
    MEMBERS,
    WORKING_GROUPS,
    setup_roles,
    translator_group_name,
    translator_languages,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        sorted(Group.objects.values_list("name", "permissions__codename")),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    )


def test_every_role_exists():
    names = set(Group.objects.values_list("name", flat=True))
    expected = {
        MANAGERS,
        MEMBERS,
        *WORKING_GROUPS,
        *(translator_group_name(c) for c in translator_languages()),
    }
    assert expected <= names
    assert len(translator_languages()) == 6


def test_setup_roles_is_idempotent_and_a_command():
    before = snapshot()
    setup_roles()
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert snapshot() == before
    assert MANAGERS in out.getvalue()


def test_setup_roles_removes_permissions_that_are_no_longer_in_code():
    members = Group.objects.get(name=MEMBERS)
    home = Page.objects.get(depth=2, locale__language_code="de")
    publish = GroupPagePermission.objects.filter(permission__codename="publish_page").first().permission
    GroupPagePermission.objects.create(group=members, page=home, permission=publish)
    setup_roles()
    assert not GroupPagePermission.objects.filter(group=members, permission__codename="publish_page").exists()


def test_workflow_covers_every_locale_home_and_every_moderated_snippet():
    task = ManagerApprovalTask.objects.get(name=TASK_NAME)
    assert list(task.groups.values_list("name", flat=True)) == [MANAGERS]
    homes = Page.objects.filter(depth=2)
    assert homes.count() == 7
    for home in homes:
        assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
        assert home.get_workflow().name == WORKFLOW_NAME
    for model in moderated_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        assert WorkflowContentType.objects.get(content_type=content_type).workflow.name == WORKFLOW_NAME


def test_every_public_page_gets_the_workflow():
    for page in Page.objects.filter(depth__gt=2).specific()[:200]:
        assert page.get_workflow().name == WORKFLOW_NAME, page


def test_working_groups_get_their_area_and_its_private_collection():
    from wagtail.models import CollectionViewRestriction, GroupCollectionPermission, PageViewRestriction

    for name in WORKING_GROUPS:
        group = Group.objects.get(name=name)
        areas = PageViewRestriction.objects.filter(groups=group, page__locale__language_code="de")
        granted = set(
            GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")
        )
        for restriction in areas:
            for codename in ("add_page", "change_page", "publish_page"):
                assert (restriction.page_id, codename) in granted
        assert {page_id for page_id, _c in granted} == {r.page_id for r in areas}
        for restriction in CollectionViewRestriction.objects.filter(groups=group):
            assert GroupCollectionPermission.objects.filter(
                group=group, collection=restriction.collection, permission__codename="add_document"
            ).exists()
