import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from policies import services
from policies.models import DigestPreference, ReminderLog
from policies.tasks import send_acknowledgement_reminders

from .factories import publish


def test_reminders_send_nothing_twice_within_the_interval(policy, schools, make_staff):
    coppice, _ = schools
    done, todo1, todo2 = make_staff(coppice, 3)
    services.acknowledge(done, policy)
    ids = [done.pk, todo1.pk, todo2.pk]
    send_acknowledgement_reminders.enqueue(policy_id=policy.pk, user_ids=ids, interval_days=7)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([todo1.email, todo2.email])
    assert policy.title in mail.outbox[0].subject
    send_acknowledgement_reminders.enqueue(policy_id=policy.pk, user_ids=ids, interval_days=7)
    assert len(mail.outbox) == 2
    # Once the interval has passed, a reminder may go again.
    ReminderLog.objects.update(sent_at=timezone.now() - datetime.timedelta(days=8))
    send_acknowledgement_reminders.enqueue(policy_id=policy.pk, user_ids=ids, interval_days=7)
    assert len(mail.outbox) == 4


def test_a_new_material_version_can_be_reminded_about_at_once(policy, schools, make_staff):
    coppice, _ = schools
    [user] = make_staff(coppice, 1)
    send_acknowledgement_reminders.enqueue(policy_id=policy.pk, user_ids=[user.pk])
    publish(policy, body="<p>Changed.</p>", note="Change")
    send_acknowledgement_reminders.enqueue(policy_id=policy.pk, user_ids=[user.pk])
    assert len(mail.outbox) == 2


def test_remind_view_only_reaches_own_school(client, policy, schools, make_staff, head_of):
    coppice, langley = schools
    [ours] = make_staff(coppice, 1)
    [theirs] = make_staff(langley, 1)
    head = head_of(coppice)
    client.force_login(head)
    response = client.post(policy.url + "remind/", {"interval": "7"})
    assert response.status_code == 302
    recipients = {m.to[0] for m in mail.outbox}
    assert ours.email in recipients and theirs.email not in recipients


def test_weekly_digest_only_to_those_who_opted_in(policy, make_user):
    keen = make_user("keen")
    make_user("not.keen")
    DigestPreference.objects.create(user=keen, weekly_digest=True)
    call_command("send_policy_digest")
    assert [m.to for m in mail.outbox] == [[keen.email]]
    assert policy.title in mail.outbox[0].body
    call_command("send_policy_digest")
    assert len(mail.outbox) == 1  # nothing new since the last digest


def test_digest_preference_page(client, policy, teacher):
    client.force_login(teacher)
    url = policy.get_parent().url + "updates/"
    assert policy.title.encode() in client.get(url).content
    client.post(url, {"weekly_digest": "on"})
    assert DigestPreference.objects.get(user=teacher).weekly_digest
