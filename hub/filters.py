"""The hub's filters as a django-filter FilterSet: one name per filter, shared with /search/
(architecture.md: q, type, group, key_stage, year, school, tag, sort). Each filter takes several
values (`?group=maths&group=send`: any of them); values are slugs (codes for key stages).

Each filter narrows by a pk subquery on its link table, so the hub can apply every filter but
one to count that one's facet (`predicates`)."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from taggit.models import TaggedItem

from .models import Resource

SORTS = {
    "newest": ("-created_at", "Newest first"),
    "downloads": ("-download_count", "Most downloaded"),
    "schools": ("-schools_using", "Most used across schools"),
    "title": ("title", "A–Z"),
}
# URL name -> facet key in hub.facets (the same keys search counts).
FACET_KEYS = {
    "type": "rtype",
    "group": "group",
    "key_stage": "ks",
    "school": "school",
    "tag": "tag",
}


class AnyValues(forms.MultipleChoiceField):
    """Any short values (slugs), not a fixed list: an unknown one simply matches nothing, as a
    link to a removed group should. NUL and very long values are refused (and then ignored)."""

    def valid_value(self, value):
        return 0 < len(value) <= 80 and "\x00" not in value


class ValuesFilter(django_filters.MultipleChoiceFilter):
    field_class = AnyValues


def _ids(**lookup):
    return Resource.objects.filter(**lookup).values("pk")


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="keep", max_length=200, strip=True)
    type = ValuesFilter(method="by_type", label="Type")
    group = ValuesFilter(method="by_group", label="Working group")
    key_stage = ValuesFilter(method="by_key_stage", label="Key stage or year")
    # `year` is the same filter under the name older links use (a year is a key-stage code).
    year = ValuesFilter(method="by_key_stage", label="Year")
    school = ValuesFilter(method="by_school", label="School")
    tag = ValuesFilter(method="by_tag", label="Tag")
    accessible = django_filters.BooleanFilter(
        method="keep", label="Accessible documents only", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        method="keep",
        choices=[("relevance", "Best match")] + [(k, label) for k, (_o, label) in SORTS.items()],
        empty_label=None,
    )

    class Meta:
        model = Resource
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # q and sort are applied by hub.browse (ranking, ordering)

    @staticmethod
    def by_type(queryset, name, values):
        return queryset.filter(pk__in=_ids(resource_type__slug__in=values))

    @staticmethod
    def by_group(queryset, name, values):
        through = Resource.working_groups.through
        return queryset.filter(
            pk__in=through.objects.filter(workinggrouppage__slug__in=values).values("resource_id")
        )

    @staticmethod
    def by_key_stage(queryset, name, values):
        through = Resource.key_stages.through
        return queryset.filter(
            pk__in=through.objects.filter(keystage__code__in=values).values("resource_id")
        )

    @staticmethod
    def by_school(queryset, name, values):
        return queryset.filter(pk__in=_ids(school__slug__in=values))

    @staticmethod
    def by_tag(queryset, name, values):
        # Slugs (what the facets link to) or names (older links).
        tagged = TaggedItem.objects.filter(
            Q(tag__slug__in=values) | Q(tag__name__in=values),
            content_type=ContentType.objects.get_for_model(Resource),
        )
        return queryset.filter(pk__in=tagged.values("object_id"))

    # -- what hub.browse reads --
    def value(self, name):
        if not self.is_bound:
            return [] if name not in ("q", "sort", "accessible") else ""
        self.errors  # noqa: B018 - runs validation; invalid fields are left out below
        empty = [] if name not in ("q", "sort", "accessible") else ""
        return self.form.cleaned_data.get(name) or empty

    def selected(self):
        """{URL name: [values]} of the active filters (`year` folded into `key_stage`)."""
        out = {name: list(self.value(name)) for name in FACET_KEYS}
        out["key_stage"] += [v for v in self.value("year") if v not in out["key_stage"]]
        return out

    def predicates(self):
        """{facet key: queryset of the resource ids its active filter allows}; a filter with no
        facet of its own ("accessible") narrows every facet."""
        out = {}
        if self.value("accessible"):
            out["accessible"] = Resource.objects.filter(accessible=True).values("pk")
        for name, values in self.selected().items():
            if values:
                method = getattr(self, self.filters[name].method)
                out[FACET_KEYS[name]] = method(Resource.objects.all(), name, values).values("pk")
        return out
