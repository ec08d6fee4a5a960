"""Admin report: the most frequent searches and the searches that found nothing."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from people.visibility import is_trust_admin

from .models import SearchLog

PERIODS = {"7": 7, "30": 30, "365": 365}


def can_see_report(user):
    return user.is_active and (
        is_trust_admin(user) or user.has_perm("intranet_search.view_searchlog")
    )


def search_report(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    days = PERIODS.get(request.GET.get("days", "30"), 30)
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    logs = SearchLog.objects.filter(day__gte=since).values("query")
    frequent = logs.annotate(
        searches=Sum("hits"), empty=Sum("zero_hits"), last=Max("day")
    ).order_by("-searches", "query")[:50]
    no_results = (
        logs.annotate(empty=Sum("zero_hits"), searches=Sum("hits"), last=Max("day"))
        .filter(empty__gt=0)
        .order_by("-empty", "query")[:50]
    )
    return render(
        request,
        "search/admin_report.html",
        {
            "frequent": frequent,
            "no_results": no_results,
            "days": days,
            "periods": sorted(PERIODS.values()),
        },
    )
