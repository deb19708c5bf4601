"""Translations go live only after approval: a translator cannot publish through any route, including
wagtail-localize's own editor; they submit the translation, which the integration management approves.
Machine translation is configured by environment and only fills the draft."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from home.factories import GuidePageFactory
from home.models import GuidePage

from .helpers import login, section, user, workflow_action

pytestmark = pytest.mark.django_db

NEW_TITLE = "عنوان جديد للترجمة"
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def arabic():
    """A translated Arabic guide page, its wagtail-localize translation, and a changed title string."""
    page = (
        GuidePage.objects.filter(locale__language_code="ar", alias_of__isnull=True).order_by("path").first()
    )
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=page.locale,
        context=segment.context,
        defaults={"data": NEW_TITLE, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    return page, translation


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_unchanged(page, title, revision_id):
    page.refresh_from_db()
    assert page.title == title
    assert page.live_revision_id == revision_id
    assert not Page.objects.filter(title=NEW_TITLE).exists()


def test_translator_sees_the_editor_without_publish_and_with_submit(client, arabic):
    page, translation = arabic
    login(client, "uebersetzer")
    response = client.get(edit_url(page))
    assert response.status_code == 200
    body = response.content.decode()
    assert "js-translation-editor" in body
    props = json.loads(response.context["props"])
    assert props["perms"]["canPublish"] is False
    assert reverse("moderation:submit_translation", args=[translation.pk]) in body
    assert "Submit translation for approval" in body


def test_translator_cannot_publish_through_the_translation_editor(
    client, arabic, django_capture_on_commit_callbacks
):
    page, _translation = arabic
    title, live_revision = page.title, page.live_revision_id
    login(client, "uebersetzer")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(page), {"action": "publish"})
    assert response.status_code == 302
    assert "Sorry, you do not have permission" in str(list(response.wsgi_request._messages))
    assert_unchanged(page, title, live_revision)


def test_translator_cannot_publish_through_any_other_route(
    client, arabic, django_capture_on_commit_callbacks
):
    page, _translation = arabic
    title, live_revision = page.title, page.live_revision_id
    login(client, "uebersetzer")
    with django_capture_on_commit_callbacks(execute=True):
        # The standard editor's publish button, unpublish, the bulk action, and approving a workflow.
        client.post(edit_url(page), {"action-publish": "1", "title": NEW_TITLE, "slug": page.slug})
        client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        client.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}",
            {"include_descendants": ""},
        )
        # Sync with publishing, and a new translation: both need the manager's right to submit translations.
        source = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=page.locale
        ).source
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
        # Turning the translation back into an alias would put the German text live at once.
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert_unchanged(page, title, live_revision)
    assert page.live and page.alias_of_id is None


def test_submitted_translation_goes_live_only_after_approval(client, arabic, mailoutbox):
    page, translation = arabic
    title = page.title
    login(client, "uebersetzer")
    response = client.post(reverse("moderation:submit_translation", args=[translation.pk]))
    assert response.status_code == 302 and response["Location"] == edit_url(page)
    page.refresh_from_db()
    assert page.title == title, "the live page keeps the approved text"
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == NEW_TITLE
    assert client.get(page.url).content.decode().count(NEW_TITLE) == 0
    assert any(user("manager").email in m.to for m in mailoutbox)

    # Submitting again while it waits: a clear message, nothing changes.
    response = client.post(reverse("moderation:submit_translation", args=[translation.pk]), follow=True)
    assert "already waiting for approval" in response.content.decode()

    login(client, "manager")
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.title == NEW_TITLE and page.live
    assert not page.workflow_in_progress


def test_translator_cannot_submit_other_languages(client):
    english = GuidePage.objects.filter(locale__language_code="en", alias_of__isnull=True).first()
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    login(client, "uebersetzer")
    response = client.post(reverse("moderation:submit_translation", args=[translation.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    english.refresh_from_db()
    assert not english.workflow_in_progress


def test_submitting_a_live_alias_keeps_the_german_text_live(client):
    """An untranslated page (an alias of the German one) is translated and submitted: nothing new is live."""
    arabic_locale = Locale.objects.get(language_code="ar")
    german = GuidePageFactory(
        parent=section("sprache"),
        title="Neue Seite zum Übersetzen",
        slug="neu-zu-uebersetzen",
        intro="Noch nicht übersetzt.",
    )
    german.save_revision().publish()
    alias = german.copy_for_translation(arabic_locale, alias=True)
    login(client, "manager")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[german.pk]),
        {"locales": [alias.locale_id]},
    )
    translation = Translation.objects.filter(
        source__object_id=german.translation_key, target_locale=alias.locale
    ).first()
    assert translation is not None
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=arabic_locale, context=segment.context, data=NEW_TITLE
    )
    login(client, "uebersetzer")
    client.post(reverse("moderation:submit_translation", args=[translation.pk]))
    alias.refresh_from_db()
    assert alias.live and alias.title == german.title
    assert alias.workflow_in_progress
    assert alias.get_latest_revision_as_object().title == NEW_TITLE


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_machine_translation_fills_the_draft_but_publishes_nothing(client, arabic):
    page, translation = arabic
    title, live_revision = page.title, page.live_revision_id
    StringTranslation.objects.filter(locale=page.locale, context__object=translation.source.object).delete()
    login(client, "uebersetzer")
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url(page)}
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=page.locale, context__object=translation.source.object
    ).exists()
    assert_unchanged(page, title, live_revision)


def test_manager_may_publish_a_translation_from_the_editor(
    client, arabic, django_capture_on_commit_callbacks
):
    """The integration management is the moderator: its publish is the approval (README)."""
    page, _translation = arabic
    login(client, "manager")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(page), {"action": "publish"})
    page.refresh_from_db()
    assert page.title == NEW_TITLE


def machine_translator_for(env):
    code = "from cms.settings import base; print(repr(base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEEPL_API_KEY", "LIBRETRANSLATE_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_machine_translator_is_configured_by_environment():
    assert machine_translator_for({}) == "None"
    deepl = machine_translator_for({"DEEPL_API_KEY": "key:fx"})
    assert "DeepLTranslator" in deepl and "key:fx" in deepl
    libre = machine_translator_for({"LIBRETRANSLATE_URL": "http://127.0.0.1:5000"})
    assert "LibreTranslator" in libre and "127.0.0.1:5000" in libre


def test_offer_translation_is_submitted_as_a_revision_and_approved(client):
    """Snippets too: the submitted translation is a revision; the live offer changes only on approval."""
    from moderation.coverage import offer_model

    model = offer_model()
    assert model is not None, "offers are installed"
    member = user("mitglied")
    policy = model.snippet_viewset.permission_policy
    own = policy.instances_user_has_permission_for(member, "change").filter(
        locale__language_code="en", live=True
    )
    translation = Translation.objects.filter(
        source__object_id__in=own.values("translation_key"), target_locale__language_code="en", enabled=True
    ).first()
    assert translation is not None, "the demo has a translated offer of the member's organisation"
    offer = translation.get_target_instance()
    segment = translation.source.stringsegment_set.order_by("order").first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=offer.locale,
        context=segment.context,
        defaults={
            "data": "Changed English text",
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        },
    )
    live_revision = offer.live_revision_id
    login(client, "mitglied")
    response = client.post(reverse("moderation:submit_translation", args=[translation.pk]))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.live and offer.live_revision_id == live_revision
    assert offer.workflow_in_progress
    assert offer.latest_revision_id != live_revision

    login(client, "manager")
    workflow_action(client, offer, "approve")
    offer.refresh_from_db()
    assert offer.live_revision_id == offer.latest_revision_id
    assert not offer.workflow_in_progress
