"""Admin: the glossary (integration management only) and the language-quality report."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.roles import MANAGERS, is_manager

from . import views
from .models import GlossaryTerm


class ManagersOnlyPolicy(ModelPermissionPolicy):
    """Every action on the glossary for the integration management (and superusers), none for anyone else."""

    def user_has_permission(self, user, action):
        return is_manager(user)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=MANAGERS), is_active=True)
            .distinct()
        )


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Glossary")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 850
    list_display = ["german", "note"]
    search_fields = ["german", "german_variants", "note"]

    @property
    def permission_policy(self):
        return ManagersOnlyPolicy(self.model)


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("glossary/report/", views.language_quality_report, name="glossary_report")]


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ManagerMenuItem(_("Language quality"), reverse("glossary_report"), icon_name="doc-full", order=901)


# After the network demo (10), before the search index rebuild (1000).
@hooks.register("load_demo_content", order=900)
def complete_demo_frame(stdout):
    from .frame import complete_demo_frame

    complete_demo_frame(stdout)


def _warn_in_editor(request, instance):
    """Glossary warnings at the top of the translation editor (GET only; a POST saves or submits)."""
    from django.conf import settings
    from wagtail_localize.models import Translation

    from moderation.translation_access import may_translate

    from .checks import warn

    locale = getattr(instance, "locale", None)
    if request.method != "GET" or locale is None or locale.language_code == settings.LANGUAGE_CODE:
        return None
    if getattr(instance, "alias_of_id", None) or not may_translate(request.user, instance):
        return None  # nothing to say to someone the guards below will refuse
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=locale.pk, enabled=True
        )
        .select_related("target_locale")
        .first()
    )
    if translation is not None:
        warn(request, translation)
    return None


# Before wagtail-localize's hook, which answers with its editor (and is registered first,
# its module being imported by moderation): so the access check is made here again.
@hooks.register("before_edit_page", order=-1)
def warn_in_page_translation_editor(request, page):
    return _warn_in_editor(request, page)


@hooks.register("before_edit_snippet", order=-1)
def warn_in_snippet_translation_editor(request, instance):
    return _warn_in_editor(request, instance)


@hooks.register("translation_submitted")
def warn_at_submit(request, translation):
    """moderation's submit step: a warning per glossary violation (glossary/README.md)."""
    from .checks import warn

    warn(request, translation)


_table_seen = []


@hooks.register("search_synonym_rules")
def synonym_rules():
    """search/synonyms.py: the glossary's renderings of one term are one word for search."""
    if not _table_seen:
        from django.db import connection

        if "glossary_glossaryterm" not in connection.introspection.table_names():
            return {}  # before the glossary's migrations (a migration saving pages)
        _table_seen.append(True)
    from .checks import rules

    return rules()
