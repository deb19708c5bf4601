"""First start (``make run``): the database migrated and the demo loaded, fast where it can be."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.demo import snapshot


class Command(BaseCommand):
    help = (
        "Migrate and load the demo content. A new SQLite database is restored from the committed "
        "demo snapshot instead (home/demo/snapshot.py) when the snapshot matches the migrations "
        "and demo sources on disk; an existing database is migrated and keeps its data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-snapshot", action="store_true", help="Always migrate and load.")

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Refusing to load the demo content with these settings: it creates accounts with "
                "public passwords and two-factor secrets."
            )
        refusal = "--no-snapshot" if options["no_snapshot"] else snapshot.restore_refusal()
        if refusal is None:
            self._restore()
            return
        self.stdout.write(f"Demo snapshot not used: {refusal}.")
        # The system checks run here, once (load_demo_content and runserver skip them).
        call_command("migrate", interactive=False, verbosity=0, skip_checks=False)
        call_command("load_demo_content", skip_checks=True, stdout=self.stdout)

    def _restore(self):
        from home.demo.loader import DemoLoader
        from home.demo.users import print_demo_users
        from operations.page_cache import bump_version

        snapshot.restore()
        self.stdout.write("Demo database restored from the snapshot (home/demo/snapshot.tar.gz).")
        # What a load does besides: the Site follows HOST/PORT, cached pages go stale, users printed.
        DemoLoader(stdout=self.stdout).follow_host_and_port()
        bump_version()
        print_demo_users(self.stdout)
