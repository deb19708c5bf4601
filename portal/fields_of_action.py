"""The seven fields of action (Handlungsfelder) the guide and the offers are sorted by.

The codes are stable identifiers (used in URLs, filters and demo data); the
labels are translated interface strings.
"""

from django.utils.translation import gettext_lazy as _

FIELDS_OF_ACTION = [
    ("sprache", _("Language")),
    ("wohnen", _("Housing")),
    ("leben-und-freizeit", _("Life and leisure")),
    ("arbeit-und-ausbildung", _("Work and training")),
    ("bildung", _("Education")),
    ("gesundheit", _("Health")),
    ("kontakt-mit-behoerden", _("Contact with authorities")),
]
FIELD_CODES = [code for code, _label in FIELDS_OF_ACTION]
