"""Who may work on a translation — one policy for every wagtail-localize route.

wagtail-localize checks the *model* (``user_can_edit_snippet_type``) or the
page's edit right, never the object: a network member could rewrite another
organisation's offer, a translator could write any language, a translator
with the edit right on their locale tree could open a restricted area's
translation. This module closes that once, for every route:

* ``may_translate(user, instance)`` is the policy: the instance's own admin
  policy (organisation scope for offers and organisations,
  ``offers.permissions``), the translator's languages (``portal.roles``), and
  the view restrictions of the public site for pages (``network.readers``).
* ``TranslationAccessMiddleware`` resolves the object named in the URL of
  every wagtail-localize route (``GUARDS``, keyed on the resolved view name)
  and asks the policy before the view runs. A wagtail-localize route that is
  not in ``GUARDS`` (a new one after an upgrade) is open to the integration
  management only: the guard fails closed.
* The translation editor itself is reached through Wagtail's edit views;
  ``moderation.translation_access_hooks`` asks the same policy there.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseBase
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetAPI

from network.readers import may_read_page
from portal.roles import is_manager, translator_locales, translator_only

GUARDED_NAMESPACES = {"wagtail_localize"}
# Routes that answer JavaScript (fetch/XHR): refused with a plain 403, not a redirect.
API_ROUTES = {
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
SNIPPET_LISTING_ACTIONS = ["add", "change", "delete", "view"]


# The policy ------------------------------------------------------------------
def _snippet_policy(instance):
    viewset = getattr(instance, "snippet_viewset", None)
    return getattr(viewset, "permission_policy", None)


def in_translator_languages(user, instance):
    """A translator (and nothing else) works only in their own languages."""
    if not translator_only(user) or not isinstance(instance, TranslatableMixin):
        return True
    return instance.locale.language_code in translator_locales(user)


def may_translate(user, instance):
    """True if ``user`` may change ``instance`` (a page or snippet in some locale) through a translation."""
    if not user.is_active:
        return False
    if isinstance(instance, Page):
        if not may_read_page(user, instance):
            return False
        if not instance.permissions_for_user(user).can_edit():
            return False
    else:
        policy = _snippet_policy(instance)
        if policy is not None:
            allowed = policy.user_has_permission_for_instance(user, "change", instance)
        else:
            allowed = user_can_edit_snippet_type(user, type(instance))
        if not allowed:
            return False
    return in_translator_languages(user, instance)


def may_publish_translation(user, instance):
    if not may_translate(user, instance):
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    policy = _snippet_policy(instance)
    return policy is not None and policy.user_has_permission_for_instance(user, "publish", instance)


def translation_instances(translation):
    """The target (what is written) and the source (what is shown) of a translation."""
    source = translation.source.get_source_instance()
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    return source, target


def may_work_on_translation(user, translation):
    source, target = translation_instances(translation)
    if target is None:  # not created yet: only who may create translations
        return is_manager(user) and may_translate(user, source)
    if isinstance(source, Page) and not may_read_page(user, source):
        return False
    return may_translate(user, target)


# Guards: one per route, each resolves the object and asks the policy ----------
def _translation(translation_id):
    return get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)


def guard_translation(request, translation_id, **kwargs):
    return may_work_on_translation(request.user, _translation(translation_id))


def guard_convert_to_alias(request, page_id, **kwargs):
    """Converting a translation back into an alias replaces the live text at once: publishers only."""
    page = get_object_or_404(Page, pk=page_id).specific
    return may_publish_translation(request.user, page)


def guard_submit_page(request, page_id, **kwargs):
    page = get_object_or_404(Page, pk=page_id).specific
    original = page.alias_of.specific if page.alias_of_id else page
    return may_read_page(request.user, page) and may_translate(request.user, original)


def _snippet(app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    return get_object_or_404(model, pk=unquote(pk))


def guard_submit_snippet(request, app_label, model_name, pk, **kwargs):
    return may_translate(request.user, _snippet(app_label, model_name, pk))


def guard_update_translations(request, translation_source_id, **kwargs):
    """Updating writes every translation of the source: the user must be allowed on each of them."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    if not may_translate(request.user, source.get_source_instance()):
        return False
    translations = source.translations.filter(enabled=True).select_related("source", "target_locale")
    return all(may_work_on_translation(request.user, t) for t in translations)


def guard_snippet_detail(request, app_label, model_name, pk, **kwargs):
    instance = _snippet(app_label, model_name, pk)
    return scoped_snippets(request.user, type(instance)).filter(pk=instance.pk).exists()


def scoped_snippets(user, model):
    """The snippets of ``model`` the user may see in the admin (the snippet viewset's own policy)."""
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return model._default_manager.none()
    return viewset.permission_policy.instances_user_has_any_permission_for(user, SNIPPET_LISTING_ACTIONS)


class ScopedSnippetAPI(LocalizeSnippetAPI):
    """wagtail-localize's snippet chooser API, listing only what the user may see."""

    def get_queryset(self):
        return scoped_snippets(self.request.user, self.get_model())


scoped_snippet_listing = require_admin_access(ScopedSnippetAPI.as_view({"get": "list"}))


def guard_snippet_listing(request, app_label, model_name, **kwargs):
    get_snippet_model_from_url_params(app_label, model_name)  # 404 for anything but a snippet model
    return scoped_snippet_listing(request, app_label=app_label, model_name=model_name)


def allow(request, **kwargs):
    return True


def managers_only(request, **kwargs):
    return is_manager(request.user)


GUARDS = {
    "wagtail_localize:javascript_catalog": allow,  # interface strings only
    "wagtail_localize:submit_page_translation": guard_submit_page,
    "wagtail_localize:submit_snippet_translation": guard_submit_snippet,
    "wagtail_localize:update_translations": guard_update_translations,
    "wagtail_localize:edit_string_translation": guard_translation,
    "wagtail_localize:edit_override": guard_translation,
    "wagtail_localize:download_pofile": guard_translation,
    "wagtail_localize:upload_pofile": guard_translation,
    "wagtail_localize:machine_translate": guard_translation,
    "wagtail_localize:preview_translation": guard_translation,
    "wagtail_localize:stop_translation": guard_translation,
    "wagtail_localize:convert_to_alias": guard_convert_to_alias,
    # The report lists every translation with its source's title, restricted areas included.
    "wagtail_localize:translations_report": managers_only,
    "wagtail_localize:translations_report_results": managers_only,
    "wagtail_localize:snippets_api_listing": guard_snippet_listing,
    "wagtail_localize:snippets_api_detail": guard_snippet_detail,
    "moderation:submit_translation": guard_translation,
}


def guard_for(view_name):
    """The guard of a resolved route; managers only for an unknown route of a guarded namespace."""
    if view_name in GUARDS:
        return GUARDS[view_name]
    namespace = view_name.split(":", 1)[0] if ":" in view_name else ""
    return managers_only if namespace in GUARDED_NAMESPACES else None


def refuse(request, view_name):
    if view_name in API_ROUTES or request.method not in ("GET", "POST", "HEAD"):
        raise PermissionDenied
    return permission_denied(request)


class TranslationAccessMiddleware:
    """Asks the route's guard before any wagtail-localize view runs (``GUARDS``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None:
            return None
        guard = guard_for(match.view_name)
        if guard is None:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return None  # the view's own admin check sends them to the login form or refuses
        try:
            outcome = guard(request, **view_kwargs)
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if isinstance(outcome, HttpResponseBase):
            return outcome
        if outcome is True:
            return None
        return refuse(request, match.view_name)
