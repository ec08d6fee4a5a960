from django.core.management.base import BaseCommand

from policies.tasks import send_policy_digest


class Command(BaseCommand):
    help = "Email the weekly summary of policy changes to everyone who asked for it."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How far back to look.")

    def handle(self, *args, days=7, **options):
        result = send_policy_digest.enqueue(days=days)
        self.stdout.write(f"Policy digest {result.status.lower()}.")
