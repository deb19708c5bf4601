"""The translation editor and the report menu obey ``moderation.translation_access``.

wagtail-localize replaces Wagtail's page and snippet edit views with its
translation editor (and handles "Start Synced translation") in its own
``before_edit_page`` / ``before_edit_snippet`` hooks. These hooks are
registered before them (``moderation`` comes before ``wagtail_localize`` in
``INSTALLED_APPS``), so the editor opens only for who may translate the object.
Imported by ``moderation.wagtail_hooks``.
"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import TranslatableMixin
from wagtail_localize.models import Translation

from network.readers import may_read_page
from portal.roles import is_manager

from .pending import approved_by_editor
from .translation_access import may_publish_translation, may_work_on_translation


def _note_editor_publish(request, translation, instance):
    """The integration management's "Publish" in the translation editor is its approval."""
    if (
        translation is not None
        and request.method == "POST"
        and request.POST.get("action") == "publish"
        and may_publish_translation(request.user, instance)
    ):
        approved_by_editor(instance)


def _translation_of(instance):
    """The wagtail-localize translation whose target is ``instance`` (enabled or stopped), if any."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id
        )
        .select_related("source", "target_locale")
        .order_by("-enabled")
        .first()
    )


@hooks.register("before_edit_page")
def guard_page_translation_editor(request, page):
    if page.alias_of_id and not may_read_page(request.user, page):
        return permission_denied(request)  # the "translate this alias" screen names the original
    translation = _translation_of(page)
    if translation is not None and not may_work_on_translation(request.user, translation):
        return permission_denied(request)
    _note_editor_publish(request, translation, page)
    return None


@hooks.register("before_edit_snippet")
def guard_snippet_translation_editor(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    translation = _translation_of(instance)
    if translation is not None and not may_work_on_translation(request.user, translation):
        return permission_denied(request)
    _note_editor_publish(request, translation, instance)
    return None


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    """wagtail-localize's report lists every translation with its title: the integration management only."""
    if is_manager(request.user):
        return
    url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != url]
