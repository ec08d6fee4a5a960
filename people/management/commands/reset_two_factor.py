"""`manage.py reset_two_factor USERNAME`: for a member of staff who lost their phone and their
recovery codes. Their authenticator and recovery codes are removed; they sign in with the
password and enrol again (at once, if their role requires it)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from people import twofactor


class Command(BaseCommand):
    help = "Remove a person's two-factor devices so that they can enrol again."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        twofactor.turn_off(user)
        log(user, "lte.two_factor_reset")
        self.stdout.write(f"Two-factor sign-in removed for {username}; they can enrol again.")
