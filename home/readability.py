"""Readability of the German text of guide pages (issue 15, item 3: easy-read support).

The scores come from textstat's German formulas (``textstat.backend.metrics``, called with
``lang="de"`` on every call: no global language setting shared between requests):

- **Wiener Sachtextformel** (first variant, Bamberger & Vanecek 1984): roughly the school
  year from which a text is readable, 4 (very easy) to 15 (very hard);
- **Flesch-Amstad** (Flesch reading ease adapted to German by Toni Amstad, 1978):
  0 (very hard) to 100 (very easy); it can fall below 0 for very hard text.

Sentences are split here, not by textstat: its splitter breaks at every full stop, so
"z. B." or "1. Oktober" would make three sentences of one. Each sentence is handed to
textstat without inner full stops, so textstat counts exactly our sentences. Pieces of
fewer than three words (headings such as "Kosten") do not count as sentences (textstat's
own rule); their words are still checked for length.

Long words are counted per part of a hyphenated compound: "Integrations-Kurs" is the way
easy German splits long nouns, so it is not marked, "Integrationskursverordnung" is.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from textstat.backend import counts, metrics

LANG = "de_DE"
#: A sentence longer than this many words is marked (easy-read guides ask for 15 at most).
MAX_SENTENCE_WORDS = 20
#: A word (or part of a hyphenated word) longer than this many letters is marked.
MAX_WORD_LETTERS = 15
#: Fewer words than this: a heading or a label, not a sentence (textstat's rule).
MIN_SENTENCE_WORDS = 3
#: Text longer than this is cut before analysis (the endpoint takes what an editor posts).
MAX_TEXT_LENGTH = 50_000

# Abbreviations whose full stop does not end a sentence (lower case, without the stop).
ABBREVIATIONS = {
    "abs",
    "bzw",
    "ca",
    "d",
    "dr",
    "etc",
    "evtl",
    "fr",
    "ggf",
    "hr",
    "inkl",
    "nr",
    "s",
    "str",
    "tel",
    "u",
    "usw",
    "v",
    "vgl",
    "z",
    "zb",
    "zzgl",
    "bzgl",
    "min",
    "std",
    "mo",
    "di",
    "mi",
    "do",
    "sa",
    "so",
}
# A candidate sentence end: . ! ? (with closing quotes or brackets) followed by white space.
BOUNDARY_RE = re.compile(r"(?<=[.!?])[\"'»«“”)\]]*\s+")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
BLOCK_TAG_RE = re.compile(r"</?(?:p|li|h[1-6]|ul|ol|br|div|blockquote)\b[^>]*>", re.IGNORECASE)
TAG_RE = re.compile(r"<[^>]+>")
INNER_STOP_RE = re.compile(r"[.!?]+")


@dataclass
class Sentence:
    text: str
    words: int
    long_words: list = field(default_factory=list)

    @property
    def is_long(self):
        return self.words > MAX_SENTENCE_WORDS

    @property
    def counts(self):
        return self.words >= MIN_SENTENCE_WORDS


@dataclass
class Grade:
    """A score's band: a short name and what it means for the reader, in plain words."""

    level: str  # "easy", "medium", "hard": the colour of the badge
    name: str
    advice: str


@dataclass
class Analysis:
    sentences: list
    wiener_sachtextformel: float | None
    flesch_amstad: float | None
    words: int
    long_words: list  # unique, in order of appearance

    @property
    def counted_sentences(self):
        return [s for s in self.sentences if s.counts]

    @property
    def long_sentences(self):
        return [s for s in self.sentences if s.is_long]

    @property
    def words_per_sentence(self):
        counted = self.counted_sentences
        if not counted:
            return None
        return round(sum(s.words for s in counted) / len(counted), 1)

    @property
    def is_empty(self):
        return not self.counted_sentences

    @property
    def grade(self):
        return grade_for(self.wiener_sachtextformel)

    def marked(self):
        """The sentences with their long words wrapped in ``<mark>`` (escaped HTML), long ones flagged."""
        return [{"html": mark_words(s.text, s.long_words), "sentence": s} for s in self.sentences]


def grade_for(wstf):
    """Plain-words band of a Wiener Sachtextformel score (None without text)."""
    if wstf is None:
        return None
    if wstf < 6:
        return Grade("easy", _("Easy to read"), _("Short sentences and common words. Good for easy German."))
    if wstf < 9:
        return Grade(
            "medium",
            _("Fairly easy"),
            _("Most newcomers with some German can follow. Shorten the longest sentences."),
        )
    if wstf < 12:
        return Grade(
            "hard",
            _("Hard to read"),
            _("Needs good German. Split long sentences and long compound words."),
        )
    return Grade(
        "hard",
        _("Very hard to read"),
        _("Like an official letter. Write one statement per sentence and explain technical terms."),
    )


def mark_words(text, words):
    """``text`` escaped, every occurrence of the given words wrapped in ``<mark>``."""
    if not words:
        return html.escape(text)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def long_words_of(text):
    """Words (or parts of hyphenated words) with more than MAX_WORD_LETTERS letters."""
    found = []
    for word in WORD_RE.findall(text):
        for part in word.split("-"):
            if len(part) > MAX_WORD_LETTERS and part not in found:
                found.append(part)
    return found


def html_to_units(value):
    """Paragraphs and list items of rich text as plain text units."""
    text = BLOCK_TAG_RE.sub("\n\n", str(value))
    text = html.unescape(TAG_RE.sub("", text))
    return [unit for unit in (u.strip() for u in text.split("\n\n")) if unit]


def split_sentences(unit):
    """Sentences of one text unit (a paragraph, a list item, a heading)."""
    unit = " ".join(unit.split())
    if not unit:
        return []
    pieces = BOUNDARY_RE.split(unit)
    sentences = []
    for piece in pieces:
        if sentences and _continues(sentences[-1], piece):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if s.strip()]


def _continues(previous, piece):
    """True when the full stop at the end of ``previous`` does not end a sentence."""
    if not previous.endswith("."):
        return False
    if piece[:1].islower():  # German sentences start with a capital letter (or a digit)
        return True
    last = previous[:-1].rsplit(None, 1)[-1] if previous[:-1].split() else ""
    last = last.rsplit(".", 1)[-1].lower()
    if last.isdigit():  # an ordinal: "am 1. Oktober"
        return True
    return last in ABBREVIATIONS or len(last) == 1


def analyse_units(units):
    """The analysis of text units (paragraphs, list items, headings, plain fields)."""
    sentences = []
    budget = MAX_TEXT_LENGTH
    for unit in units:
        unit = str(unit or "")[:budget]
        budget -= len(unit)
        for text in split_sentences(unit):
            sentences.append(
                Sentence(text=text, words=counts.count_words(text), long_words=long_words_of(text))
            )
        if budget <= 0:
            break
    counted = [s for s in sentences if s.counts]
    long_words = []
    for sentence in sentences:
        long_words.extend(w for w in sentence.long_words if w not in long_words)
    if not counted:
        return Analysis(sentences, None, None, 0, long_words)
    # One sentence per full stop, as textstat counts them.
    score_text = " ".join(INNER_STOP_RE.sub("", s.text).strip() + "." for s in counted)
    return Analysis(
        sentences=sentences,
        wiener_sachtextformel=round(metrics.wiener_sachtextformel(score_text, 1, LANG), 1),
        flesch_amstad=round(metrics.flesch_reading_ease(score_text, LANG), 1),
        words=sum(s.words for s in counted),
        long_words=long_words,
    )


def analyse_text(text):
    """Analysis of plain text: paragraphs separated by blank lines."""
    return analyse_units(re.split(r"\n\s*\n", str(text or "")[:MAX_TEXT_LENGTH]))


# --- The text of a page -------------------------------------------------------------
# Blocks whose text is names, addresses, labels or settings, not prose.
SKIPPED_BLOCKS = {"contact", "links", "downloads", "offers"}


def _stream_units(value):
    """Text units of a StreamField value, StructBlock or ListBlock value, recursively."""
    from wagtail.blocks import StreamValue, StructValue
    from wagtail.blocks.list_block import ListValue
    from wagtail.rich_text import RichText

    if isinstance(value, StreamValue):
        for child in value:
            if child.block_type not in SKIPPED_BLOCKS:
                yield from _stream_units(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from _stream_units(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from _stream_units(item)
    elif isinstance(value, RichText):
        yield from html_to_units(value.source)
    elif isinstance(value, str):
        # Codes of choice blocks ("info") are single words: they never count as a sentence.
        yield value


def page_units(page):
    """The German text of a guide or standard page in reading order (not the easy-read summary)."""
    units = [page.title, getattr(page, "intro", "")]
    body = getattr(page, "body", None)
    if body is not None:
        units.extend(_stream_units(body))
    return [u for u in units if u and str(u).strip()]


def analyse_page(page):
    """{"page": Analysis of the page text, "summary": Analysis of its easy-read summary or None}."""
    summary = getattr(page, "easy_read", "")
    return {"page": analyse_units(page_units(page)), "summary": analyse_text(summary) if summary else None}
