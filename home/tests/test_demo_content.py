"""The demo content loads from the report, idempotently, in the required languages."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.demo_content.check_shapes import check_all
from home.models import GuideIndexPage, GuidePage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_content_files_are_valid():
    assert check_all() == []


def real_translations(model, code):
    return model.objects.live().filter(locale__language_code=code, alias_of__isnull=True)


def test_twelve_guide_pages_in_german_english_and_arabic():
    german = set(real_translations(GuidePage, "de").values_list("translation_key", flat=True))
    assert len(german) >= 12
    for code in ("en", "ar"):
        translated = set(real_translations(GuidePage, code).values_list("translation_key", flat=True))
        assert translated == german, code


def test_translations_are_not_copies_of_the_german_text():
    for de_page in real_translations(GuidePage, "de"):
        for code in ("en", "ar"):
            other = GuidePage.objects.get(translation_key=de_page.translation_key, locale__language_code=code)
            assert other.title != de_page.title
            assert str(other.body) != str(de_page.body)


@pytest.mark.parametrize("code", ["uk", "fa", "ru", "tr"])
def test_home_and_three_guide_pages_in_the_other_languages(code):
    assert real_translations(HomePage, code).count() == 1
    assert real_translations(GuidePage, code).count() >= 3
    assert real_translations(GuideIndexPage, code).count() == 7


def test_seven_fields_of_action_and_standard_pages():
    assert sorted(
        GuideIndexPage.objects.filter(locale__language_code="de").values_list("slug", flat=True)
    ) == [
        "arbeit-und-ausbildung",
        "bildung",
        "gesundheit",
        "kontakt-mit-behoerden",
        "leben-und-freizeit",
        "sprache",
        "wohnen",
    ]
    slugs = set(StandardPage.objects.filter(locale__language_code="de").values_list("slug", flat=True))
    assert {"impressum", "datenschutz", "barrierefreiheit"} <= slugs


def test_untranslated_pages_exist_as_aliases_in_every_locale():
    """Synced trees: each German page has a page (translation or alias) in each locale."""
    german = Page.objects.filter(locale__language_code="de", depth__gte=2).count()
    for code in ("en", "ar", "fa", "uk", "ru", "tr"):
        assert Page.objects.filter(locale__language_code=code, depth__gte=2).count() == german, code


def test_loading_twice_keeps_the_data():
    page = GuidePage.objects.filter(locale__language_code="de").first()
    page.title = "Von Hand geändert"
    page.save_revision().publish()
    before = Page.objects.count()
    call_command("load_demo_content", stdout=io.StringIO())
    assert Page.objects.count() == before
    page.refresh_from_db()
    assert page.title == "Von Hand geändert"


def test_every_demo_translation_is_complete_in_wagtail_localize():
    """Each string of each translated demo page has a translation: none falls back to German."""
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(source__specific_content_type__app_label="home")
    assert translations.count() >= 90
    for translation in translations.select_related("source", "target_locale"):
        total, done = translation.get_progress()
        assert total == done, f"{translation.source.object_id} {translation.target_locale}: {done}/{total}"


def test_steps_and_faq_items_are_translated():
    page = GuidePage.objects.get(locale__language_code="ar", slug="kursabbruch")
    german = GuidePage.objects.get(locale__language_code="de", slug="kursabbruch")
    for block, de_block in zip(page.body, german.body, strict=True):
        if block.block_type == "steps":
            for step, de_step in zip(block.value["steps"], de_block.value["steps"], strict=True):
                assert step["title"] != de_step["title"]
        if block.block_type == "faq":
            for item, de_item in zip(block.value["items"], de_block.value["items"], strict=True):
                assert item["question"] != de_item["question"]
