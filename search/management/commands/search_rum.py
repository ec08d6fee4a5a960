from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search.pgindex import add_rum_index


class Command(BaseCommand):
    help = (
        "Add the RUM index that lets PostgreSQL hand over the best search matches in rank "
        "order (needs the rum extension on the server, e.g. Debian's postgresql-15-rum)."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The RUM index is for PostgreSQL; this database is not.")
        self.stdout.write("Building the RUM index (a minute or two per 100,000 entries)...")
        if not add_rum_index(connection):
            raise CommandError(
                "Could not create it: install the rum extension on the database server "
                "(postgresql-NN-rum) and run this as a role allowed to CREATE EXTENSION."
            )
        self.stdout.write(self.style.SUCCESS("RUM index ready: restart the site to use it."))
