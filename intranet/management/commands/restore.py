from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from intranet.backup import BackupError, describe, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database (migrated first) "
        "and the configured storage; checks counts and file hashes against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the data of a database that is not empty (everything in it is lost).",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )

    def handle(self, *args, directory, replace=False, no_index=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = restore(directory, replace=replace, rebuild_index=not no_index)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {describe(manifest)} from {directory}.")
