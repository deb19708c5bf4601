"""End-to-end moderation: a member submits, the manager requests changes with a comment, the member
edits and resubmits, the manager approves and the page is live; the audit log records each step.
Bad input (no comment, locked item, approval without the right) gets a clear message and loses nothing."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from moderation.workflow import WORKFLOW_NAME

from .helpers import edit_page, login, modal_html, section, user, workflow_action

pytestmark = pytest.mark.django_db

NEW_INTRO = "Deutschkurse in Beckum: Integrationskurse, Berufssprachkurse und Angebote mit Kinderbetreuung."
SECOND_INTRO = "Deutschkurse in Beckum: Integrationskurse und Berufssprachkurse, auch mit Kinderbetreuung."
COMMENT = "Bitte nennen Sie auch die Kurse mit Kinderbetreuung ausdrücklich."


@pytest.fixture
def submitted(client):
    """The member has submitted a change to the 'Sprache' section."""
    page = section()
    live_intro = page.intro
    login(client, "mitglied")
    response = edit_page(client, page, action="action-submit", intro=NEW_INTRO)
    assert response.status_code == 302
    page.refresh_from_db()
    return page, live_intro


def test_member_submits_manager_requests_changes_member_resubmits_manager_approves(client, submitted):
    page, live_intro = submitted
    member, manager = user("mitglied"), user("manager")
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert page.intro == live_intro, "a submission never changes the live page"
    assert page.get_latest_revision_as_object().intro == NEW_INTRO
    # The managers are told by e-mail.
    assert any(manager.email in m.to for m in mail.outbox)

    mail.outbox.clear()
    login(client, "manager")
    response = workflow_action(client, page, "reject", comment=COMMENT)
    assert response.status_code == 200
    state = WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)).latest(
        "created_at"
    )
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == COMMENT

    # The submitter gets the comment by e-mail and on the admin home page.
    to_member = [m for m in mail.outbox if member.email in m.to]
    assert to_member and COMMENT in to_member[0].body
    login(client, "mitglied")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="moderation-changes-requested-section"' in home
    assert COMMENT in home
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    assert history.status_code == 200

    # The member edits and submits again: the same workflow resumes.
    response = edit_page(client, page, action="action-submit", intro=SECOND_INTRO)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.intro == live_intro

    login(client, "manager")
    response = workflow_action(client, page, "approve")
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live and page.intro == SECOND_INTRO
    assert not page.workflow_in_progress
    assert client.get(page.url).status_code == 200

    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user")
    )
    steps = [a for a, _u in actions if a.startswith("wagtail.workflow") or a == "wagtail.publish"]
    assert steps[-5:] == [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]
    by_action = {a: u for a, u in actions}
    assert by_action["wagtail.workflow.start"] == member.pk
    assert by_action["wagtail.workflow.reject"] == manager.pk
    assert by_action["wagtail.workflow.approve"] == manager.pk


def test_request_changes_without_comment_is_refused_with_a_message(client, submitted):
    page, _live = submitted
    login(client, "manager")
    response = workflow_action(client, page, "reject", comment="  ")
    html = modal_html(response)
    assert "Please write a comment that says what needs to change" in html
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_task_state.status == "in_progress"
    assert page.get_latest_revision_as_object().intro == NEW_INTRO


def test_request_changes_without_comment_from_the_edit_view_is_refused(client, submitted):
    page, _live = submitted
    login(client, "manager")
    data = {
        "action-workflow-action": "1",
        "workflow-action-name": "reject",
        "workflow-action-extra-data": "{}",
    }
    from .helpers import section_form_data

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**section_form_data(page), **data}, follow=True
    )
    assert "Please write a comment that says what needs to change" in response.content.decode()
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().intro == NEW_INTRO


def test_task_refuses_rejection_without_comment_on_any_route(submitted):
    from django.core.exceptions import PermissionDenied

    page, _live = submitted
    task = page.current_workflow_task
    with pytest.raises(PermissionDenied):
        task.on_action(page.current_workflow_task_state, user("manager"), "reject", comment="")
    page.refresh_from_db()
    assert page.workflow_in_progress


def test_approval_by_someone_without_the_right_is_refused(client, submitted):
    page, _live = submitted
    for username in ("mitglied", "uebersetzer", "ag-mitglied"):
        login(client, username)
        response = workflow_action(client, page, "approve", xhr=False)
        assert response.status_code == 302
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any("Sorry, you do not have permission to access this area." in m for m in messages), username
        page.refresh_from_db()
        assert page.workflow_in_progress
        assert page.current_workflow_task_state.status == "in_progress"


def test_resubmitting_while_waiting_is_refused_and_keeps_the_submission(client, submitted):
    """While the item waits for approval it is locked for the submitter: a new save is refused."""
    page, _live = submitted
    response = edit_page(client, page, action="action-submit", intro="Überschrieben")
    body = response.content.decode()
    assert response.status_code == 200
    assert "could not be saved" in body or "locked" in body.lower()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == NEW_INTRO
    assert page.workflow_in_progress


def test_member_cannot_publish_directly(client):
    page = section()
    live_intro = page.intro
    login(client, "mitglied")
    edit_page(client, page, action="action-publish", intro="Direkt veröffentlicht?")
    page.refresh_from_db()
    assert page.intro == live_intro
    assert not page.live_revision or page.live_revision.as_object().intro == live_intro


def test_snippets_go_through_the_same_workflow(client):
    from moderation.workflow import moderated_snippet_models

    models = moderated_snippet_models()
    assert models, "offers and organisations are moderated snippets"
    for model in models:
        obj = model.objects.filter(locale__language_code="de").first()
        if obj is None:
            continue
        assert obj.get_workflow().name == WORKFLOW_NAME
        obj.save_revision(user=user("mitglied"))
        obj.get_workflow().start(obj, user("mitglied"))
        login(client, "manager")
        response = workflow_action(client, obj, "reject", comment="")
        assert "Please write a comment" in modal_html(response)
        response = workflow_action(client, obj, "reject", comment=COMMENT)
        obj.refresh_from_db()
        state = obj.workflow_states.latest("created_at")
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
