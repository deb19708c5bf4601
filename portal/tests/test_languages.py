"""One language table (portal/languages.py) is what the settings, the search and the catalogues read.

Protects issue 17: a new language is one row; nothing else keeps its own list of languages.
"""

from pathlib import Path

from django.conf import settings

from portal import languages
from search import elastic, indexing, text


def test_settings_read_the_table():
    assert settings.LANGUAGES == languages.CHOICES
    assert settings.WAGTAIL_CONTENT_LANGUAGES == languages.CHOICES
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == languages.CHOICES
    assert settings.LANGUAGE_CODE == languages.SOURCE_LANGUAGE == "de"
    assert set(settings.LANGUAGE_NAMES) == set(languages.CODES)


def test_the_search_reads_the_table():
    assert text.SNOWBALL is languages.SNOWBALL
    assert indexing.PG_CONFIGS is languages.PG_CONFIGS
    assert tuple(languages.CODES) == elastic.LANGUAGES
    assert elastic.LANGUAGE_ANALYZERS is languages.ELASTIC_ANALYZERS
    # Positive controls: the rows carry what the search needs.
    assert text.SNOWBALL["de"] == "german" and "uk" not in text.SNOWBALL
    assert indexing.PG_CONFIGS["ru"] == "russian" and "uk" not in indexing.PG_CONFIGS
    assert set(elastic.LANGUAGE_ANALYZERS) == set(languages.CODES)


def test_every_language_has_a_catalogue():
    root = Path(settings.BASE_DIR) / "locales"
    for code in languages.CODES:
        assert (root / code / "LC_MESSAGES" / "django.po").is_file(), code
