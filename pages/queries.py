"""Querysets for the trust's dated content, so views and the dashboard ask the same way."""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.query import PageQuerySet


class NewsQuerySet(PageQuerySet):
    def latest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk").select_related(
            "group", "school"
        )


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        start_of_today = timezone.make_aware(
            datetime.datetime.combine(timezone.localdate(), datetime.time.min)
        )
        return (
            self.filter(Q(end__gte=start_of_today) | Q(end__isnull=True, start__gte=start_of_today))
            .order_by("start", "pk")
            .select_related("school", "group")
        )

    def between(self, first_day, last_day):
        """Events overlapping the days first_day..last_day inclusive, in local time."""
        start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))
        end = timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.max))
        return (
            self.filter(start__lte=end)
            .filter(Q(end__gte=start) | Q(end__isnull=True, start__gte=start))
            .order_by("start", "pk")
        )
