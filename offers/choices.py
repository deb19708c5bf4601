"""Codes of the offer and organisation vocabularies.

The codes are stable identifiers used in URLs, filters and the demo data;
the labels are translated interface strings.
"""

from django.utils.translation import gettext_lazy as _

from portal.fields_of_action import FIELDS_OF_ACTION

__all__ = [
    "FIELDS_OF_ACTION",
    "LANGUAGES",
    "OFFER_KINDS",
    "ORGANISATION_KINDS",
    "STAFF",
    "TARGET_GROUPS",
    "WEEKDAYS",
]

ORGANISATION_KINDS = [
    ("municipal", _("Municipal administration")),
    ("politics", _("Politics and council")),
    ("welfare", _("Welfare association")),
    ("migrant", _("Migrant organisation")),
    ("education", _("Education provider")),
    ("initiative", _("Initiative or association")),
    ("county", _("County service")),
]

STAFF = [
    ("paid", _("Paid staff")),
    ("volunteer", _("Volunteers")),
    ("both", _("Paid staff and volunteers")),
]

OFFER_KINDS = [
    ("language_course", _("Language course")),
    ("integration_course", _("Integration course")),
    ("counselling", _("Counselling")),
    ("meeting_place", _("Meeting place")),
    ("mentorship", _("Mentorship")),
    ("sport_leisure", _("Sport or leisure")),
    ("childcare", _("Childcare")),
    ("other", _("Other")),
]

TARGET_GROUPS = [
    ("everyone", _("Everyone")),
    ("adults", _("Adults")),
    ("women", _("Women")),
    ("families", _("Families")),
    ("children", _("Children")),
    ("youth", _("Young people")),
    ("refugees", _("Refugees")),
    ("seniors", _("Older people")),
]

# ISO 639-1 codes of the languages offers are held in. The seven portal
# languages come first, then languages often spoken by newcomers in Beckum.
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("ku", _("Kurdish")),
    ("ps", _("Pashto")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("ur", _("Urdu")),
]

WEEKDAYS = [
    ("mo", _("Monday")),
    ("tu", _("Tuesday")),
    ("we", _("Wednesday")),
    ("th", _("Thursday")),
    ("fr", _("Friday")),
    ("sa", _("Saturday")),
    ("su", _("Sunday")),
]
