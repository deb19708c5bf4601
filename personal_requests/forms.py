"""Public request forms. Each has a honeypot field that people never see."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from personal_requests.models.requests import MediatorRequest, MentorshipRequest

HONEYPOT = "website"


class RequestForm(forms.ModelForm):
    # Hidden from people by CSS (and from screen readers); bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(
                _("Please give a phone number or an e-mail address so that we can answer you.")
            )
        return cleaned

    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


class MediatorRequestForm(RequestForm):
    no_legal_consequences = forms.BooleanField(
        label=_("The appointment has no legal consequences."),
        help_text=_(
            "Language mediators from the pool cannot accompany appointments with legal consequences, for "
            "example in court, with the police, with a notary, when signing contracts or at asylum hearings."
        ),
        required=True,
        error_messages={"required": _("Please confirm that the appointment has no legal consequences.")},
    )

    class Meta:
        model = MediatorRequest
        fields = [
            "language",
            "date",
            "time",
            "place",
            "appointment_kind",
            "no_legal_consequences",
            "name",
            "phone",
            "email",
            "message",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "place": _("Where the appointment takes place, for example a doctor's practice in Beckum."),
            "message": _("Anything else we should know. Please do not write health details."),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError(_("The date is in the past."))
        return date


class MentorshipRequestForm(RequestForm):
    class Meta:
        model = MentorshipRequest
        fields = ["role", "languages", "interests", "name", "phone", "email", "message"]
        widgets = {"role": forms.RadioSelect}
