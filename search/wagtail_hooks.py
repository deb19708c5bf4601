"""Rebuild the public search index at the end of ``load_demo_content``.

Registered with a high ``order`` so it runs after the other apps' demo
loaders; their content is also indexed as it is published, by the signals in
``search.signals``, so the index is complete whichever order hooks run in.
"""

from wagtail import hooks

from .indexing import rebuild


@hooks.register("load_demo_content", order=1000)
def rebuild_search_index(stdout):
    rebuild(stdout=stdout)
