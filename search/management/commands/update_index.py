"""Wagtail's ``update_index``, followed by the public search index.

``search`` comes before ``wagtail.search`` in INSTALLED_APPS, so this command
wins; it runs Wagtail's command unchanged, then ``rebuild_search_text``.
"""

from django.core.management import call_command
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    help = WagtailUpdateIndex.help + " Then rebuild the public search index (rebuild_search_text)."

    def handle(self, **options):
        super().handle(**options)
        call_command("rebuild_search_text", stdout=self.stdout)
