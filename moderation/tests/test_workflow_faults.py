"""Issue 13: the translation workflow as the demo users walk it, without dead ends.

The manager starts an Arabic translation (wagtail-localize's "Translate"), the
translator (uebersetzer, Arabic) translates and submits, the manager requests
changes or approves. Each test is one fault that ended in a server error or in
a false status before.
"""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from home.models import GuidePage
from moderation.pending import is_pending
from offers.factories import OfferFactory
from offers.models import OrganisationMembership

from .helpers import login, section, user, workflow_action

pytestmark = pytest.mark.django_db


def arabic():
    return Locale.objects.get(language_code="ar")


def translate_strings(translation, prefix="AR ", **by_path):
    """Fill every string of ``translation`` (``by_path`` overrides single paths, e.g. ``slug``)."""
    locale = translation.target_locale
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        default = prefix + segment.string.data
        if segment.context.path == "slug":
            default = prefix.strip().lower() + "-" + segment.string.data
        data = by_path.get(segment.context.path.replace(".", "_"), default)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )


def start_page_translation(client):
    """A new live German guide page whose Arabic translation the manager has just started."""
    german = GuidePage(title="Sprachcafé am Markt", slug="sprachcafe-am-markt", intro="Jeden Dienstag.")
    section("sprache").add_child(instance=german)
    german.save_revision().publish()
    login(client, "manager")
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[german.pk]), {"locales": [arabic().pk]}
        )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=german.translation_key, target_locale=arabic())
    return german, translation


def start_offer_translation(client):
    """A new live German offer of mitglied's organisation, its Arabic translation just started."""
    organisation = OrganisationMembership.objects.filter(user=user("mitglied")).order_by("pk")[0].organisation
    german = OfferFactory(organisation=organisation, title="Nähcafé für Frauen", slug="naehcafe-fuer-frauen")
    german.save_revision().publish()
    login(client, "manager")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_snippet_translation", args=["offers", "offer", german.pk]),
            {"locales": [arabic().pk]},
        )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=german.translation_key, target_locale=arabic())
    return german, translation


def submit(client, translation, follow=False):
    login(client, "uebersetzer")
    return client.post(reverse("moderation:submit_translation", args=[translation.pk]), follow=follow)


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


@pytest.mark.parametrize("start", [start_page_translation, start_offer_translation], ids=["page", "offer"])
def test_translator_resubmits_after_changes_were_requested(client, start):
    """Fault 1: the second submission after "Request changes" was a 500 (a second workflow state)."""
    _german, translation = start(client)
    translate_strings(translation, prefix="AR1 ")
    assert submit(client, translation).status_code == 302
    target = translation.get_target_instance()
    assert target.workflow_in_progress

    login(client, "manager")
    workflow_action(client, target, "reject", comment="Bitte den Titel kürzen.")
    target.refresh_from_db()
    assert target.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    translate_strings(translation, prefix="AR2 ")
    response = submit(client, translation)
    assert response.status_code == 302
    assert any("submitted for approval" in m for m in messages_of(response))
    target.refresh_from_db()
    assert target.workflow_in_progress
    assert WorkflowState.objects.for_instance(target).count() == 1, "the same workflow resumes"
    state = target.current_workflow_state
    assert state.current_task_state.revision.as_object().title.startswith("AR2 ")

    login(client, "manager")
    workflow_action(client, target, "approve")
    target.refresh_from_db()
    assert target.title.startswith("AR2 ") and target.live
    assert not target.workflow_in_progress


@pytest.mark.parametrize("username", ["uebersetzer", "manager", "admin"])
def test_offer_edit_view_opens_while_its_translation_waits(client, username):
    """Fault 2: the Arabic offer's edit view was a 500 while its translation waited for approval."""
    _german, translation = start_offer_translation(client)
    translate_strings(translation)
    submit(client, translation)
    offer = translation.get_target_instance()
    assert offer.workflow_in_progress
    login(client, username)
    response = client.get(reverse("wagtailsnippets_offers_offer:edit", args=[offer.pk]))
    assert response.status_code == 200
    assert "waiting for approval" in response.content.decode()


@pytest.mark.parametrize("slug", ["sprach cafe", "مقهى اللغة/السوق"])
def test_invalid_translated_slug_is_a_message_not_a_500(client, slug):
    """Fault 3: a translated slug that is not a valid slug was a 500; now a message names the field."""
    _german, translation = start_page_translation(client)
    translate_strings(translation, slug=slug)
    response = submit(client, translation, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "was not submitted" in body and "Slug" in body
    assert not translation.get_target_instance().workflow_in_progress
    # positive control: a valid slug goes through
    translate_strings(translation, slug="sprachcafe-ar")
    response = submit(client, translation, follow=True)
    assert "submitted for approval" in response.content.decode()


def test_started_page_translation_shows_the_german_text_as_german(client):
    """Fault 4: until it is approved, a started translation is the German fallback with the notice."""
    german, translation = start_page_translation(client)
    target = translation.get_target_instance()
    assert target.live
    client.logout()
    body = client.get(target.url).content.decode()
    assert "notice--fallback" in body
    assert '<article class="content" lang="de" dir="ltr">' in body

    translate_strings(translation)
    submit(client, translation)
    client.logout()
    body = client.get(target.url).content.decode()
    assert "notice--fallback" in body and "AR " not in body

    login(client, "manager")
    workflow_action(client, target, "approve")
    target.refresh_from_db()  # the translated slug is live now
    client.logout()
    body = client.get(target.url).content.decode()
    assert "notice--fallback" not in body
    assert '<article class="content" lang="ar" dir="rtl">' in body
    assert "AR Sprachcafé am Markt" in body


def test_started_offer_translation_shows_the_german_offer_with_the_notice(client):
    german, translation = start_offer_translation(client)
    url = f"/ar/angebote/{german.slug}/"  # redirects to the Arabic finder's own slug (issue 18)
    assert translation.get_target_instance().live, "wagtail-localize published the German text in Arabic"
    client.logout()
    body = client.get(url, follow=True).content.decode()
    assert "Nähcafé für Frauen" in body
    assert "notice--fallback" in body  # the page's fallback notice (issue 14: offers read like pages)

    translate_strings(translation)
    submit(client, translation)
    login(client, "manager")
    workflow_action(client, translation.get_target_instance(), "approve")
    client.logout()
    body = client.get(url, follow=True).content.decode()
    assert "AR Nähcafé für Frauen" in body
    assert "notice--fallback" not in body


@pytest.mark.parametrize("start", [start_page_translation, start_offer_translation], ids=["page", "offer"])
@pytest.mark.parametrize("changes_requested", [False, True], ids=["waiting", "changes-requested"])
def test_manager_publishing_from_the_editor_closes_the_waiting_submission(
    client, django_capture_on_commit_callbacks, start, changes_requested
):
    """Fault 6: publishing from the translation editor left the submission's workflow open."""
    _german, translation = start(client)
    translate_strings(translation)
    submit(client, translation)
    target = translation.get_target_instance()
    assert target.workflow_in_progress
    login(client, "manager")
    if changes_requested:
        workflow_action(client, target, "reject", comment="Bitte prüfen.")
    edit = target.snippet_viewset.get_url_name("edit") if hasattr(target, "snippet_viewset") else None
    url = reverse(edit or "wagtailadmin_pages:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "publish"})
    target.refresh_from_db()
    assert target.title.startswith("AR ") and target.live
    assert not target.workflow_in_progress
    state = WorkflowState.objects.for_instance(target).get()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert not WorkflowState.objects.for_instance(target).active().exists()
    assert not is_pending(target), "the manager's publish is the approval: readers get the translation"
