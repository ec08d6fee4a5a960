from django.core.management.base import BaseCommand, CommandError

from intranet.backup import BackupError, backup, describe


class Command(BaseCommand):
    help = (
        "Back up the database, the stored files (or the list of S3 keys) and a manifest into DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty folder.")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backed up {describe(manifest)} into {directory}.")
