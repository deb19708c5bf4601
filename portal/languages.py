"""The one table of the portal's languages: everything a language needs, in one row.

Read by the settings (``LANGUAGES``, ``WAGTAIL_CONTENT_LANGUAGES``,
``LANGUAGE_NAMES``), the search (``search/text.py`` stemming,
``search/indexing.py`` PostgreSQL text search, ``search/elastic.py`` indexes and
analyzers) and ``make makemessages``. The first row is the source language
(``LANGUAGE_CODE``). Imported by the settings: no Django models here.
Adding a language: README.md, "Adding a language".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    #: The language's own name, shown in the language switcher.
    native_name: str
    #: Its name in the interface language (admin, messages).
    name: str
    #: Snowball stemmer of ``search/text.py`` ("" = no stemming).
    snowball: str = ""
    #: PostgreSQL text-search configuration ("simple" = no stemming).
    postgres: str = "simple"
    #: Elasticsearch analyzer (built-in, or defined in ``search/elastic.py``'s ``ANALYSIS``).
    elastic: str = "standard"


PORTAL_LANGUAGES = [
    Language("de", "Deutsch", _("German"), "german", "german", "german"),
    Language("en", "English", _("English"), "english", "english", "english"),
    Language("ar", "العربية", _("Arabic"), "arabic", "arabic", "portal_arabic"),
    Language("fa", "فارسی", _("Persian"), "persian", "simple", "persian"),
    Language("uk", "Українська", _("Ukrainian"), "", "simple", "portal_ukrainian"),
    Language("ru", "Русский", _("Russian"), "russian", "russian", "russian"),
    Language("tr", "Türkçe", _("Turkish"), "turkish", "turkish", "portal_turkish"),
]

SOURCE_LANGUAGE = PORTAL_LANGUAGES[0].code
CODES = [language.code for language in PORTAL_LANGUAGES]
CHOICES = [(language.code, language.native_name) for language in PORTAL_LANGUAGES]
NAMES = {language.code: language.name for language in PORTAL_LANGUAGES}
SNOWBALL = {language.code: language.snowball for language in PORTAL_LANGUAGES if language.snowball}
PG_CONFIGS = {
    language.code: language.postgres for language in PORTAL_LANGUAGES if language.postgres != "simple"
}
ELASTIC_ANALYZERS = {language.code: language.elastic for language in PORTAL_LANGUAGES}
