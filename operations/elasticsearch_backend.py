"""Wagtail's Elasticsearch 9 backend that a cluster outage cannot take the admin down with.

- **Writes** (``add``/``delete``, called on every save and publish): while the
  cluster is known to be down (``search.elastic.is_down()``, shared with the
  public search) they are queued at once; otherwise they are tried with the
  backend's short ``TIMEOUT`` and queued when they fail, which marks the cluster
  down for ``search.elastic.RETRY_AFTER`` seconds. So a publish waits at most one
  timeout, however many pages and aliases it saves. ``manage.py
  retry_search_index`` redoes the queue (cron).
- **Searches** (the admin's search boxes and choosers): results come from the
  cluster, or, when it is down or fails, from Wagtail's database fallback
  backend (plain ``icontains`` over the search fields; no index needed).
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.fallback import DatabaseSearchBackend, DatabaseSearchQueryCompiler
from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search import elastic

from .search_queue import enqueue

logger = logging.getLogger(__name__)

SEARCH_ERRORS = (ApiError, TransportError)


def _label(obj):
    return obj._meta.label


class FallbackSearchResults(Elasticsearch9SearchBackend.results_class):
    def _fallback(self):
        compiler = self.query_compiler
        database_compiler = DatabaseSearchQueryCompiler(
            compiler.queryset,
            compiler.query,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        backend = DatabaseSearchBackend({})
        results = backend.results_class(backend, database_compiler)
        results.start, results.stop = self.start, self.stop
        results._score_field = self._score_field
        return results

    def _guarded(self, method):
        if elastic.is_down():
            return getattr(self._fallback(), method)()
        try:
            return list(getattr(super(), method)()) if method == "_do_search" else getattr(super(), method)()
        except SEARCH_ERRORS as error:
            elastic._failed("admin search", error)
            return getattr(self._fallback(), method)()

    def _do_search(self):
        return self._guarded("_do_search")

    def _do_count(self):
        return self._guarded("_do_count")

    def facet(self, field_name):
        if elastic.is_down():
            return self._fallback().facet(field_name)
        try:
            return super().facet(field_name)
        except SEARCH_ERRORS as error:
            elastic._failed("admin search", error)
            return self._fallback().facet(field_name)


class ResilientElasticsearch9SearchBackend(Elasticsearch9SearchBackend):
    results_class = FallbackSearchResults

    def add_now(self, obj):
        super().add(obj)

    def delete_now(self, obj):
        super().delete(obj)

    def _write(self, action, obj, write):
        if elastic.is_down():
            enqueue("wagtail", action, _label(obj), obj.pk)
            return
        try:
            write(obj)
        except SEARCH_ERRORS as error:
            elastic._failed(f"index {action}", error)
            enqueue("wagtail", action, _label(obj), obj.pk)

    def add(self, obj):
        self._write("index", obj, self.add_now)

    def delete(self, obj):
        self._write("delete", obj, self.delete_now)


def wagtail_backend():
    """The configured resilient backend, or None when Elasticsearch is not in use."""
    backend = get_search_backend("default")
    return backend if isinstance(backend, ResilientElasticsearch9SearchBackend) else None


SearchBackend = ResilientElasticsearch9SearchBackend
