"""Wagtail report for trust administrators: the share of accessible documents per school."""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from people.visibility import is_trust_admin

from .accessibility import ADVICE
from .models import Resource


def can_see_accessibility_report(user):
    return user.is_active and is_trust_admin(user)


def accessibility_rows(user):
    """[{school, checked, accessible, percent}] over checked documents `user` may see."""
    checked = Resource.objects.listed_for(user).filter(accessible__isnull=False)
    rows = (
        checked.values("school__title")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(accessible=True)))
        .order_by("school__title")
    )
    return [
        {
            "school": row["school__title"] or "Trust central team",
            "checked": row["total"],
            "accessible": row["good"],
            "percent": round(100 * row["good"] / row["total"]) if row["total"] else 0,
        }
        for row in rows
    ]


def common_problems(user):
    counts = Counter()
    findings = (
        Resource.objects.listed_for(user)
        .filter(accessible=False)
        .values_list("accessibility_findings", flat=True)
    )
    for found in findings.iterator():
        counts.update({f.get("code") for f in found or []})
    return [(ADVICE[code][0], n) for code, n in counts.most_common() if code in ADVICE]


def accessibility_report(request):
    if not can_see_accessibility_report(request.user):
        raise PermissionDenied
    rows = accessibility_rows(request.user)
    checked = sum(r["checked"] for r in rows)
    good = sum(r["accessible"] for r in rows)
    return render(
        request,
        "hub/admin_accessibility_report.html",
        {
            "rows": rows,
            "checked": checked,
            "accessible": good,
            "percent": round(100 * good / checked) if checked else 0,
            "problems": common_problems(request.user),
        },
    )
