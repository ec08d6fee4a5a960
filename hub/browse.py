# ruff: noqa: S608 - SQL is assembled from table names and ORM-compiled subqueries; every
# value is passed as a parameter.
"""The queries behind /hub/: filters, sorting, search, facet counts and "new this week".

The visible set (people/visibility.py's `visible_resources`, not withdrawn, narrowed to the
text search's matches) is computed ONCE per request, as a materialised CTE, and one statement
answers from it: the number of results, one page of ids, every facet's counts and the newest
resources. So the number of queries is constant and the visibility subquery runs once however
many resources there are. Each facet is counted over the visible set filtered by every OTHER
active filter, so after choosing Maths the group facet still offers the other groups."""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone
from wagtail import hooks

from people.visibility import visible_resources

from . import browse_cache
from . import facets as hub_facets
from .filters import FACET_KEYS, ResourceFilter
from .models import Resource

# Hook `(user, query, limit) -> [resource id, ...] | None`: how the hub's text search is ranked
# without hub importing search (search sits above hub).
RANK_RESOURCES = "lte_rank_resources"
ORDER = {
    "newest": "created DESC, id DESC",
    "downloads": "downloads DESC, id DESC",
    "schools": "schools DESC, downloads DESC, id DESC",
    "title": "title, id DESC",
}
CHIP_NAMES = {
    "type": "Type",
    "group": "Working group",
    "key_stage": "Key stage or year",
    "school": "School",
    "tag": "Tag",
}
NEW_LIMIT = 5
MAX_PAGE = 100_000


class Ranked(list):
    """What a `lte_rank_resources` hook answers: ids, best first. `fallback` says the search
    service was down and a simpler index answered (the page says so)."""

    fallback = False
    corrected = ""  # a misspelt word found nothing: these ids are for this corrected query


TAG_LIMIT = 25


def _ranked_ids(user, query, limit, exact=False):
    """Ranked ids of the visible resources matching `query`, best first, from the first
    `lte_rank_resources` hook that answers (search registers one: its SQL engines rank with
    bounded SQL), or None: then the hub asks Wagtail's backend directly (`.search()`), which is
    also what happens under Elasticsearch/OpenSearch and when search is not installed."""
    options = {"exact": True} if exact else {}
    for rank in hooks.get_hooks(RANK_RESOURCES):
        ranked = rank(user, query, limit, **options)
        if ranked is not None:
            return ranked
    return None


def _matching_ids(user, base, query, exact=False):
    limit = settings.HUB_SEARCH_FACET_LIMIT
    ranked = _ranked_ids(user, query, limit, exact)
    if ranked is None:
        found = Resource.objects.filter(pk__in=base.values("pk")).search(query)
        ranked = [r.pk for r in found[:limit]]
    return ranked


class _Window(Sequence):
    """The paginator's view of the results: their number, and the ids of the one page fetched."""

    def __init__(self, total, start, ids):
        self.total, self.start, self.ids = total, start, ids

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.ids[index.start - self.start : index.stop - self.start]
        return self.ids[index - self.start]


class Browse:
    """One /hub/ request: `run()` answers everything the page shows."""

    def __init__(self, user, data, per_page=None):
        self.user = user
        self.filterset = ResourceFilter(data or None, queryset=Resource.objects.none())
        self.query = self.filterset.value("q")
        sort = self.filterset.value("sort") or ("relevance" if self.query else "newest")
        self.sort = "newest" if sort == "relevance" and not self.query else sort
        self.selected = self.filterset.selected()
        self.filtering = bool(self.query) or any(self.selected.values())
        self.per_page = per_page or settings.HUB_PAGE_SIZE
        self.R = ContentType.objects.get_for_model(Resource).pk
        self.fallback = False
        # "Search instead for" what was typed: no spelling correction.
        self.exact = (data or {}).get("exact") == "1"
        self.corrected = ""

    def statement(self, offset):
        """(SQL, params) of the one statement: rows ('all', '', n), (facet key, id, n),
        ('hit', id, position) and ('new', id, position)."""
        base = visible_resources(self.user).filter(withdrawn=False)
        if self.query:
            ranked = _matching_ids(self.user, base, self.query, self.exact)
            self.fallback = getattr(ranked, "fallback", False)
            self.corrected = getattr(ranked, "corrected", "")
            self.ranked = {pk: i for i, pk in enumerate(ranked)}
            # No match: an id no row has (an empty IN list has no SQL to embed).
            base = base.filter(pk__in=ranked or [0])
        # Only the columns this sort needs are copied into the visible set (each is copied
        # for every visible resource).
        columns = ["pk", "resource_type_id", "school_id", "created_at"]
        names = ["id", "rtype", "school", "created"]
        if self.sort in ("downloads", "schools"):
            columns.append("download_count")
            names.append("downloads")
        if self.sort == "title":
            columns.append("title")
            names.append("title")
        if self.sort == "schools":
            # Counted only for this sort: a subquery per visible resource (hub.models).
            base = base.with_school_usage(self.user)
            columns.append("schools_using")
            names.append("schools")
        base_sql, params = base.order_by().values(*columns).query.sql_with_params()
        params = list(params)
        preds = {}
        for key, ids in self.filterset.predicates().items():
            sql, p = ids.order_by().query.sql_with_params()
            preds[key] = (f"id IN ({sql})", list(p))

        def where(skip=None):
            chosen = [v for k, v in preds.items() if k != skip]
            if not chosen:
                return "", []
            return " WHERE " + " AND ".join(c for c, _ in chosen), [x for _, p in chosen for x in p]

        # Unfiltered, the visible set is itself `m` (a second CTE over it would be copied
        # again, as a CTE used more than once is materialised).
        visible = "mb" if preds else "m"
        ctes = [f"{visible} ({', '.join(names)}) AS MATERIALIZED ({base_sql})"]
        if preds:
            sql, p = where()
            ctes.append(f"m AS (SELECT * FROM mb{sql})")
            params += p
        src = {}
        for key in hub_facets.KEYS:
            if key in preds:
                sql, p = where(skip=key)
                ctes.append(f"f_{key} AS (SELECT * FROM mb{sql})")
                params += p
                src[key] = f"f_{key}"
            else:
                src[key] = "m"
        parts = ["SELECT 'all', '', COUNT(*) FROM m"]
        facet_parts, facet_params = hub_facets.facet_parts(self.R, src)
        parts += facet_parts
        params += facet_params
        if self.sort == "relevance":
            parts.append("SELECT 'hit', CAST(id AS varchar(20)), 0 FROM m")
        else:
            order = ORDER[self.sort]
            parts.append(
                f"SELECT 'hit', CAST(id AS varchar(20)), ROW_NUMBER() OVER (ORDER BY {order}) "
                f"FROM (SELECT * FROM m ORDER BY {order} LIMIT %s OFFSET %s) h"
            )
            params += [self.per_page, offset]
        if not self.filtering:
            since = timezone.now() - datetime.timedelta(days=7)
            parts.append(
                "SELECT 'new', CAST(id AS varchar(20)), ROW_NUMBER() OVER (ORDER BY "
                f"created DESC, id DESC) FROM (SELECT * FROM m WHERE created >= %s "
                f"ORDER BY created DESC, id DESC LIMIT {NEW_LIMIT}) n"
            )
            params.append(connection.ops.adapt_datetimefield_value(since))
        return "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(parts), params

    def fetch(self, number):
        """(total, offset, page ids, new ids, facet rows), from the cache when the hub has not
        changed since this viewer asked the same (hub.browse_cache)."""
        cache_key = browse_cache.key(self.user, self, number)
        kept = browse_cache.get(cache_key)
        if kept is not None:
            answer, self.corrected = kept  # the ids were found for that corrected query
            return answer
        answer = self._fetch(number)
        if not self.fallback:  # a stand-in engine's answer is not kept
            browse_cache.put(cache_key, (answer, self.corrected))
        return answer

    def _fetch(self, number):
        offset = (number - 1) * self.per_page
        sql, params = self.statement(offset)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        total = sum(n for f, _v, n in rows if f == "all")
        hits = sorted((n, int(v)) for f, v, n in rows if f == "hit")
        ids = [pk for _n, pk in hits]
        if self.sort == "relevance":
            ids.sort(key=lambda pk: self.ranked.get(pk, 0))
            offset = 0
        new = [int(v) for _n, v in sorted((n, v) for f, v, n in rows if f == "new")]
        facet_rows = [r for r in rows if r[0] not in ("all", "hit", "new")]
        return total, offset, ids, new, facet_rows

    def run(self, page_param):
        try:
            # Bounded: a page number past the end shows the last page, and one past any real
            # hub must not become an OFFSET the database cannot hold (PostgreSQL's bigint).
            number = min(max(1, int(page_param)), MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            number = 1
        total, offset, ids, new, facet_rows = self.fetch(number)
        page = Paginator(_Window(total, offset, ids), self.per_page).get_page(page_param)
        if page.number != number and self.sort != "relevance":  # past the end: the last page
            total, offset, ids, new, facet_rows = self.fetch(page.number)
            page = Paginator(_Window(total, offset, ids), self.per_page).get_page(page.number)
        page_ids = list(page.object_list)
        # Asked again of the visibility rules: the ids may come from the cache.
        rows = (
            visible_resources(self.user, Resource.objects.filter(pk__in=page_ids + new))
            .filter(withdrawn=False)
            .select_related("resource_type", "school")
            .defer("extracted_text")
        )
        by_id = {r.pk: r for r in rows}
        return {
            "page_obj": page,
            "items": [by_id[i] for i in page_ids if i in by_id],
            "new_this_week": [by_id[i] for i in new if i in by_id],
            "facets": self.facets(facet_rows),
        }

    def facets(self, rows):
        """{URL name: [(value, label, count)]} in the hub's order; a chosen value that counts
        nothing is kept (with 0) so that it can still be unticked."""
        counts = hub_facets.tally(rows)
        found = hub_facets.labelled(counts, hub_facets.specs(rtype_order="sort_order"))
        out = {}
        for name, key in FACET_KEYS.items():
            values = found.get(key, [])
            if key == "tag":
                values = sorted(values, key=lambda v: (-v[2], v[1].lower()))[:TAG_LIMIT]
            else:
                values = sorted(values, key=lambda v: (v[3], v[1].lower()))
            listed = [(value, label, n) for value, label, n, _o in values]
            shown = {v for v, _l, _n in listed}
            listed += [(v, v, 0) for v in self.selected[name] if v not in shown]
            out[name] = listed
        return out


def related_resources(user, resource, limit=5):
    group_ids = list(resource.working_groups.values_list("pk", flat=True))
    qs = visible_resources(user).filter(withdrawn=False).exclude(pk=resource.pk)
    if group_ids:
        candidates = qs.filter(working_groups__in=group_ids)
    elif resource.resource_type_id:
        candidates = qs.filter(resource_type_id=resource.resource_type_id)
    else:
        candidates = qs.filter(subject=resource.subject) if resource.subject else qs.none()
    ids = candidates.values("pk")
    return (
        Resource.objects.filter(pk__in=ids)
        .select_related("resource_type")
        .defer("extracted_text")
        .order_by("-download_count", "-created_at", "-pk")[:limit]
    )
