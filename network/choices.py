"""Vocabularies of the network app: languages, levels, appointment kinds, statuses."""

from django.utils.translation import gettext_lazy as _

from offers.choices import LANGUAGES as OFFER_LANGUAGES

# Languages asked for and offered in the language-mediator pool and for
# mentorships: the offer finder's list (one vocabulary, one translation),
# German last since help is asked for in the other languages.
LANGUAGES = [lang for lang in OFFER_LANGUAGES if lang[0] != "de"] + [
    lang for lang in OFFER_LANGUAGES if lang[0] == "de"
]

LEVELS = [
    ("native", _("Native language")),
    ("fluent", _("Fluent")),
    ("good", _("Good")),
    ("basic", _("Basic")),
]

# The county pool serves no appointments with legal consequences (report 3.3.3),
# and neither does this one: no court, police, notary, contract or asylum hearing.
APPOINTMENT_KINDS = [
    ("doctor", _("Doctor or hospital")),
    ("school", _("School or day-care centre")),
    ("authority", _("Office visit without legal consequences")),
    ("landlord", _("Landlord or housing")),
    ("counselling", _("Counselling")),
    ("other", _("Other everyday appointment")),
]

MENTORSHIP_ROLES = [
    ("seek", _("I am looking for a mentor")),
    ("offer", _("I would like to become a mentor")),
]

REQUEST_STATUSES = [
    ("new", _("New")),
    ("in_progress", _("In progress")),
    ("brokered", _("Brokered")),
    ("closed", _("Closed")),
]

RECURRENCES = [
    ("", _("Does not repeat")),
    ("weekly", _("Weekly")),
    ("monthly", _("Monthly")),
]

REQUEST_FORM_KINDS = [
    ("mediator", _("Request a language mediator")),
    ("mentorship", _("Mentorships: find or become a mentor")),
]
