"""The trust's term dates: the days its schools are closed to pupils (holidays and INSET days).

Kept as rows that trust administrators edit under Snippets, once a year when the local
authority publishes its calendar. The events month view marks these days, and anything that
schedules meetings (the demo trust, for one) can ask `SchoolCalendar` for a school day."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class TermDateQuerySet(models.QuerySet):
    def between(self, first_day, last_day):
        """Entries that overlap the days first_day..last_day inclusive."""
        return self.filter(first_day__lte=last_day, last_day__gte=first_day).order_by(
            "first_day", "pk"
        )


class TermDate(models.Model):
    HOLIDAY, INSET = "holiday", "inset"
    KINDS = [(HOLIDAY, "School holiday"), (INSET, "INSET day (no pupils)")]

    name = models.CharField(max_length=80, help_text="e.g. 'Christmas holiday', 'INSET day'")
    kind = models.CharField(max_length=10, choices=KINDS, default=HOLIDAY)
    first_day = models.DateField()
    last_day = models.DateField(help_text="The same as the first day for a single day")

    objects = TermDateQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
    ]

    class Meta:
        ordering = ["first_day", "pk"]
        verbose_name = "term date"
        verbose_name_plural = "term dates (holidays and INSET days)"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="term_date_ends_after_it_starts",
            )
        ]

    def __str__(self):
        first, last = self.first_day, self.last_day
        if first == last:
            return f"{self.name} ({first.day} {first:%b %Y})"
        return f"{self.name} ({first.day} {first:%b} – {last.day} {last:%b %Y})"

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day cannot be before the first day."})

    @property
    def is_inset(self):
        return self.kind == self.INSET


class SchoolCalendar:
    """Which days of a period are school days, from the term dates loaded once."""

    def __init__(self, first_day, last_day, entries=None):
        if entries is None:
            entries = TermDate.objects.between(first_day, last_day)
        self.closed = {}
        for entry in entries:
            day = max(entry.first_day, first_day)
            while day <= min(entry.last_day, last_day):
                self.closed.setdefault(day, entry)
                day += datetime.timedelta(days=1)

    def closure(self, day):
        """The holiday or INSET day `day` falls in, if any."""
        return self.closed.get(day)

    def is_school_day(self, day):
        """A weekday on which pupils are in school."""
        return day.weekday() < 5 and day not in self.closed

    def next_school_day(self, day, same_weekday=False):
        """`day` if it is a school day, else the next one (a week on, if `same_weekday`)."""
        step = datetime.timedelta(days=7 if same_weekday else 1)
        for _ in range(60):
            if self.is_school_day(day):
                return day
            day += step
        raise ValueError(f"No school day within 60 steps of {day}")
