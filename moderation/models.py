"""The moderation task: approval by the integration management, with a required comment on rejection."""

from django.core.exceptions import PermissionDenied
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


from portal.models import PendingTranslation  # noqa: E402, F401  (lives in the kernel: offers and pages read it)
