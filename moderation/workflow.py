"""The approval workflow "Freigabe durch das Integrationsmanagement", set up in code.

``setup_workflow`` is idempotent: ``portal.roles.setup_roles`` (demo loader,
``manage.py setup_roles``) runs it through moderation's ``portal_after_setup_roles``
hook; it can be run again at any time. The workflow covers

* the public page tree: it is assigned to the home page of every locale,
  so German pages and their translations go through it;
* every registered snippet model that uses ``WorkflowMixin`` (offers,
  organisations, and whatever the other apps register), found at run time.

Pages inside a working group's restricted area inherit the workflow too, but
the working group may publish there directly (see README, "Roles").
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from portal.roles import moderated_snippet_models

from .models import ManagerApprovalTask

WORKFLOW_NAME = "Freigabe durch das Integrationsmanagement"
TASK_NAME = "Prüfung durch das Integrationsmanagement"


def locale_home_pages():
    return Page.objects.filter(depth=2).order_by("path")


def setup_workflow(managers_group_name):
    """Create or update the workflow and its assignments; returns the workflow."""
    managers = Group.objects.get(name=managers_group_name)
    task = ManagerApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ManagerApprovalTask.objects.create(name=TASK_NAME)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(managers)

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for home in locale_home_pages():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    for model in moderated_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    setup_town_workflows(managers)
    return workflow


def setup_town_workflows(managers):
    """A town with its own management (``TownRole``) gets its own workflow on its home pages.

    Its task is approved by the town's management and the installation's; so a town's
    managers review their town's pages only. Snippets keep the installation's workflow.
    """
    from portal.models import TownRole
    from portal.sites import town_home_paths, town_settings

    for role in TownRole.objects.filter(kind=TownRole.MANAGERS).select_related("group", "site"):
        name = town_settings(role.site).name
        task = ManagerApprovalTask.objects.filter(name=f"{TASK_NAME} {name}").first()
        if task is None:
            task = ManagerApprovalTask.objects.create(name=f"{TASK_NAME} {name}")
        task.groups.add(managers, role.group)
        workflow, _created = Workflow.objects.get_or_create(name=f"{WORKFLOW_NAME} {name}")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for home in Page.objects.filter(path__in=town_home_paths(role.site)):
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
