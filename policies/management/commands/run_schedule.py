"""The weekly jobs, for cron (docs/deploy.md):

    0 7 * * 1  cd /srv/lte && .venv/bin/python manage.py run_schedule

It only queues: the worker sends. Every live policy with someone still to acknowledge its
current version gets a reminder job (people reminded in the last 7 days are skipped by the job
itself), and the weekly digest goes to everyone who asked for it."""

from django.core.management.base import BaseCommand

from policies import services
from policies.models import PolicyPage
from policies.tasks import send_acknowledgement_reminders, send_policy_digest


class Command(BaseCommand):
    help = "Queue this week's acknowledgement reminders and policy digest (run from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--no-reminders", action="store_true")
        parser.add_argument("--no-digest", action="store_true")

    def handle(self, *args, no_reminders=False, no_digest=False, **options):
        queued = 0
        if not no_reminders:
            policies = PolicyPage.objects.live().prefetch_related(services.versions_prefetch())
            for policy in policies:
                _version, rows, _totals = services.policy_report(policy)
                outstanding = [row.user.pk for row in rows if not row.done]
                if outstanding:
                    send_acknowledgement_reminders.enqueue(
                        policy_id=policy.pk, user_ids=outstanding, interval_days=7
                    )
                    queued += 1
        if not no_digest:
            send_policy_digest.enqueue(days=7)
        self.stdout.write(
            f"Queued reminders for {queued} policies"
            + ("" if no_digest else " and the weekly digest")
            + "."
        )
