"""Create or update the groups, their permissions and the approval workflow (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from wagtail.models import Site

from portal.roles import setup_roles, setup_town_roles


def find_site(value):
    """A site by id, hostname or ``hostname:port``."""
    hostname, _sep, port = value.partition(":")
    condition = Q(hostname=hostname) & (Q(port=int(port)) if port.isdigit() else Q())
    if value.isdigit():
        condition |= Q(pk=int(value))
    sites = list(Site.objects.filter(condition))
    if len(sites) != 1:
        raise CommandError(f"No single site matches {value!r}: give its id or hostname:port.")
    return sites[0]


class Command(BaseCommand):
    help = "Create or update the roles (groups and permissions) and the approval workflow. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--town",
            action="append",
            default=[],
            help="Also create the groups of one town (site id, hostname or hostname:port); repeatable.",
        )

    def handle(self, *args, **options):
        groups = setup_roles()
        for value in options["town"]:
            groups.update(setup_town_roles(find_site(value)))
        if options["town"]:
            groups.update(setup_roles())  # the approval workflow learns the new town groups
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.permissions.count()} model permissions")
