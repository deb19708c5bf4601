"""Language-aware text analysis: one function for indexed text and for queries.

Wagtail's database backend analyses every language the same way (wagtail#1177),
so "Sprachkurse" would not find "Sprachkurs" and an Arabic word written with
a hamza would not find the same word without one. This module is the single
place where text is turned into search tokens; the index (``SearchEntry``) and
every query go through it, so both sides always agree.

Per language:

- ``de``, ``en``, ``ru``, ``tr``, ``ar``, ``fa``: Snowball stemmers
  (``snowballstemmer``, the same algorithms as PostgreSQL's and Lucene's).
- ``uk``: Snowball has no Ukrainian stemmer; ``ukrainian_stem`` strips the
  common inflection endings (a light stemmer in the style of Lucene's
  "light" stemmers). Combined with prefix matching of query tokens this lets
  "курси", "курсів" and "курсах" find each other.
- Arabic script (in every language, since names and quotes mix scripts):
  tashkeel and tatweel removed, the alef forms إ أ آ ٱ folded to ا,
  ى to ي and ة to ه (the same rules as Lucene's ``arabic_normalization``);
  Persian additionally folds ي→ی and ك→ک.
- Turkish: dotted and dotless i are lower-cased the Turkish way (İ→i, I→ı),
  stemmed, then folded together (ı→i), so "Istanbul", "İstanbul" and "istanbul"
  match whatever keyboard the reader has.

Only a fixed character-class pattern is used on user input; no pattern is ever
built from it (see GHSA-jmp3-39vp-fwg8).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from .synonyms import canonical_stems

#: Longest query accepted, in characters; longer input is cut.
MAX_QUERY_LENGTH = 100
#: At most this many tokens of a query are used.
MAX_QUERY_TOKENS = 8

SNOWBALL = {
    "de": "german",
    "en": "english",
    "ru": "russian",
    "tr": "turkish",
    "ar": "arabic",
    "fa": "persian",
}

# Arabic diacritics (tashkeel, U+064B–U+065F), superscript alef, Quranic marks,
# tatweel; combining dot above (left by lower-casing "İ" outside Turkish).
_STRIP = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640, 0x0307, 0x00AD, 0x200D], None
)
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_PERSIAN_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"})
# Apostrophes inside Ukrainian and Russian words ("здоров’я") are part of the word.
_APOSTROPHES = str.maketrans(dict.fromkeys("’'ʼ`", None))
# Letters and digits; a fixed pattern with linear matching.
_TOKEN = re.compile(r"[^\W_]+")


def _word_set(text):
    return frozenset(text.split())


STOPWORDS = {
    "de": _word_set(
        "und oder der die das den dem des ein eine einer eines einem in im mit für von vom zu zum zur "
        "auf an am bei ist sind was wie wo wer ich sie es wir mein meine"
    ),
    "en": _word_set("the a an and or of to in on for with at by is are what how where who my i"),
    "ru": _word_set("и в во на с со к по из у о об что как для мне"),
    "uk": _word_set("і й та в у на з із до по що як для мені"),
    "tr": _word_set("ve ile bir bu için de da ne nasıl nerede"),
    "ar": _word_set("في من علي الي عن و مع ما كيف اين"),
    "fa": _word_set("و در به از با که را چه"),
}

UKRAINIAN_SUFFIXES = sorted(
    {
        "ування",
        "ювання",
        "уванням",
        "юванням",
        "уванні",
        "анням",
        "енням",
        "анні",
        "енні",
        "ання",
        "ення",
        "ими",
        "іми",
        "ого",
        "ому",
        "ами",
        "ями",
        "ові",
        "еві",
        "ити",
        "ати",
        "іти",
        "ють",
        "ують",
        "ать",
        "ять",
        "ться",
        "ий",
        "ій",
        "ої",
        "ою",
        "ею",
        "их",
        "іх",
        "им",
        "ім",
        "ом",
        "ем",
        "ям",
        "ах",
        "ях",
        "ів",
        "їв",
        "ей",
        "а",
        "я",
        "е",
        "є",
        "і",
        "ї",
        "у",
        "ю",
        "о",
        "и",
        "ь",
        "й",
    },
    key=len,
    reverse=True,
)


def ukrainian_stem(word):
    """Strip the longest known inflection ending, keeping a stem of at least three letters."""
    for suffix in UKRAINIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=16)
def _stemmer(language):
    name = SNOWBALL.get(language)
    return snowballstemmer.stemmer(name) if name else None


def language_of(code):
    """The analysis language for a locale code ("de-at" → "de"); unknown → no stemming."""
    return (code or "").split("-")[0].lower()


def fold(text, language):
    """Unicode, case and script normalisation before tokenising."""
    text = unicodedata.normalize("NFKC", text)
    if language == "tr":
        text = text.replace("İ", "i").replace("I", "ı")
    text = text.lower().translate(_STRIP)
    text = text.translate(_ARABIC_FOLD)
    if language == "fa":
        text = text.translate(_PERSIAN_FOLD)
    if language in ("uk", "ru"):
        text = text.translate(_APOSTROPHES).replace("ё", "е")
    return text


def _stem(word, language):
    if language == "uk":
        stem = ukrainian_stem(word)
    else:
        stemmer = _stemmer(language)
        stem = stemmer.stemWord(word) if stemmer else word
    if language == "tr":
        stem = stem.replace("ı", "i")
    return stem


@lru_cache(maxsize=50_000)
def stem_token(word, language):
    """The index form of one already folded token (cached: texts repeat words a lot)."""
    return _stem(word, language)


def words(text, language):
    """Folded tokens of ``text`` (not stemmed)."""
    return _TOKEN.findall(fold(text or "", language))


def analyse(text, language):
    """The stemmed tokens of ``text`` in ``language`` (glossary synonyms as one stem: synonyms.py)."""
    synonyms = canonical_stems(language)
    return [
        synonyms.get(stem, stem) for stem in (stem_token(word, language) for word in words(text, language))
    ]


def index_form(text, language):
    """Space-delimited tokens with a leading and trailing space.

    The padding makes "token starts with" a plain substring test (`` stem``),
    which every database answers with LIKE.
    """
    tokens = analyse(text, language)
    return f" {' '.join(tokens)} " if tokens else ""


def clean_query(raw):
    """The query as the reader sees it: stripped, control characters removed, length-limited."""
    raw = "".join(ch for ch in str(raw or "") if ch.isprintable())
    return " ".join(raw.split())[:MAX_QUERY_LENGTH]


def query_terms(query, language):
    """Unique stemmed query tokens, in order, at most ``MAX_QUERY_TOKENS``.

    Returns ``(terms, required)``: stop words ("und", "the", "في"...) are
    dropped from ``required`` unless the query has nothing else.
    """
    stop = STOPWORDS.get(language, set())
    synonyms = canonical_stems(language)
    terms, required = [], []
    for word in words(clean_query(query), language):
        stem = stem_token(word, language)
        stem = synonyms.get(stem, stem)
        if not stem or stem in terms:
            continue
        terms.append(stem)
        if word not in stop and stem not in stop:
            required.append(stem)
        if len(terms) >= MAX_QUERY_TOKENS:
            break
    return terms, (required or list(terms))
