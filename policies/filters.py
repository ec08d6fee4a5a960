"""The policy list's filters (`/policies/?area=&statutory=&review=&school=`)."""

import datetime

import django_filters
from django.utils import timezone

from pages.models import SchoolPage

from .models import AREAS, REVIEW_SOON_DAYS, PolicyPage


class PolicyFilter(django_filters.FilterSet):
    area = django_filters.ChoiceFilter(choices=AREAS, empty_label="All areas")
    statutory = django_filters.ChoiceFilter(
        choices=[("yes", "Statutory only"), ("no", "Non-statutory only")],
        empty_label="Statutory and not",
        method="filter_statutory",
    )
    review = django_filters.ChoiceFilter(
        label="Review",
        choices=[
            ("due", f"Overdue or due in {REVIEW_SOON_DAYS} days"),
            ("overdue", "Overdue only"),
        ],
        empty_label="Any review date",
        method="filter_review",
    )
    # Not a filter of the list: which school's adoption status the table shows beside it.
    school = django_filters.ModelChoiceFilter(
        label="Show status for school",
        queryset=SchoolPage.objects.live().order_by("title", "pk"),
        to_field_name="slug",
        empty_label="No school",
        method="keep_all",
    )

    class Meta:
        model = PolicyPage
        fields = ["area"]

    def filter_statutory(self, queryset, name, value):
        return queryset.filter(statutory=value == "yes")

    def filter_review(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(next_review_date__lt=today)
        horizon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        return queryset.filter(next_review_date__lte=horizon)

    def keep_all(self, queryset, name, value):
        return queryset

    @property
    def chosen_school(self):
        if not self.is_bound:
            return None
        self.form.is_valid()  # cleans every field: a bad `area` must not hide a good `school`
        return self.form.cleaned_data.get("school")
