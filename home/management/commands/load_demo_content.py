"""Load the demo guide content and the demo users (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from home.demo.bulk import bulk_loading
from home.demo.loader import DemoLoader
from home.demo.users import create_demo_users, print_demo_users


class Command(BaseCommand):
    help = "Load demo pages from home/demo_content/ and one demo user per role. Existing data is kept."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create the demo users.")
        parser.add_argument(
            "--second-town",
            action="store_true",
            help="Also add the small second town Ennigerloh on its own host (README, 'Several towns').",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with production settings (creates accounts with public passwords).",
        )

    def handle(self, *args, **options):
        # DEMO_CONTENT_ALLOWED is on in the dev and test settings only (accounts/README.md).
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False) and not options["allow_production"]:
            raise CommandError(
                "Refusing to load the demo content with these settings: it creates accounts with "
                "public passwords and two-factor secrets. Use --allow-production if you really mean it."
            )
        # No per-save index writes during the load; indexes built in bulk after it (home/demo/bulk.py).
        with bulk_loading(stdout=self.stdout):
            self._load(options)

    def _load(self, options):
        DemoLoader(stdout=self.stdout).load()
        # Apps load their own demo data through the ``load_demo_content`` hook:
        # fn(stdout), idempotent. Users and roles come last so that groups can
        # be given permissions on everything loaded before.
        for load in hooks.get_hooks("load_demo_content"):
            load(self.stdout)
        if not options["no_users"]:
            print_demo_users(self.stdout, create_demo_users())
        if options["second_town"]:
            from home.demo.second_town import load_second_town

            load_second_town(self.stdout)
