"""The queries behind /hub/: filters, sorting, search and facet counts.

Everything starts from `visible_resources`, and every count is taken over that set only, so a
facet can never reveal that a hidden resource exists. The number of queries does not grow with
the number of resources: one GROUP BY per facet."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone
from taggit.models import TaggedItem

from people.visibility import visible_resources

from .models import Resource

SORTS = {
    "newest": ("-created_at", "Newest first"),
    "downloads": ("-download_count", "Most downloaded"),
    "title": ("title", "A–Z"),
}
FILTER_PARAMS = ("type", "group", "key_stage", "school", "tag")


def filtered_queryset(user, params):
    """Visible, not withdrawn resources matching the filter parameters (no text search)."""
    qs = visible_resources(user).filter(withdrawn=False)
    if params.get("type"):
        qs = qs.filter(resource_type__slug=params["type"])
    if params.get("group"):
        qs = qs.filter(working_groups__slug=params["group"])
    key_stage = params.get("key_stage") or params.get("year")
    if key_stage:
        qs = qs.filter(key_stages__code=key_stage)
    if params.get("school"):
        qs = qs.filter(school__slug=params["school"])
    if params.get("tag"):
        qs = qs.filter(tags__name=params["tag"])
    return qs


def run_query(user, params):
    """(results, ids_for_facets, sort, query, fallback) where results is a queryset or Wagtail
    search results, and fallback says the search cluster was down (the database answered)."""
    query = (params.get("q") or "").strip()
    sort = params.get("sort") or ("relevance" if query else "newest")
    if sort not in SORTS and not (sort == "relevance" and query):
        sort = "newest"
    # One pk subquery: the search backends accept it where they refuse m2m filters.
    ids = filtered_queryset(user, params).values("pk")
    base = Resource.objects.filter(pk__in=ids)
    if not query:
        # The list never shows extracted_text, which can be large: leave it in the database.
        results = (
            base.select_related("resource_type", "school")
            .defer("extracted_text")
            .order_by(SORTS[sort][0], "-pk")
        )
        return results, ids, sort, query, False
    fallback = False
    limit = settings.HUB_SEARCH_FACET_LIMIT
    ranked = _ranked_ids(user, query, limit)
    if ranked is None:
        try:
            return _cluster_query(base, query, sort, limit)
        except _unreachable():
            # The search cluster is down: rank from the database's index, and say so.
            ranked, fallback = _ranked_ids(user, query, limit, fallback=True), True
    if ranked is not None:
        # The search engine ranks over Wagtail's index with bounded SQL; the hub's filters then
        # narrow its ranked ids. The list holds ids only; the view loads one page of rows.
        if sort == "relevance":
            allowed = set(base.filter(pk__in=ranked).values_list("pk", flat=True))
            matched = [pk for pk in ranked if pk in allowed]
        else:
            matched = list(
                base.filter(pk__in=ranked)
                .order_by(SORTS[sort][0], "-pk")
                .values_list("pk", flat=True)
            )
        return matched, matched, sort, query, fallback


def _cluster_query(base, query, sort, limit):
    """Wagtail's backend (Elasticsearch/OpenSearch) queried directly."""
    if sort == "relevance":
        results = base.search(query)
    else:
        results = base.order_by(SORTS[sort][0]).search(query, order_by_relevance=False)
    matched = [r.pk for r in base.search(query, order_by_relevance=False)[:limit]]
    return results, matched, sort, query, False


def _unreachable():
    from search.engine import search_unreachable_errors

    return search_unreachable_errors()


def _ranked_ids(user, query, limit, fallback=False):
    """Ranked resource ids from the SQL search engines, or None where the engine is Wagtail's
    own backend (Elasticsearch/OpenSearch), which the hub then queries directly; `fallback`
    asks the database's index whatever the settings say."""
    from search.engine import database_engine, get_engine

    engine = database_engine() if fallback else get_engine()
    ranked = getattr(engine, "ranked_resource_ids", None)
    return None if ranked is None else ranked(user, query, limit)


def facet_counts(ids):
    """Counts per type, group, key stage, school and tag over the given resource ids."""
    through_groups = Resource.working_groups.through
    through_stages = Resource.key_stages.through
    in_set = Resource.objects.filter(pk__in=ids)
    types = (
        in_set.exclude(resource_type=None)
        .values("resource_type__slug", "resource_type__name", "resource_type__sort_order")
        .annotate(n=Count("pk"))
        .order_by("resource_type__sort_order", "resource_type__name")
    )
    schools = (
        in_set.exclude(school=None)
        .values("school__slug", "school__title")
        .annotate(n=Count("pk"))
        .order_by("school__title")
    )
    groups = (
        through_groups.objects.filter(resource_id__in=ids)
        .values("workinggrouppage__slug", "workinggrouppage__title")
        .annotate(n=Count("resource_id"))
        .order_by("workinggrouppage__title")
    )
    stages = (
        through_stages.objects.filter(resource_id__in=ids)
        .values("keystage__code", "keystage__name", "keystage__sort_order")
        .annotate(n=Count("resource_id"))
        .order_by("keystage__sort_order")
    )
    content_type = ContentType.objects.get_for_model(Resource)
    tags = (
        TaggedItem.objects.filter(content_type=content_type, object_id__in=ids)
        .values("tag__name")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__name")[:25]
    )
    return {
        "type": [(r["resource_type__slug"], r["resource_type__name"], r["n"]) for r in types],
        "group": [
            (r["workinggrouppage__slug"], r["workinggrouppage__title"], r["n"]) for r in groups
        ],
        "key_stage": [(r["keystage__code"], r["keystage__name"], r["n"]) for r in stages],
        "school": [(r["school__slug"], r["school__title"], r["n"]) for r in schools],
        "tag": [(r["tag__name"], r["tag__name"], r["n"]) for r in tags],
    }


def new_this_week(user, limit=5):
    since = timezone.now() - datetime.timedelta(days=7)
    return (
        visible_resources(user)
        .filter(withdrawn=False, created_at__gte=since)
        .select_related("resource_type")
        .defer("extracted_text")
        .order_by("-created_at", "-pk")[:limit]
    )


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
