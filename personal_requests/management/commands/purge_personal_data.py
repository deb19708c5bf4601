"""Delete request submissions older than the retention period (run daily by cron)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.models import OutboxMessage
from personal_requests import conf
from personal_requests.models import MediatorRequest, MentorshipRequest


class Command(BaseCommand):
    help = "Delete language-mediator and mentorship requests older than PERSONAL_DATA_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period in days.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else conf.retention_days()
        if days < 0:
            # A negative period would reach into the future and delete requests sent today.
            raise CommandError(f"--days must be 0 or more, not {days}.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        total = 0
        # Unsent e-mails hold addresses (and Wagtail's moderation mails names): same retention.
        for model in (MediatorRequest, MentorshipRequest, OutboxMessage):
            old = model.objects.filter(created_at__lt=cutoff)
            count = old.count()
            if not options["dry_run"]:
                old.delete()
            total += count
            self.stdout.write(f"{model._meta.verbose_name_plural}: {count}")
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{total} submissions older than {days} days {verb}.")
