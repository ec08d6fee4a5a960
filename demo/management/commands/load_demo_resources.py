from django.core.management.base import BaseCommand
from django.db import transaction

from demo.resources import load_resources


class Command(BaseCommand):
    help = "Create demo resources for the hub (idempotent; needs load_demo_trust's data)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        with transaction.atomic():
            created, existing = load_resources()
        if not quiet:
            self.stdout.write(f"Demo resources: {created} created, {existing} already there.")
