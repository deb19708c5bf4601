"""Create or update the groups, their permissions and the approval workflow (idempotent)."""

from django.core.management.base import BaseCommand

from portal.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the roles (groups and permissions) and the approval workflow. Safe to run again."

    def handle(self, *args, **options):
        groups = setup_roles()
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.permissions.count()} model permissions")
