"""Wagtail report for trust administrators: the share of accessible documents per school, and
how many hub resources each school's staff used (downloaded or adapted)."""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from pages.models import SchoolPage
from people.visibility import is_trust_admin

from .accessibility import ADVICE
from .models import Resource
from .usage import usage_by_school


def can_see_accessibility_report(user):
    return user.is_active and is_trust_admin(user)


def accessibility_rows(user):
    """[{school_id, school, checked, accessible, percent}] for every school (and the central
    team when it has documents), over checked documents `user` may see."""
    checked = Resource.objects.listed_for(user).filter(accessible__isnull=False)
    counts = {
        row["school_id"]: row
        for row in checked.values("school_id")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(accessible=True)))
        .order_by()
    }
    schools = [(s.pk, s.title) for s in SchoolPage.objects.live().order_by("title", "pk")]
    if None in counts:
        schools.append((None, "Trust central team"))
    rows = []
    for school_id, title in schools:
        row = counts.get(school_id, {"total": 0, "good": 0})
        rows.append(
            {
                "school_id": school_id,
                "school": title,
                "checked": row["total"],
                "accessible": row["good"],
                "percent": round(100 * row["good"] / row["total"]) if row["total"] else 0,
            }
        )
    return rows


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
    used = usage_by_school(request.user)
    for row in rows:
        row["used"] = used.get(row["school_id"], 0)
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
