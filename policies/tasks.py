"""Background jobs: acknowledgement reminders and the weekly digest (django-tasks).

Arguments are plain ids and numbers so any task backend can store them."""

import datetime

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from people.jobs import retrying
from people.links import absolute_url

from . import services
from .models import DigestPreference, PolicyPage, PolicyVersion, ReminderLog


def remind(policy_id, user_ids, interval_days=7):
    """Email the people in `user_ids` who still have to acknowledge the policy, unless they
    were reminded about the same version within `interval_days`. Returns counts."""
    policy = (
        PolicyPage.objects.live()
        .filter(pk=policy_id)
        .prefetch_related(services.versions_prefetch())
        .first()
    )
    if policy is None:
        return {"sent": 0, "skipped": 0}
    version, rows, _totals = services.policy_report(policy)
    wanted = set(user_ids)
    outstanding = [r.user for r in rows if not r.done and r.user.pk in wanted and r.user.email]
    since = timezone.now() - datetime.timedelta(days=interval_days)
    recent = set(
        ReminderLog.objects.filter(
            version=version, sent_at__gte=since, user__in=[u.pk for u in outstanding]
        ).values_list("user_id", flat=True)
    )
    current = services.current_version(policy)
    sent = 0
    for user in outstanding:
        if user.pk in recent:
            continue
        body = render_to_string(
            "policies/email/reminder.txt",
            {"user": user, "policy": policy, "version": current, "url": absolute_url(policy.url)},
        )
        send_mail(
            f"Please read and acknowledge: {policy.title} (version {current.number})",
            body,
            None,
            [user.email],
        )
        ReminderLog.objects.create(user=user, version=version)
        sent += 1
    return {"sent": sent, "skipped": len(outstanding) - sent}


@task()
def send_acknowledgement_reminders(policy_id, user_ids, interval_days=7, attempt=1):
    # A retry re-sends nobody: remind() skips whoever the ReminderLog says was just reminded.
    return retrying(
        send_acknowledgement_reminders,
        remind,
        policy_id,
        user_ids,
        interval_days,
        attempt=attempt,
    )


def digest(days=7):
    """Send each opted-in person the policy versions published since their last digest."""
    now = timezone.now()
    sent = 0
    preferences = DigestPreference.objects.filter(
        weekly_digest=True, user__is_active=True
    ).select_related("user")
    for pref in preferences:
        user = pref.user
        since = max(
            pref.last_sent_at or now - datetime.timedelta(days=days),
            now - datetime.timedelta(days=days),
        )
        visible = PolicyPage.objects.visible_to(user).values_list("pk", flat=True)
        versions = list(
            PolicyVersion.objects.filter(
                policy_id__in=list(visible), published_at__gt=since, published_at__lte=now
            )
            .select_related("policy")
            .order_by("-published_at", "-pk")
        )
        if versions and user.email:
            for version in versions:
                version.link = absolute_url(version.policy.url)
            body = render_to_string(
                "policies/email/digest.txt", {"user": user, "versions": versions}
            )
            send_mail(f"Policy updates this week ({len(versions)})", body, None, [user.email])
            sent += 1
        pref.last_sent_at = now
        pref.save(update_fields=["last_sent_at"])
    return {"sent": sent}


@task()
def send_policy_digest(days=7, attempt=1):
    # A retry re-sends nobody: each person's last_sent_at moves on as their digest goes out.
    return retrying(send_policy_digest, digest, days, attempt=attempt)
