"""Querysets for the trust's pages, so views, feeds and the dashboard ask the same way.

`visible_to(user)` is the permission API for pages (people/visibility.py holds the rule)."""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.query import PageQuerySet

from people.visibility import visible_pages


class TrustPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live pages of this queryset that `user` may read."""
        return visible_pages(user, self)


class WorkingGroupQuerySet(TrustPageQuerySet):
    def joined_by(self, user):
        """Groups `user` is a member or a lead of."""
        if not user.is_authenticated:
            return self.none()
        return (
            self.filter(Q(members__user=user) | Q(lead_group__user=user))
            .distinct()
            .order_by("title", "pk")
        )


class NewsQuerySet(TrustPageQuerySet):
    def latest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk").select_related(
            "group", "school"
        )


class EventQuerySet(TrustPageQuerySet):
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
