"""The moderation task: approval by the integration management, with a required comment on rejection."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask

from .forms import RequestChangesForm

REQUEST_CHANGES = "reject"


def comment_is_missing(action_name, comment):
    return action_name == REQUEST_CHANGES and not (comment or "").strip()


class ManagerApprovalTask(AbstractGroupApprovalTask):
    """A group approval task whose 'Request changes' action requires a comment.

    Wagtail's own group approval task accepts an empty comment; here the
    submitter must always learn what to change. The modal form enforces it
    (``get_form_for_action``); ``on_action`` refuses as a last line of defence
    for hand-made requests (the admin hooks turn that into a clear message).
    """

    class Meta:
        verbose_name = _("approval by the integration management")
        verbose_name_plural = _("approvals by the integration management")

    def __str__(self):
        return self.name

    def get_form_for_action(self, action):
        if action == REQUEST_CHANGES:
            return RequestChangesForm
        return TaskStateCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        if comment_is_missing(action_name, kwargs.get("comment")):
            raise PermissionDenied(RequestChangesForm.base_fields["comment"].error_messages["required"])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, or request changes with a comment.")


class PendingTranslation(models.Model):
    """A translation that was started but not approved yet: its live version still shows the German text.

    wagtail-localize's "Translate" publishes the new target at once with every
    untranslated string in German (an alias page becomes a page of its own).
    Until the integration management approves a translation of it, readers get
    the German text *as German*: the fallback notice and ``lang="de"``
    (``moderation.pending``). Keyed like translations themselves: the
    translation key of the object and the target locale.
    """

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation waiting for its first approval")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "locale"], name="unique_pending_translation")
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"
