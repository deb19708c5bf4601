"""Snippet admin for organisations and offers, scoped by ``OrganisationScopedPolicy``.

* Every view of the viewset that works on one object (edit, delete, copy,
  history, revisions, preview, usage, lock, unpublish, workflow...) is wrapped
  once in ``construct_view``: the object named in the URL is checked against
  the policy before the view runs.
* Listings and choosers show ``policy.scope(user, queryset)`` only.
* The edit form offers only the user's own organisations.
* Bulk delete asks the policy for each selected object.
"""

import functools

from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Offer, Organisation
from .permissions import OrganisationScopedPolicy


def policy_for(model):
    return model.snippet_viewset.permission_policy


class ScopedChooserMixin:
    """Choosers list and return only what the user's policy allows."""

    def get_object_list(self):
        return policy_for(self.model_class).scope(self.request.user, super().get_object_list())


class ScopedChooseView(ScopedChooserMixin, ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserMixin, ChooseResultsView):
    pass


class ScopedChosenView(SnippetChosenView):
    def get_object(self, pk):
        return (
            policy_for(self.model_class).scope(self.request.user, self.model_class.objects.all()).get(pk=pk)
        )


class ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return policy_for(self.model_class).scope(self.request.user, super().get_objects(pks))


class ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view obeys an ``OrganisationScopedPolicy``."""

    organisation_path = ""
    chooser_viewset_class = ScopedChooserViewSet

    @property
    def index_view_class(self):
        return LanguageListingIndexView

    @cached_property
    def permission_policy(self):
        return OrganisationScopedPolicy(self.model, organisation_path=self.organisation_path)

    def get_queryset(self, request):
        return self.permission_policy.scope(request.user, self.model._default_manager.all())

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        policy = self.permission_policy
        model = self.model

        @functools.wraps(view)
        def scoped_view(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None:
                instance = model._default_manager.filter(pk=unquote(str(pk))).first()
                if instance is not None and not policy.owns(request.user, instance):
                    return permission_denied(request)
            return view(request, *args, **view_kwargs)

        return scoped_view


class OfferAdminForm(WagtailAdminModelForm):
    """Members can choose only their own organisations as the provider."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        if field is not None and self.for_user is not None:
            field.queryset = policy_for(Organisation).scope(self.for_user, field.queryset)
            field.error_messages["invalid_choice"] = _(
                "You can only choose an organisation you belong to. "
                "Ask the integration management to add you."
            )


class ScopedDeleteBulkAction(DeleteBulkAction):
    """The snippet bulk delete, asking the policy about every selected object."""

    models = [Offer, Organisation]

    def check_perm(self, snippet):
        policy = self.model.snippet_viewset.permission_policy
        if isinstance(policy, OrganisationScopedPolicy):
            return policy.user_has_permission_for_instance(self.request.user, "delete", snippet)
        return super().check_perm(snippet)


# --- Listings: one language at a time, booleans as ✓/– (issue 13) -------------------------------
def default_listing_language(user):
    """The language an editor's listings open in: a translator's own, everyone else German."""
    from django.conf import settings

    from portal.roles import translator_locales, translator_only

    if translator_only(user):
        codes = sorted(translator_locales(user))
        if codes:
            return codes[0]
    return settings.LANGUAGE_CODE


class LanguageListingIndexView(SnippetIndexView):
    """Without a language chosen (``?locale=``), the listing opens in the editor's language
    instead of mixing German, English and Arabic rows. ``?locale=`` (empty) shows every language."""

    def get(self, request, *args, **kwargs):
        if self.i18n_enabled and not self.results_only and "locale" not in request.GET:
            query = request.GET.copy()
            query["locale"] = default_listing_language(request.user)
            return redirect(f"{request.path}?{query.urlencode()}")
        return super().get(request, *args, **kwargs)


class CheckColumn(Column):
    """A boolean as ✓ or –, with the words for screen readers."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = bool(context["raw_value"])
        context["value"] = format_html(
            '<span aria-hidden="true">{}</span><span class="w-sr-only">{}</span>',
            "✓" if value else "–",
            _("yes") if value else _("no"),
        )
        return context
