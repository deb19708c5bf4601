from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import match_token


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}
        ),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        self.device = match_token(self.user, code)
        if self.device is None:
            raise forms.ValidationError(_("This code is not valid. Please try again."), code="invalid")
        return code


class SetupForm(forms.Form):
    """Confirms that the new authenticator app shows the right codes."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        help_text=_("Enter the six-digit code your authenticator app shows for this account."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(_("This code is not valid. Please try again."), code="invalid")
        return code
