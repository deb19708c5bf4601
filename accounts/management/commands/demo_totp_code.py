"""Print the current two-factor codes of the demo users (demo only, see accounts/demo.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import current_code, demo_devices


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo users whose authenticator uses the public demo secret."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo codes are only available with development settings.")
        found = False
        for device in demo_devices():
            found = True
            self.stdout.write(f"{device.user.get_username():<10} {current_code(device)}")
        if not found:
            raise CommandError("No demo user has the demo authenticator. Run manage.py load_demo_content.")
