"""The answer as the reader sends it: yes/no from the button pressed, an optional comment, a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    # The two submit buttons ("Yes", "No") carry the answer: one click, no JavaScript.
    helpful = forms.ChoiceField(
        choices=[("yes", pgettext_lazy("feedback", "Yes")), ("no", pgettext_lazy("feedback", "No"))],
        error_messages={
            "required": _("Please choose “Yes” or “No”."),
            "invalid_choice": _("Please choose “Yes” or “No”."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_(
            "Please do not write your name, phone number or e-mail address here. We do not answer comments."
        ),
    )
    # Honeypot: hidden from people (``hidden`` attribute), filled in by form-filling robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_comment(self):
        comment = self.cleaned_data["comment"].replace("\r\n", "\n")
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Your comment is too long: at most %(max)d characters, it has %(length)d."),
                params={"max": COMMENT_MAX_LENGTH, "length": len(comment)},
            )
        return comment

    def is_spam(self):
        return bool(self.data.get("website", "").strip())

    @property
    def answer(self):
        return self.cleaned_data["helpful"] == "yes"
