"""Result snippets with the matched words marked.

The snippet is cut from the entry's *plain* text (tags were stripped when it
was indexed), each piece is escaped, and only then are ``<mark>`` elements put
around whole words whose analysed form matches a query term (``term_matches``). So a mark can
never land inside a tag or an entity, and nothing from the page or the query is
ever output unescaped.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import fold, stem_token, term_matches

SNIPPET_LENGTH = 220
#: Only the beginning of a long text is searched for the snippet window.
SCAN_LIMIT = 8000
# Fixed pattern: words (letters, digits, and the marks that fold() removes) and the rest.
_TOKENS = re.compile(r"[^\W_]+")
_PIECES = re.compile(r"([^\W_][\w\u0640\u064b-\u065f\u0670\u0307\u00ad’'ʼ]*)", re.UNICODE)


@lru_cache(maxsize=50_000)
def _stems(word, language):
    """The analysed forms of one word of the text (cached: texts repeat their words)."""
    return tuple(stem_token(token, language) for token in _TOKENS.findall(fold(word, language)))


def _matches(word, terms, language):
    for stem in _stems(word, language):
        for term in terms:
            if term_matches(stem, term):
                return True
    return False


def highlight(text, terms, language):
    """Escaped ``text`` with the words matching ``terms`` wrapped in ``<mark>``."""
    out = []
    for index, piece in enumerate(_PIECES.split(text or "")):
        if index % 2 and terms and _matches(piece, terms, language):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def snippet(text, terms, language, length=SNIPPET_LENGTH):
    """A window of ``text`` around the first matching word, highlighted."""
    text = " ".join((text or "")[:SCAN_LIMIT].split())
    start = 0
    if terms:
        for match in _PIECES.finditer(text):
            if _matches(match.group(0), terms, language):
                start = max(0, match.start() - length // 3)
                break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(  # noqa: S308 - the parts are escaped
        escape(prefix) + highlight(text[start:end], terms, language) + escape(suffix)
    )
