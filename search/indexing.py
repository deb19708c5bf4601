"""Keep ``SearchEntry`` (and Elasticsearch, when configured) in step with the content.

Only the live version of an object is indexed: the text is read from the
database row, which Wagtail updates on publish only (drafts live in revisions).
Writes to Elasticsearch are best effort: a failure is logged and never stops a
save in the admin; the database table is always written and is the fallback.
"""

import logging

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.search import index as wagtail_index

from portal import languages

from . import elastic
from .models import SearchEntry
from .registry import active_types, type_for_model
from .text import index_form, language_of

logger = logging.getLogger(__name__)

# PostgreSQL text search configurations per language, used when present on the
# server (checked once per process); other languages use "simple".
PG_CONFIGS = languages.PG_CONFIGS  # the language table: portal/languages.py
_pg_available = None


def pg_config(language):
    """The PostgreSQL text search configuration for ``language``."""
    global _pg_available
    if _pg_available is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config")
            _pg_available = {row[0] for row in cursor.fetchall()}
    config = PG_CONFIGS.get(language, "simple")
    return config if config in _pg_available else "simple"


#: The configuration of the ``vector`` column and of its queries. The columns hold
#: tokens already analysed by ``search.text``; a language configuration would stem
#: them a second time (query and index differently, "sprachkurs":* -> "sprachkur":*)
#: and drop its own stop words, so PostgreSQL would answer other queries than SQLite.
MATCH_CONFIG = "simple"


def is_postgres():
    return connection.vendor == "postgresql"


def plain(value):
    """Plain text of a field value (rich text, stream data, lists)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain(item) for item in value)
    text = strip_tags(str(value))
    return " ".join(text.replace("&nbsp;", " ").replace("&amp;", "&").split())


def field_texts(obj, search_type):
    """(title, lead, body) plain texts from the model's ``search_fields``."""
    title = plain(getattr(obj, search_type.title_field, "")) or str(obj)
    lead_parts = [plain(getattr(obj, name, "")) for name in search_type.lead_fields]
    body_parts = []
    skip = {search_type.title_field, *search_type.lead_fields}
    for field in obj.get_search_fields():
        if isinstance(field, wagtail_index.SearchField) and field.field_name not in skip:
            body_parts.append(plain(field.get_value(obj)))
    if search_type.extra_text:
        body_parts.append(plain(search_type.extra_text(obj)))
    lead = " ".join(p for p in lead_parts if p)
    body = " ".join(p for p in body_parts if p)
    return title, lead, body


def build_entry(obj, search_type):
    """An unsaved SearchEntry for ``obj`` (not checked for visibility)."""
    locale = obj.locale
    language = language_of(locale.language_code)
    # Block labels go through gettext: index them in the object's language, never in the
    # language of whoever happens to publish (an Arabic admin publishing a German page).
    with translation.override(locale.language_code):
        title, lead, body = field_texts(obj, search_type)
    return SearchEntry(
        model=search_type.key,
        object_id=obj.pk,
        kind=search_type.kind,
        boost=search_type.boost,
        type_order=search_type.order,
        locale=locale,
        language=language,
        translation_key=getattr(obj, "translation_key", None),
        title=title[:255],
        text=" ".join(p for p in (lead, body) if p),
        title_norm=index_form(title, language),
        lead_norm=index_form(lead, language),
        body_norm=index_form(body, language),
    )


def _is_indexable(obj, search_type):
    """Live objects only; aliases carry another locale's text."""
    if search_type.is_page:
        return bool(obj.live) and not obj.alias_of_id
    return search_type.public_queryset(search_type.model, obj.locale).filter(pk=obj.pk).exists()


def update_vectors(queryset):
    """Fill ``vector`` from the analysed text, in ``MATCH_CONFIG`` (PostgreSQL only)."""
    if not is_postgres():
        return
    from django.contrib.postgres.search import SearchVector

    config = MATCH_CONFIG
    queryset.update(
        vector=SearchVector("title_norm", weight="A", config=config)
        + SearchVector("lead_norm", weight="B", config=config)
        + SearchVector("body_norm", weight="C", config=config)
    )


def index_object(obj):
    """Insert, update or remove ``obj``'s entry; returns True when indexed."""
    search_type = type_for_model(type(obj))
    if search_type is None:
        return False
    obj = search_type.model.objects.filter(pk=obj.pk).first()
    if obj is None or not _is_indexable(obj, search_type):
        remove_object(search_type.key, getattr(obj, "pk", None))
        return False
    entry = build_entry(obj, search_type)
    values = {f.attname: getattr(entry, f.attname) for f in SearchEntry._meta.concrete_fields}
    for name in ("id", "model", "object_id", "vector", "updated_at"):
        values.pop(name, None)
    saved, _created = SearchEntry.objects.update_or_create(
        model=entry.model, object_id=entry.object_id, defaults=values
    )
    update_vectors(SearchEntry.objects.filter(pk=saved.pk))
    transaction.on_commit(lambda: elastic.index_entries([saved]))
    return True


def remove_object(model_key, object_id):
    if object_id is None:
        return
    SearchEntry.objects.filter(model=model_key, object_id=object_id).delete()
    transaction.on_commit(lambda: elastic.delete_entry(model_key, object_id))


def rebuild(stdout=None, batch_size=200):
    """Rebuild the whole table from the registry; returns the number of entries."""
    total = 0
    started = timezone.now()
    for search_type in active_types():
        model = search_type.model
        queryset = model.objects.all()
        if search_type.is_page:
            queryset = queryset.live().filter(alias_of__isnull=True)
        queryset = queryset.select_related("locale").order_by("pk")
        batch = []
        for obj in queryset.iterator(chunk_size=batch_size):
            if not search_type.is_page and not _is_indexable(obj, search_type):
                continue
            batch.append(build_entry(obj, search_type))
            if len(batch) >= batch_size:
                total += _save_batch(batch, started)
                batch = []
        total += _save_batch(batch, started)
    SearchEntry.objects.filter(updated_at__lt=started).delete()
    update_vectors(SearchEntry.objects.all())
    if stdout:
        stdout.write(f"Search: {total} entries indexed.")
    elastic.rebuild(stdout=stdout)
    return total


def _save_batch(batch, now):
    if not batch:
        return 0
    existing = {
        (m, o): pk
        for pk, m, o in SearchEntry.objects.filter(
            model__in={e.model for e in batch}, object_id__in=[e.object_id for e in batch]
        ).values_list("pk", "model", "object_id")
    }
    new, changed = [], []
    for entry in batch:
        entry.updated_at = now
        pk = existing.get((entry.model, entry.object_id))
        if pk:
            entry.pk = pk
            changed.append(entry)
        else:
            new.append(entry)
    fields = ["kind", "boost", "type_order", "locale", "language", "translation_key", "title", "text"]
    fields += ["title_norm", "lead_norm", "body_norm", "updated_at"]
    if changed:
        SearchEntry.objects.bulk_update(changed, fields)
    SearchEntry.objects.bulk_create(new)
    return len(batch)
