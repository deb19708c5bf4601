"""Build or check the committed demo snapshot (home/demo/snapshot.py; ``make demo-snapshot``)."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.demo import snapshot


class Command(BaseCommand):
    help = "Build the demo snapshot afresh (--build) or check that it equals a fresh build (--check)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--build", action="store_true", help="Migrate and load into a new database, then pack it."
        )
        action.add_argument("--check", action="store_true", help="Compare the snapshot with a fresh build.")

    def handle(self, *args, **options):
        with tempfile.TemporaryDirectory(prefix="demo-snapshot-") as tmp:
            self.stdout.write("Building the demo content on a new SQLite database (a few minutes)...")
            fresh = snapshot.build_fresh(Path(tmp) / "data")
            if options["build"]:
                snapshot.pack(fresh, Path(tmp) / "data" / "media")
                size = snapshot.SNAPSHOT.stat().st_size / 1e6
                self.stdout.write(f"Wrote {snapshot.SNAPSHOT} ({size:.1f} MB).")
                return
            if snapshot.read_manifest() is None:
                raise CommandError("There is no snapshot: make demo-snapshot")
            stored = snapshot.extract_database(Path(tmp) / "snapshot.sqlite3")
            found = snapshot.differences(snapshot.normalized_rows(stored), snapshot.normalized_rows(fresh))
            if found:
                raise CommandError("The snapshot differs from a fresh build:\n" + "\n".join(found))
            self.stdout.write("The snapshot equals a fresh build.")
