"""Rebuild the language-analysed public search index (and Elasticsearch's, when configured)."""

from django.core.management.base import BaseCommand

from search import elastic
from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index of every locale from the live, published content."

    def handle(self, *args, **options):
        elastic.reset()
        rebuild(stdout=self.stdout)
