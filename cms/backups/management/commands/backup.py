"""manage.py backup: one archive with the database, all media and a manifest (cms/backups/archive.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.backups import archive


class Command(BaseCommand):
    help = (
        "Write one backup archive (database dump, all media incl. private documents, manifest) "
        "into BACKUP_DIR, then delete archives older than the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Directory for the archive (default: the BACKUP_DIR setting).")
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="Delete archives in the directory older than this many days; the newest always stays. "
            "0 keeps everything (default: the BACKUP_RETENTION_DAYS setting).",
        )

    def handle(self, *args, **options):
        directory = options["dir"] or settings.BACKUP_DIR
        keep_days = options["keep_days"]
        if keep_days is None:
            keep_days = settings.BACKUP_RETENTION_DAYS
        try:
            result = archive.create(directory)
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{key} {value}" for key, value in result.manifest["counts"].items())
        self.stdout.write(
            f"Backup written: {result.path} ({result.size / 1e6:.2f} MB, "
            f"{result.manifest['database']['vendor']}, {result.manifest['media']['files']} media files, "
            f"{result.seconds:.1f} s)\n{counts}"
        )
        for path in archive.prune(directory, keep_days):
            self.stdout.write(f"Deleted old backup {path.name} (older than {keep_days} days).")
