"""``manage.py import_calendar_feeds``: import every active calendar feed (cron: README, "Calendar import").

Prints one report per feed and stores it on the feed (Settings → Calendar feeds).
Exit code 0 when every feed was read without errors, 1 otherwise (the other feeds are
still imported).
"""

from django.core.management.base import BaseCommand, CommandError

from calendar_import.importer import import_feeds
from calendar_import.models import REPORT_KEYS, REPORT_LABELS, CalendarFeed


class Command(BaseCommand):
    help = "Import events from the registered iCalendar feeds as drafts into the approval workflow."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", help="Only this feed (id); may be repeated.")
        parser.add_argument("--quiet", action="store_true", help="Print only the counts, not each event.")

    def handle(self, *args, **options):
        feeds = CalendarFeed.objects.filter(active=True).select_related("organisation", "event_index")
        if options["feed"]:
            feeds = feeds.filter(pk__in=options["feed"])
        results = import_feeds(list(feeds))
        failed = 0
        for feed, report in results:
            counts = report["counts"]
            summary = ", ".join(f"{REPORT_LABELS[key]}: {counts[key]}" for key in REPORT_KEYS)
            self.stdout.write(f"{feed.name} <{feed.url}>\n  {summary}")
            for item in report["items"]:
                if options["quiet"] and item["kind"] != "errors":
                    continue
                what = " ".join(filter(None, [item.get("start", ""), item.get("title", "")]))
                line = " — ".join(filter(None, [what, item.get("message", "")]))
                self.stdout.write(f"  [{REPORT_LABELS[item['kind']]}] {line}")
            if counts["errors"]:
                failed += 1
        if not results:
            self.stdout.write("No active calendar feeds.")
        if failed:
            raise CommandError(f"{failed} of {len(results)} feed(s) had errors (see the report above).")
