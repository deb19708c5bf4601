"""The document form and the bulk action "Add to collection" obey ``document_release.may_place_document``.

``WAGTAILDOCS_DOCUMENT_FORM_BASE`` points here, so every route that saves a
document through Wagtail's forms asks the rule: upload, edit, multiple upload
(and its edit step), the chooser's upload. The bulk action replaces Wagtail's
own (registered later, same action type).
"""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.bulk_actions.add_to_collection import AddToCollectionBulkAction

from portal.roles import is_manager

from .document_release import is_public, may_place_document

REFUSED_MOVE = _(
    "Only the integration management can put a document into a public collection "
    "or move it out of a working group's collection."
)


class ReleaseGuardedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        self.placing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.placing_user is None:
            return cleaned
        # With one collection to choose from, Wagtail hides the field and saves into that one.
        target = cleaned.get("collection") if "collection" in self.fields else self.collections[0]
        current = None
        if self.instance.pk:
            current = type(self.instance).objects.get(pk=self.instance.pk).collection
        if target is not None and not may_place_document(self.placing_user, current, target):
            self.add_error("collection" if "collection" in self.fields else None, REFUSED_MOVE)
        return cleaned


class GuardedCollectionForm(forms.Form):
    """Wagtail's choice of collections with the add permission, without public ones for non-managers."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        collections = AddToCollectionBulkAction.permission_policy.collections_user_has_permission_for(
            user, "add"
        )
        if not is_manager(user):
            collections = collections.filter(pk__in=[c.pk for c in collections if not is_public(c)])
        self.fields["collection"] = forms.ModelChoiceField(label=_("Collection"), queryset=collections)


class ReleaseGuardedAddToCollection(AddToCollectionBulkAction):
    form_class = GuardedCollectionForm

    def prepare_action(self, objects, objects_without_access):
        target = self.cleaned_form.cleaned_data["collection"]
        self.refused_ids = {
            obj.pk for obj in objects if not may_place_document(self.request.user, obj.collection, target)
        }
        if self.refused_ids:
            count = len(self.refused_ids)
            messages.error(
                self.request,
                ngettext(
                    "%(count)d document was not moved: %(reason)s",
                    "%(count)d documents were not moved: %(reason)s",
                    count,
                )
                % {"count": count, "reason": REFUSED_MOVE},
            )
        return super().prepare_action(objects, objects_without_access)

    def get_execution_context(self):
        return {**super().get_execution_context(), "refused_ids": self.refused_ids}

    @classmethod
    def execute_action(cls, objects, collection=None, refused_ids=(), **kwargs):
        movable = [obj for obj in objects if obj.pk not in refused_ids]
        return super().execute_action(movable, collection=collection, **kwargs)
