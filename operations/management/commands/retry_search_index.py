"""Redo the search-index writes that failed while Elasticsearch was down (cron, every few minutes)."""

from django.core.management.base import BaseCommand

from operations.elasticsearch_backend import wagtail_backend
from operations.search_queue import retry


class Command(BaseCommand):
    help = "Redo queued Elasticsearch index writes; what fails again stays queued."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, **options):
        done, failed = retry(wagtail_backend(), limit=options["limit"])
        self.stdout.write(f"{done} index writes done, {failed} failed and stay queued.")
        if failed:
            raise SystemExit(1)
