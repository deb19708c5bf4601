"""Send the e-mails waiting in the outbox (cron, every few minutes)."""

from django.core.management.base import BaseCommand

from operations.outbox import deliver


class Command(BaseCommand):
    help = "Send queued e-mails; those that fail stay queued for the next run."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many messages per run.")

    def handle(self, *args, **options):
        sent, failed = deliver(limit=options["limit"])
        self.stdout.write(f"{sent} e-mails sent, {failed} failed and stay queued.")
        if failed:
            # A non-zero exit makes cron/systemd report the problem to the operator.
            raise SystemExit(1)
