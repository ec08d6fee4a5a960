"""`/search/?q=`: one search over pages, policies and hub resources; `?ac=1` (or
/search/autocomplete/) answers the header box's autocomplete with JSON."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from people.visibility import visible_pages

from .engine import DATE_BUCKETS, FILTER_LABELS, get_engine
from .filters import SORTS, URL_NAMES, SearchFilter, renamed
from .tasks import log_search


def _int(value, default=1):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def promotions(user, query):
    """Editors' picks for this query that this user may open (pages are visibility-checked;
    external links are shown as they are)."""
    picks = (
        # Read only: Query.get() would create the query's row inside the request.
        list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
            .select_related("page")
            .order_by("sort_order")
        )
        if query
        else []
    )
    page_ids = [p.page_id for p in picks if p.page_id]
    visible = (
        set(visible_pages(user).filter(pk__in=page_ids).values_list("pk", flat=True))
        if page_ids
        else set()
    )
    out = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in visible:
                out.append(
                    {
                        "title": pick.page.title,
                        "url": pick.page.url,
                        "description": pick.description,
                    }
                )
        elif getattr(pick, "external_link_url", ""):
            out.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return out


def _url(params, **changes):
    merged = {k: v for k, v in params.items() if v}
    for key, value in changes.items():
        if value:
            merged[key] = value
        else:
            merged.pop(key, None)
    merged.pop("page", None) if "page" not in changes else None
    return "?" + urlencode(merged)


@never_cache
def search(request):
    if request.GET.get("ac") is not None:
        return autocomplete(request)
    params = renamed(request.GET)
    if params is not None:  # a link from before /hub/ and /search/ shared their names
        return redirect(f"{request.path}?{params.urlencode()}", permanent=True)
    filterset = SearchFilter(request.GET or None)
    query = request.GET.get("q", "").strip()[:200]
    filters = filterset.engine_filters()
    sort = filterset.value("sort") or "relevance"
    page = _int(request.GET.get("page"))
    exact = request.GET.get("exact") == "1"
    results, picks = None, []
    active = {URL_NAMES[k]: v for k, v in filters.active().items()}
    params = {"q": query, **active, "sort": sort if sort != "relevance" else ""}
    if query:
        results = get_engine().search(
            request.user, query, filters, sort=sort, page=page, request=request, exact=exact
        )
        if page == 1:
            picks = promotions(request.user, query)
            if not filters.active():
                # Counted by the worker: no write in the request (search/tasks.py).
                log_search(query, results.total + len(picks), timezone.localdate())
        for facet in results.facets:
            for value in facet.values:
                name = URL_NAMES[facet.key]
                value.url = _url(params, **{name: "" if value.selected else value.value})
        for relax in results.relax:
            relax["url"] = _url(params, **{URL_NAMES[relax["key"]]: ""})
    context = {
        "query": query,
        "results": results,
        "promotions": picks,
        "filters": filters,
        "hidden_filters": list(active.items()),
        "active_filters": [
            {"label": FILTER_LABELS[k], "value": v, "url": _url(params, **{URL_NAMES[k]: ""})}
            for k, v in filters.active().items()
        ],
        "sort": sort,
        "sorts": [
            {
                "value": k,
                "label": v,
                "url": _url(params, sort=k if k != "relevance" else ""),
                "selected": k == sort,
            }
            for k, v in SORTS.items()
        ],
        "exact_url": (_url(params, exact="1") if results and results.corrected else ""),
        "suggestion_url": (
            _url(params, q=results.suggestion) if results and results.suggestion else ""
        ),
        "date_buckets": DATE_BUCKETS,
    }
    return render(request, "search/search.html", context)


@never_cache
def autocomplete(request):
    query = request.GET.get("q", "").strip()[:100]
    items = get_engine().autocomplete(request.user, query, request=request) if query else []
    return JsonResponse({"query": query, "results": items})
