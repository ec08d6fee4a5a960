"""Build (or bring up to date) the demo trust: pages, people, roles, term dates, news, events,
hub resources and policies (see demo/loader.py)."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import build_trust


class Command(BaseCommand):
    help = "Create or update the demo Learning Trust for Excellence (pages, users, news, events)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        password = os.environ.get("DEMO_PASSWORD") or settings.DEMO_PASSWORD_DEFAULT
        if not settings.DEBUG and password == settings.DEMO_PASSWORD_DEFAULT:
            raise CommandError(
                "Refusing to create demo users with the published default password while DEBUG "
                "is off. Set DEMO_PASSWORD to a password of your own, or run with DEBUG=1."
            )
        say = (lambda *a: None) if quiet else self.stdout.write
        with transaction.atomic():
            build_trust(password, say)
        say(self.style.SUCCESS("Demo trust ready."))
        say(
            "Demo sign-ins (password: %s): admin, teacher.coppice, lead.maths, head.coppice "
            "(and teacher./head.<school>, lead.<group>)" % password
        )
