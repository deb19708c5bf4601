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
  stemmed with the Turkish letters, then folded for matching only
  (ş ç ğ ö ü ı → s c g o u i), so "Istanbul", "İstanbul" and "istanbul", and
  "iletisim" and "iletişim", match whatever keyboard the reader has. A word
  typed without the letters ("kurslari") is also stemmed as written with ı
  when its vowels say so (back-vowel words), so the suffix comes off.
- Latin letters with accents (é, î, â…) are folded to the plain letter in every
  language; German ä ö ü ß go through the German stemmer, which also reads
  ae/oe/ue/ss; the stems are then folded the same way ("Muelltrennung",
  "Mulltrennung" and "Mülltrennung" are one token).
- Arabic: a light stemmer (the "light10" rules of Lucene's and Elasticsearch's
  Arabic stemmer: articles and conjunctions off the front, ها ان ات ون ين يه ه ي
  off the end), so دورات, الدورة and دورة share the stem دور; common broken
  plurals of the portal's vocabulary (شقق, مدارس, رسائل, أطباء…) are mapped to
  their singular first.
- Persian: the zero-width non-joiner is removed and a plural ها/های typed as a
  separate word is joined to its word, so کلاس‌ها, کلاسها and "کلاس ها" are one.

Matching (``term_matches``, and the same rule in SQL and in the Elasticsearch
query): an indexed token matches a query token that it starts with (prefix,
query tokens of 3+ letters), or that starts with it when the indexed token is
at most ``slack(term)`` letters shorter and long enough itself
(``MIN_REVERSE``): "Sprachkursen" (stem ``sprachkurs``) finds "Sprachkurs"
(stem ``sprachkur``), not only the other way round.

Only a fixed character-class pattern is used on user input; no pattern is ever
built from it (see GHSA-jmp3-39vp-fwg8).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from portal import languages

from .synonyms import canonical_stems

#: Longest query accepted, in characters; longer input is cut.
MAX_QUERY_LENGTH = 100
#: At most this many tokens of a query are used.
MAX_QUERY_TOKENS = 8

SNOWBALL = languages.SNOWBALL  # the language table: portal/languages.py

# Arabic diacritics (tashkeel, U+064B–U+065F), superscript alef, Quranic marks,
# tatweel; combining dot above (left by lower-casing "İ" outside Turkish).
_STRIP = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640, 0x0307, 0x00AD, 0x200C, 0x200D], None
)
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_PERSIAN_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"})
# Apostrophes inside Ukrainian and Russian words ("здоров’я") are part of the word.
_APOSTROPHES = str.maketrans(dict.fromkeys("’'ʼ`", None))
# Letters and digits; a fixed pattern with linear matching.
_TOKEN = re.compile(r"[^\W_]+")


# Latin letters with diacritics -> base letters (matching only). Built once from the
# Unicode decomposition of Latin-1 Supplement and Latin Extended-A; Cyrillic (й, ї)
# and Arabic script are never touched.
def _latin_fold_table(keep=""):
    table = {}
    for code in range(0x00C0, 0x0180):
        char = chr(code)
        if char in keep:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and base.isascii() and base.isalpha():
            table[code] = base.lower()
    extra = {"ı": "i", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ß": "ss"}
    table.update({ord(char): base for char, base in extra.items() if char not in keep})
    return table


#: Folded before stemming: accents the language's stemmer does not read.
_LATIN_BEFORE_STEM = {
    "de": str.maketrans(_latin_fold_table(keep="äöüÄÖÜß")),
    "tr": str.maketrans(_latin_fold_table(keep="çğıöşüÇĞÖŞÜ")),
}
_LATIN_ALL = str.maketrans(_latin_fold_table())


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


ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
#: Common broken plurals of the portal's vocabulary -> singular (after normalisation:
#: no hamza on alef, ئ -> ي, ة -> ه, article removed).
ARABIC_BROKEN_PLURALS = {
    "شقق": "شقه",
    "مدارس": "مدرسه",
    "دواير": "دايره",
    "رسايل": "رساله",
    "اطباء": "طبيب",
    "اطفال": "طفل",
    "مواعيد": "موعد",
    "وسطاء": "وسيط",
    "مجالس": "مجلس",
    "اماكن": "مكان",
    "بلدان": "بلد",
    "اشخاص": "شخص",
    "اصدقاء": "صديق",
    "دروس": "درس",
    "قواعد": "قاعده",
    "اوقات": "وقت",
    "مراكز": "مركز",
    "مكاتب": "مكتب",
    "وثايق": "وثيقه",
    "طلاب": "طالب",
    "نصايح": "نصيحه",
    "مدن": "مدينه",
    "بيوت": "بيت",
    "منازل": "منزل",
    "وظايف": "وظيفه",
    "شروط": "شرط",
    "اسر": "اسره",
    "نساء": "امراه",
    "رجال": "رجل",
    "لاجيون": "لاجي",
    "مهاجرون": "مهاجر",
}


def arabic_stem(word):
    """Light Arabic stemming ("light10", as Lucene's and Elasticsearch's ``arabic`` stemmer).

    ``word`` is already normalised by ``fold`` (alef forms, ى, ة). ؤ and ئ are
    folded to و and ي; a leading و comes off when four letters stay, then one
    prefix (article, و/ب/ك/ف + article, لل) when two letters stay; a known broken plural
    becomes its singular; then each suffix of ``ARABIC_SUFFIXES`` in turn comes
    off when two letters stay.
    """
    word = word.replace("ؤ", "و").replace("ئ", "ي")
    # Lucene strips a leading و from 4 letters on; 5 here, so وسيط and وثيقه keep their و.
    if len(word) > 4 and word.startswith("و") and not word.startswith("وال"):
        word = word[1:]
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    word = ARABIC_BROKEN_PLURALS.get(word, word)
    for suffix in ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


# Turkish letters a word typed on another keyboard lacks.
_TURKISH_LETTERS = frozenset("çğıöşü")
_TURKISH_FRONT = frozenset("eiöü")


def _turkish_dotless(word):
    """``word`` with i read as ı: typed without Turkish letters, and its other vowels are back vowels."""
    if "i" not in word or _TURKISH_LETTERS.intersection(word):
        return None
    vowels = [c for c in word if c in "aeıioöuü" and c != "i"]
    if not vowels or _TURKISH_FRONT.intersection(vowels):
        return None
    return word.replace("i", "ı")


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
    return text.translate(_LATIN_BEFORE_STEM.get(language, _LATIN_ALL))


def _snowball(word, language):
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def _stem(word, language):
    if language == "uk":
        stem = ukrainian_stem(word)
    elif language == "ar":
        stem = arabic_stem(word)
    else:
        stem = _snowball(word, language)
        if language == "tr":
            dotless = _turkish_dotless(word)
            if dotless:
                other = _snowball(dotless, language)
                if len(other) < len(stem):
                    stem = other
    # Matching only: accents and Turkish letters off the stem (ş -> s, ı -> i, ä -> a).
    return stem.translate(_LATIN_ALL)


@lru_cache(maxsize=50_000)
def stem_token(word, language):
    """The index form of one already folded token (cached: texts repeat words a lot)."""
    return _stem(word, language)


_PERSIAN_PLURALS = frozenset(("ها", "های", "هایی"))


def words(text, language):
    """Folded tokens of ``text`` (not stemmed)."""
    tokens = _TOKEN.findall(fold(text or "", language))
    if language == "fa" and _PERSIAN_PLURALS.intersection(tokens):
        # A plural ending typed as a word of its own ("کلاس ها") belongs to the word before it.
        joined = []
        for token in tokens:
            if token in _PERSIAN_PLURALS and joined:
                joined[-1] += token
            else:
                joined.append(token)
        tokens = joined
    return tokens


def analyse(text, language):
    """The stemmed tokens of ``text`` in ``language`` (glossary synonyms as one stem: synonyms.py)."""
    synonyms = canonical_stems(language, stem_token, words)
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


#: Shortest indexed token that may match a longer query token it begins.
MIN_REVERSE = 3
#: Tokens shorter than this match whole only.
MIN_PREFIX = 3


def slack(term):
    """How many letters shorter than the query token an indexed token that begins it may be."""
    return 1 if len(term) <= 7 else 2


def shorter_forms(term):
    """Indexed tokens that match ``term`` because ``term`` starts with them (whole-token matches).

    "sprachkurs" (Sprachkursen) -> ("sprachkur", "sprachku"): the
    page that only has "Sprachkurs" (stem ``sprachkur``) is found; "kurs"
    (Kurse) finds "kur" (Kurs). Limited to ``slack`` letters (one, two from
    nine letters on) and to tokens of at least ``MIN_REVERSE`` letters, so
    "sprachpat" (Sprachpaten) never matches "sprach" (Sprache) and "kurs"
    never matches "ku".
    """
    if len(term) < MIN_PREFIX:
        return ()
    return tuple(term[:n] for n in range(len(term) - 1, max(MIN_REVERSE, len(term) - slack(term)) - 1, -1))


def term_matches(token, term):
    """True when the indexed ``token`` matches the query ``term`` (the rule of every backend)."""
    if token == term:
        return True
    if len(term) >= MIN_PREFIX and token.startswith(term):
        return True
    return token in shorter_forms(term)


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
    synonyms = canonical_stems(language, stem_token, words)
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
