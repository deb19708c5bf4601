"""Forms for the moderator's workflow actions."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RequestChangesForm(forms.Form):
    """'Request changes' needs a comment: the submitter must learn what to change."""

    comment = forms.CharField(
        label=_("What needs to change?"),
        help_text=_("The submitter receives this comment by e-mail and sees it in the admin."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _(
                "Please write a comment that says what needs to change. Nothing has been rejected yet."
            )
        },
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"], code="required")
        return comment
