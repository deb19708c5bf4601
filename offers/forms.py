"""The public filter form of the offer finder (GET, works without JavaScript)."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import FIELDS_OF_ACTION, LANGUAGES, OFFER_KINDS, TARGET_GROUPS, WEEKDAYS
from .districts import DISTRICTS
from .fields import has_code
from .hours import DAY_CODES, PERIODS

#: The day filter: a group of days or one weekday. "Monday to Friday" finds an offer that
#: takes place on at least one of those days (at the chosen part of the day).
DAY_CHOICES = [
    ("workdays", _("Monday to Friday")),
    ("weekend", _("Saturday or Sunday")),
    *WEEKDAYS,
]
DAY_GROUPS = {"workdays": DAY_CODES[:5], "weekend": DAY_CODES[5:]}


class ProviderSelect(forms.Select):
    """Options of providers shown in German (fallback) say so: ``lang="de"`` (issue 14, fault 2)."""

    option_langs = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        lang = self.option_langs.get(value)
        if lang:
            option["attrs"] = {**option["attrs"], "lang": lang, "dir": "ltr"}
        return option


def with_any(label, choices):
    return [("", label), *choices]


class OfferFilterForm(forms.Form):
    """Every field is optional; an invalid value is ignored rather than an error page."""

    field = forms.ChoiceField(
        label=_("Field of action"), required=False, choices=with_any(_("All fields"), FIELDS_OF_ACTION)
    )
    kind = forms.ChoiceField(
        label=_("Kind of offer"), required=False, choices=with_any(_("All kinds"), OFFER_KINDS)
    )
    target = forms.ChoiceField(
        label=_("For"), required=False, choices=with_any(_("All target groups"), TARGET_GROUPS)
    )
    language = forms.ChoiceField(
        label=_("Held in"), required=False, choices=with_any(_("Any language"), LANGUAGES)
    )
    organisation = forms.ChoiceField(
        label=_("Provider"), required=False, choices=[("", _("All providers"))], widget=ProviderSelect
    )
    district = forms.ChoiceField(
        label=_("District"), required=False, choices=with_any(_("All of Beckum"), DISTRICTS)
    )
    day = forms.ChoiceField(label=_("Day"), required=False, choices=with_any(_("Any day"), DAY_CHOICES))
    time = forms.ChoiceField(label=_("Time of day"), required=False, choices=with_any(_("Any time"), PERIODS))
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    childcare = forms.BooleanField(label=_("With childcare"), required=False)
    women = forms.BooleanField(label=_("Women only"), required=False)
    barrierfree = forms.BooleanField(label=_("Barrier-free access"), required=False)

    CHECKBOXES = {
        "free": "is_free",
        "childcare": "childcare",
        "women": "women_only",
        "barrierfree": "barrier_free",
    }
    GROUPS = [
        (_("What"), ["field", "kind", "target"]),
        (_("Language and provider"), ["language", "organisation"]),
        (_("Where and when"), ["district", "day", "time"]),
        (_("Conditions"), ["free", "childcare", "women", "barrierfree"]),
    ]

    def __init__(self, data=None, organisations=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.fields["organisation"].choices = [("", _("All providers"))] + [
            (org.slug, org.name) for org in organisations
        ]
        self.fields["organisation"].widget.option_langs = {
            org.slug: settings.LANGUAGE_CODE for org in organisations if getattr(org, "is_fallback", False)
        }

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    @property
    def values(self):
        """The valid, non-empty filters: {name: value}."""
        if not self.is_bound:
            return {}
        if self.is_valid():
            data = self.cleaned_data
        else:  # keep what is valid, drop the rest
            data = {name: self.cleaned_data[name] for name in self.cleaned_data if name not in self.errors}
        return {name: value for name, value in data.items() if value}

    @staticmethod
    def when(day, time):
        """Offers with a session on ``day`` (a weekday or a group) at ``time`` (a part of the day).

        One SQL condition on the slots derived on save (``Offer.time_slots``): an OR of
        ``LIKE`` tests, at most 7 × 3.
        """
        days = DAY_GROUPS.get(day, [day] if day else DAY_CODES)
        periods = [time] if time else [code for code, _label in PERIODS]
        condition = Q()
        for code in days:
            for period in periods:
                condition |= has_code("time_slots", f"{code}-{period}")
        return condition

    def apply(self, queryset, values=None):
        values = self.values if values is None else values
        if values.get("day") or values.get("time"):
            queryset = queryset.filter(self.when(values.get("day"), values.get("time")))
        for name, value in values.items():
            if name == "field":
                queryset = queryset.filter(has_code("fields_of_action", value))
            elif name == "target":  # an offer for everyone suits every group
                queryset = queryset.filter(
                    has_code("target_groups", value) | has_code("target_groups", "everyone")
                )
            elif name == "language":
                queryset = queryset.filter(has_code("languages", value))
            elif name == "kind":
                queryset = queryset.filter(kind=value)
            elif name == "organisation":
                queryset = queryset.filter(organisation__slug=value)
            elif name == "district":
                queryset = queryset.filter(district=value)
            elif name in self.CHECKBOXES:
                queryset = queryset.filter(**{self.CHECKBOXES[name]: True})
        return queryset

    def describe(self, name, value):
        """“Label: value” of one active filter, for the suggestions on an empty result."""
        field = self.fields[name]
        if isinstance(field, forms.BooleanField):
            return str(field.label)
        return f"{field.label}: {dict(field.choices).get(value, value)}"

    @staticmethod
    def query_string(values, **extra):
        params = {name: ("1" if value is True else value) for name, value in values.items()}
        params.update({k: v for k, v in extra.items() if v})
        return urlencode(params)
