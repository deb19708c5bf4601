"""The readability analysis of German text (issue 15, item 3): numbers, sentences, marks.

Protects the scores an editor sees in the page editor: the Wiener Sachtextformel and the
Flesch-Amstad value of known sentences (recomputed here from their counts), the sentence
splitting of German text (abbreviations and ordinals do not end a sentence), and which
sentences and words are marked as too long.
"""

import pytest

from home.readability import (
    MAX_SENTENCE_WORDS,
    MAX_WORD_LETTERS,
    analyse_page,
    analyse_text,
    grade_for,
    mark_words,
    page_units,
    split_sentences,
)

EASY = "Der Kurs ist kostenlos. Sie lernen Deutsch. Die Kinder werden betreut."
HARD = (
    "Die Integrationskursverordnung regelt die Teilnahmeberechtigung von Zuwanderinnen und "
    "Zuwanderern, die sich dauerhaft im Bundesgebiet aufhalten, sowie die Verpflichtung zur "
    "Teilnahme bei besonderer Integrationsbedürftigkeit und vieles mehr."
)


def test_scores_of_three_easy_sentences_follow_the_german_formulas():
    result = analyse_text(EASY)
    # 11 words in 3 sentences; 17 syllables (kos-ten-los, ler-nen, Kin-der, wer-den, be-treut);
    # 1 word of 3+ syllables, 3 words of more than 6 letters, 6 words of one syllable.
    assert [s.words for s in result.sentences] == [4, 3, 4]
    assert result.words == 11
    ms, sl, iw, es = 100 * 1 / 11, 11 / 3, 100 * 3 / 11, 100 * 6 / 11
    wstf = 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    flesch = 180 - sl - 58.5 * 17 / 11
    assert result.wiener_sachtextformel == round(wstf, 1) == 3.3
    assert result.flesch_amstad == round(flesch, 1) == 85.9
    assert result.words_per_sentence == 3.7
    assert result.grade.level == "easy"
    assert not result.long_sentences and not result.long_words


def test_an_official_sentence_is_hard_and_marked():
    result = analyse_text(HARD)
    assert len(result.sentences) == 1
    sentence = result.sentences[0]
    assert sentence.words == 26 > MAX_SENTENCE_WORDS
    assert result.long_sentences == [sentence]
    assert result.long_words == [
        "Integrationskursverordnung",
        "Teilnahmeberechtigung",
        "Integrationsbedürftigkeit",
    ]
    assert all(len(w) > MAX_WORD_LETTERS for w in result.long_words)
    assert "Zuwanderinnen" not in result.long_words  # 13 letters: not marked
    assert result.wiener_sachtextformel > 12 > analyse_text(EASY).wiener_sachtextformel
    assert result.flesch_amstad < 30
    assert result.grade.level == "hard"
    html = result.marked()[0]["html"]
    assert html.count("<mark>") == 3
    assert "<mark>Teilnahmeberechtigung</mark>" in html


def test_hard_and_easy_text_together_average_their_sentences():
    both = analyse_text(EASY + "\n\n" + HARD)
    assert both.words == 37 and len(both.counted_sentences) == 4
    assert (
        analyse_text(EASY).wiener_sachtextformel
        < both.wiener_sachtextformel
        < analyse_text(HARD).wiener_sachtextformel
    )


def test_abbreviations_and_ordinals_do_not_end_a_sentence():
    text = "Sie lernen z. B. am 1. Oktober Deutsch. Die VHS hilft, bzw. das Netzwerk. Fertig!"
    assert split_sentences(text) == [
        "Sie lernen z. B. am 1. Oktober Deutsch.",
        "Die VHS hilft, bzw. das Netzwerk.",
        "Fertig!",
    ]
    result = analyse_text(text)
    assert len(result.counted_sentences) == 2  # "Fertig!" (one word) counts as a heading
    assert result.words == 8 + 6  # textstat counts "z. B." as two words, "1." as one


def test_hyphenated_compounds_are_not_long_words_but_each_part_is_checked():
    result = analyse_text(
        "Der Integrations-Kurs ist gut. Die Integrationskursverordnung ist lang und schwer."
    )
    assert result.long_words == ["Integrationskursverordnung"]
    assert analyse_text("Die Teilnahmeberechtigungs-Regeln sind lang.").long_words == [
        "Teilnahmeberechtigungs"
    ]


def test_headings_count_for_long_words_not_as_sentences():
    result = analyse_text("Aufenthaltsgenehmigung\n\nSie brauchen eine Erlaubnis.")
    assert [s.text for s in result.counted_sentences] == ["Sie brauchen eine Erlaubnis."]
    assert result.long_words == ["Aufenthaltsgenehmigung"]


def test_empty_text_has_no_scores():
    for text in ("", "Kosten", "   \n\n  "):
        result = analyse_text(text)
        assert result.is_empty and result.wiener_sachtextformel is None and result.grade is None


def test_marks_escape_the_text():
    assert mark_words("<b>Integrationskursverordnung</b>", ["Integrationskursverordnung"]) == (
        "&lt;b&gt;<mark>Integrationskursverordnung</mark>&lt;/b&gt;"
    )


@pytest.mark.parametrize(("score", "level"), [(3.0, "easy"), (7.5, "medium"), (10.0, "hard"), (14.0, "hard")])
def test_grades(score, level):
    assert grade_for(score).level == level


@pytest.mark.django_db
def test_page_text_is_prose_without_contact_details():
    from home.models import GuidePage

    page = GuidePage.objects.get(locale__language_code="de", slug="kontakt-mit-behoerden")
    units = page_units(page)
    text = "\n".join(units)
    assert units[0] == page.title and page.intro in units
    assert "Öffnen Sie jeden Brief von einer Behörde." in text  # a callout's rich text
    contacts = [b.value for b in page.body if b.block_type == "contact"]
    assert contacts, "the demo page has a contact point"
    assert all(
        c["email"] not in text and c["phone"] not in text for c in contacts if c["email"] or c["phone"]
    )
    assert "<p>" not in text
    analysis = analyse_page(page)
    assert analysis["page"].words > 200
    assert analysis["summary"].wiener_sachtextformel < analysis["page"].wiener_sachtextformel
