"""Links inside API answers: only to public pages and public documents, resolved in bulk.

Rich text is stored in Wagtail's internal format (``<a linktype="page" id="12">``,
``<a linktype="document" id="3">``) and stream blocks hold page and document ids. The
serialisers leave markers; ``resolve`` then looks up every referenced id of the whole
answer at once (one query for pages, one for documents, whatever the number of items)
and writes real URLs — or, for a restricted, draft or unknown target, removes the link
and keeps its text. So no answer names a restricted page or a document of a restricted
collection, not even by id.
"""

import re

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.html import escape
from wagtail import blocks
from wagtail.api.v2.utils import get_full_url
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import CollectionViewRestriction

PAGE_MARK = "__api_page__"
DOCUMENT_MARK = "__api_document__"
_ANCHOR = re.compile(r"<a\b[^>]*\blinktype=\"(page|document)\"[^>]*>")
_ID = re.compile(r"\bid=\"(\d+)\"")


def public_documents():
    """Documents whose collection (and every ancestor collection) has no view restriction."""
    restricted = CollectionViewRestriction.objects.annotate(path_length=Length("collection__path")).filter(
        collection__path=Substr(OuterRef("collection__path"), 1, F("path_length"))
    )
    return get_document_model().objects.filter(~Exists(restricted))


def stream_representation(block, value):
    """The raw value of a stream/struct/list block with chooser ids turned into markers."""
    if value is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "value": stream_representation(block.child_blocks[child["type"]], child.get("value")),
                "id": child.get("id"),
            }
            for child in value
            if child.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        items = [v["value"] if isinstance(v, dict) and v.get("type") == "item" else v for v in value]
        return [stream_representation(block.child_block, item) for item in items]
    if isinstance(block, blocks.StructBlock):
        return {
            name: stream_representation(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, DocumentChooserBlock):
        return {DOCUMENT_MARK: value}
    if isinstance(block, blocks.PageChooserBlock):
        return {PAGE_MARK: value}
    return value


def _walk(data, on_string, on_mark):
    """Rebuild ``data``; a marker becomes ``on_mark(kind, id)`` (None: left out of lists)."""
    if isinstance(data, dict):
        if len(data) == 1 and (PAGE_MARK in data or DOCUMENT_MARK in data):
            kind = "page" if PAGE_MARK in data else "document"
            return on_mark(kind, data[PAGE_MARK if kind == "page" else DOCUMENT_MARK])
        return {key: _walk(value, on_string, on_mark) for key, value in data.items()}
    if isinstance(data, list):
        items = [_walk(item, on_string, on_mark) for item in data]
        return [item for item, raw in zip(items, data, strict=True) if not (item is None and _is_mark(raw))]
    if isinstance(data, str) and "linktype=" in data:
        return on_string(data)
    return data


def _is_mark(data):
    return isinstance(data, dict) and len(data) == 1 and (PAGE_MARK in data or DOCUMENT_MARK in data)


def resolve(data, request, public_pages):
    """Replace every page/document reference in ``data`` by a public link or nothing (two queries)."""
    wanted = {"page": set(), "document": set()}

    def collect_string(text):
        for match in _ANCHOR.finditer(text):
            found = _ID.search(match.group(0))
            if found:
                wanted[match.group(1)].add(int(found.group(1)))
        return text

    def collect_mark(kind, pk):
        if isinstance(pk, int):
            wanted[kind].add(pk)
        return None

    _walk(data, collect_string, collect_mark)
    if not wanted["page"] and not wanted["document"]:
        return data

    pages, documents = {}, {}
    if wanted["page"]:
        for page in public_pages.filter(pk__in=wanted["page"]):
            pages[page.pk] = {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}
    if wanted["document"]:
        for document in public_documents().filter(pk__in=wanted["document"]):
            documents[document.pk] = {
                "id": document.pk,
                "title": document.title,
                "url": get_full_url(request, document.url),
            }
    targets = {"page": pages, "document": documents}

    def rewrite(match):
        found = _ID.search(match.group(0))
        target = targets[match.group(1)].get(int(found.group(1))) if found else None
        return f'<a href="{escape(target["url"])}">' if target else "<a>"

    return _walk(
        data,
        lambda text: _ANCHOR.sub(rewrite, text),
        lambda kind, pk: targets[kind].get(pk) if isinstance(pk, int) else None,
    )
