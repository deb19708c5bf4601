"""Load the demo guide content and the demo users (idempotent)."""

from django.core.management.base import BaseCommand
from wagtail import hooks

from home.demo.loader import DemoLoader
from home.demo.users import create_demo_users


class Command(BaseCommand):
    help = "Load demo pages from home/demo_content/ and one demo user per role. Existing data is kept."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create the demo users.")

    def handle(self, *args, **options):
        DemoLoader(stdout=self.stdout).load()
        # Apps load their own demo data through the ``load_demo_content`` hook:
        # fn(stdout), idempotent. Users and roles come last so that groups can
        # be given permissions on everything loaded before.
        for load in hooks.get_hooks("load_demo_content"):
            load(self.stdout)
        if not options["no_users"]:
            users = create_demo_users()
            self.stdout.write("\nDemo users (demo only, never on a public server):")
            for role, username, password in users:
                self.stdout.write(f"  {role:<32} {username:<14} {password}")
            for fn in hooks.get_hooks("after_demo_users"):
                fn(self.stdout)
