from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.policies import load_policies
from pages.models import HomePage


class Command(BaseCommand):
    help = "Create or update the demo trust's policies (run by load_demo_trust)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py load_demo_trust` first.")
        with transaction.atomic():
            summary = load_policies(home)
        if not quiet:
            self.stdout.write(summary)
