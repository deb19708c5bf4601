"""Shared helpers for the moderation tests: demo users, edit-form data, workflow actions."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import GuideIndexPage

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def user(username):
    return get_user_model().objects.get(username=username)


def login(client, username):
    client.force_login(user(username))
    return client


def section(slug="sprache", code="de"):
    return GuideIndexPage.objects.get(slug=slug, locale__language_code=code)


def section_form_data(page, **changes):
    """POST data for the edit form of a field-of-action page (no StreamField)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "field_of_action": page.field_of_action,
        "intro": page.intro,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    if page.show_in_menus:
        data["show_in_menus"] = "on"
    data.update(changes)
    return nested_form_data(data)


def edit_page(client, page, action=None, **changes):
    data = section_form_data(page, **changes)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def workflow_action_url(obj, action, task_state):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state.pk])
    return reverse(obj.snippet_viewset.get_url_name("workflow_action"), args=[obj.pk, action, task_state.pk])


def workflow_action(client, obj, action, comment=None, xhr=True):
    obj.refresh_from_db()
    task_state = obj.current_workflow_task_state
    data = {} if comment is None else {"comment": comment}
    extra = XHR if xhr else {}
    return client.post(workflow_action_url(obj, action, task_state), data, **extra)


def modal_html(response):
    return json.loads(response.content)["html"]
