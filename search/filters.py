"""The search page's filters: the hub's FilterSet (the same names: type, group, key_stage,
year, school, tag, q, sort) plus what only search has, `kind` (resource, policy, news, event,
page) and `date`. Before the names were shared, /search/ called the resource type `rtype`, the
key stage `ks` and the kind `type`; `renamed` turns such a query string into today's names."""

import django_filters
from django.http import QueryDict

from hub.filters import ResourceFilter

from .engine import DATE_BUCKETS, KIND_LABELS, Filters

SORTS = {"relevance": "Relevance", "date": "Newest first"}
# Facet key in search.engine -> name in the URL.
URL_NAMES = {
    "type": "kind",
    "rtype": "type",
    "group": "group",
    "ks": "key_stage",
    "school": "school",
    "tag": "tag",
    "date": "date",
}
# Kinds that no resource type shares a slug with: `type=<one of these>` is an old link.
# (`type=policy` is also the resource type Policy and is read as that.)
OLD_KINDS = set(KIND_LABELS) - {"policy"}


class SearchFilter(ResourceFilter):
    kind = django_filters.ChoiceFilter(method="keep", choices=list(KIND_LABELS.items()))
    date = django_filters.ChoiceFilter(
        method="keep", choices=[(key, label) for key, label, _days in DATE_BUCKETS]
    )
    sort = django_filters.ChoiceFilter(method="keep", choices=list(SORTS.items()), empty_label=None)

    class Meta(ResourceFilter.Meta):
        pass

    def engine_filters(self):
        """The engine's Filters (one value per filter: search's facets choose one)."""
        selected = self.selected()
        values = {key: (selected.get(name) or [""])[0] for key, name in URL_NAMES.items()}
        values["type"] = self.value("kind")
        values["date"] = self.value("date")
        return Filters(**values)


def renamed(data):
    """The query string with old names replaced, or None when it uses none."""
    old_kind = data.get("type") in OLD_KINDS and "kind" not in data
    if not (old_kind or "rtype" in data or "ks" in data):
        return None
    params = QueryDict(mutable=True)
    for key, values in data.lists():
        if key == "type" and old_kind:
            key = "kind"
        elif key == "rtype":
            key = "type"
        elif key == "ks":
            key = "key_stage"
        params.setlist(key, params.getlist(key) + values)
    return params
