"""`manage.py run_schedule` (cron, Monday 07:00) queues the week's reminders and digest."""

from django.core import mail
from django.core.management import call_command

from policies import services


def test_schedule_reminds_whoever_still_has_to_acknowledge(policy, schools, make_staff, capsys):
    coppice, _ = schools
    done, todo = make_staff(coppice, 2)
    services.acknowledge(done, policy)
    call_command("run_schedule", "--no-digest")
    assert "Queued reminders for 1 policies." in capsys.readouterr().out
    assert [m.to[0] for m in mail.outbox] == [todo.email]
    # A second run within the week sends nobody anything again.
    call_command("run_schedule", "--no-digest")
    assert len(mail.outbox) == 1
