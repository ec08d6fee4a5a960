"""The events list's filter (`/events/?category=`)."""

import django_filters


class EventFilter(django_filters.FilterSet):
    """Filters a queryset of EventPage; the category choices are the events' own."""

    category = django_filters.ChoiceFilter(label="Show", empty_label="All events")

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["category"].extra["choices"] = queryset.model.CATEGORIES
