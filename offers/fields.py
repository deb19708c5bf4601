"""A model field holding several choice codes, portable across SQLite and PostgreSQL.

The codes are stored as ``",sprache,bildung,"``: delimited on both ends, so
that ``has_code("fields_of_action", "sprache")`` is a plain ``LIKE`` filter
that never matches a code that is only a part of another one. Python code
sees a list of codes; the admin form shows one checkbox per choice.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SEPARATOR = ","


def has_code(field_name, code):
    """A filter for rows whose ``field_name`` list contains ``code``."""
    return Q(**{f"{field_name}__contains": f"{SEPARATOR}{code}{SEPARATOR}"})


class ChoiceListField(models.CharField):
    """A list of codes from ``choices``, e.g. fields of action or weekdays."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [str(code) for code in value if code]
        return [code for code in str(value).split(SEPARATOR) if code]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        codes = self.to_python(value)
        return f"{SEPARATOR}{SEPARATOR.join(codes)}{SEPARATOR}" if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not self.editable:
            return
        allowed = {str(code) for code, _label in self.flatchoices}
        unknown = [code for code in value if code not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(codes)s."), code="invalid_choice", params={"codes": ", ".join(unknown)}
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        defaults.pop("coerce", None)
        defaults.pop("empty_value", None)
        defaults.pop("max_length", None)
        return form_class(**defaults)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs
