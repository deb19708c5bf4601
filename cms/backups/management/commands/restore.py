"""manage.py restore ARCHIVE: database and media back from a backup archive (cms/backups/archive.py)."""

from django.core.management.base import BaseCommand, CommandError

from cms.backups import archive


class Command(BaseCommand):
    help = (
        "Restore a backup archive written by manage.py backup: replaces the database and writes the "
        "media files back, then rebuilds the search index. Stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of a beckum-backup-….tar.gz archive.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace a database that is not empty (everything in it is lost).",
        )
        parser.add_argument(
            "--no-reindex",
            action="store_true",
            help="Do not rebuild the search index after the restore (run manage.py update_index later).",
        )

    def handle(self, *args, **options):
        try:
            result = archive.restore(
                options["archive"],
                overwrite=options["overwrite"],
                reindex=not options["no_reindex"],
                stdout=self.stdout,
            )
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        info = result.manifest
        counts = ", ".join(f"{key} {value}" for key, value in info["counts"].items())
        self.stdout.write(
            f"Restored {result.path.name} (made {info['created_at']}, commit "
            f"{info['app'].get('commit') or 'unknown'}) in {result.seconds:.1f} s: {counts}, "
            f"{info['media']['files']} media files."
        )
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
