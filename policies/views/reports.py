"""Acknowledgement reports: the trust grid, one policy by school, CSV exports, reminders."""

from collections import OrderedDict

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus

from pages.models import SchoolPage
from people.jobs import enqueue_after_commit
from people.spreadsheets import csv_response

from .. import services
from ..forms import REMINDER_INTERVALS, ReminderForm
from ..permissions import access_for
from ..tasks import send_acknowledgement_reminders
from .common import check_view, load, report_schools, report_scope


def _completion_data(request, index):
    allowed = report_schools(request)
    schools = (
        allowed if allowed is not None else list(SchoolPage.objects.live().order_by("title", "pk"))
    )
    policies = [
        p
        for p in services.visible_policies(request.user).child_of(index).order_by("title", "pk")
        if (v := services.required_version(p)) is not None and v.requires_acknowledgement
    ]
    grid = services.trust_overview(policies, schools)
    rows = [(p, [grid[p.pk][s.pk] for s in schools]) for p in policies]
    return schools, rows


def completion(request, index):
    schools, rows = _completion_data(request, index)
    return index.render(
        request,
        template="policies/completion.html",
        context_overrides={"schools": schools, "rows": rows, "access": access_for(request)},
    )


def completion_csv(request, index):
    _schools, rows = _completion_data(request, index)
    return csv_response(
        "policy-acknowledgements.csv",
        ["policy", "version", "school", "must read", "acknowledged", "outstanding", "percent"],
        (
            [
                policy.title,
                services.required_version(policy).number,
                cell.school.title,
                cell.required,
                cell.done,
                cell.outstanding,
                "" if cell.percent is None else cell.percent,
            ]
            for policy, cells in rows
            for cell in cells
        ),
    )


def _grouped(rows):
    groups = OrderedDict()
    for row in rows:
        groups.setdefault(row.school.title if row.school else "Trust central team", []).append(row)
    return list(groups.items())


def policy_report(request, policy):
    check_view(request, policy)
    access = access_for(request)
    school = report_scope(request)
    version, rows, totals = services.policy_report(load(policy), school)
    done = sum(1 for r in rows if r.done)
    return policy.render(
        request,
        template="policies/report.html",
        context_overrides={
            "school": school,
            "version": version,
            "groups": _grouped(rows),
            "totals": sorted(totals.values(), key=lambda t: t.school.title if t.school else "~"),
            "required": len(rows),
            "done": done,
            "percent": round(100 * done / len(rows)) if rows else None,
            "outstanding": [r for r in rows if not r.done],
            "intervals": REMINDER_INTERVALS,
            "access": access,
            "schools": SchoolPage.objects.live().order_by("title", "pk") if access.is_admin else [],
        },
    )


def policy_report_csv(request, policy):
    check_view(request, policy)
    school = report_scope(request)
    _version, rows, _totals = services.policy_report(load(policy), school)
    return csv_response(
        f"{policy.slug}-{school.slug if school else 'all-schools'}-acknowledgements.csv",
        [
            "school",
            "name",
            "username",
            "job role",
            "status",
            "acknowledged version",
            "acknowledged at",
        ],
        (
            [
                row.school.title if row.school else "Trust central team",
                row.name,
                row.user.get_username(),
                row.user.profile.get_job_role_display(),
                "acknowledged" if row.done else "outstanding",
                row.version_number if row.done else "",
                row.acknowledged_at.isoformat(timespec="minutes") if row.acknowledged_at else "",
            ]
            for row in rows
        ),
    )


@require_POST
def remind(request, policy):
    check_view(request, policy)
    school = report_scope(request)
    _version, rows, _totals = services.policy_report(load(policy), school)
    outstanding = [r.user.pk for r in rows if not r.done]
    form = ReminderForm(request.POST)
    interval = form.cleaned_data["interval"] if form.is_valid() else 7
    result = enqueue_after_commit(
        send_acknowledgement_reminders,
        policy_id=policy.pk,
        user_ids=outstanding,
        interval_days=interval,
    )
    if (
        result is not None
        and result.status == TaskResultStatus.SUCCESSFUL
        and isinstance(result.return_value, dict)
    ):
        counts = result.return_value
        messages.success(
            request,
            f"Reminders sent: {counts['sent']}. Not sent again (reminded in the last "
            f"{dict(REMINDER_INTERVALS)[interval]}): {counts['skipped']}.",
        )
    else:
        messages.success(request, f"Reminders queued for {len(outstanding)} people.")
    target = policy.url + "acknowledgements/"
    return redirect(target + (f"?school={school.slug}" if school else ""))


def _drift_data(request, index):
    allowed = report_schools(request)
    schools = (
        allowed if allowed is not None else list(SchoolPage.objects.live().order_by("title", "pk"))
    )
    policies = list(services.visible_policies(request.user).child_of(index).order_by("title", "pk"))
    return schools, services.drift_grid(policies, schools)


def drift(request, index):
    """Each school's standing against each model policy (heads: their own school, read-only)."""
    schools, rows = _drift_data(request, index)
    return index.render(
        request,
        template="policies/drift.html",
        context_overrides={"schools": schools, "rows": rows, "access": access_for(request)},
    )


def drift_csv(request, index):
    _schools, rows = _drift_data(request, index)
    return csv_response(
        "policy-drift.csv",
        [
            "policy",
            "statutory",
            "model version",
            "school",
            "status",
            "based on version",
            "changes to review",
            "oldest undecided change (days)",
            "declined changes",
        ],
        (
            [
                policy.title,
                "yes" if policy.statutory else "no",
                getattr(services.current_version(policy), "number", ""),
                cell.school.title,
                cell.label,
                cell.adaptation.base_version.number if cell.adaptation else "",
                cell.pending,
                "" if cell.oldest_days is None else cell.oldest_days,
                "; ".join(cell.reasons),
            ]
            for policy, cells in rows
            for cell in cells
        ),
    )
