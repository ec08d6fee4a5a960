"""Wagtail engine: Elasticsearch / OpenSearch (and SQLite without FTS5) through Wagtail's own
`.search()` on the visible querysets (`pk__in` subqueries) and `.facet()`."""

import logging

from django.utils import timezone

from .. import highlight
from ..query import ParsedQuery
from .content import synonym_groups
from .facets import make_facet
from .hits import resource_hit
from .request import SearchRequest
from .scope import Scope
from .types import KIND_LABELS, Filters, Hit, Results

logger = logging.getLogger(__name__)


class WagtailEngine:
    """Elasticsearch / OpenSearch (and SQLite without FTS5): Wagtail's own `.search()` on the
    visible querysets, merged by score; facets with `.facet()`."""

    name = "wagtail"

    def _searches(self, user, text, filters):
        scope = Scope(user, filters)
        out = []
        resources = scope.resources()
        if resources is not None:
            out.append(("resource", resources))
        pages = scope.pages()
        if pages is not None:
            out.append(("page", pages))
        return scope, out

    def count(self, user, text, filters=None):
        _, searches = self._searches(user, text, filters or Filters())
        return sum(qs.search(text).count() for _, qs in searches)

    def search(self, user, text, filters=None, **options):
        return self.execute(SearchRequest(user, text, filters or Filters(), **options))

    def execute(self, req):
        user, text, filters, sort = req.user, req.text, req.filters, req.sort
        page, per_page, request, with_facets = req.page, req.per_page, req.request, req.with_facets
        parsed = ParsedQuery(text, synonym_groups())
        if not parsed:
            return Results(text, [], 0, [], engine=self.name)
        expanded = " ".join(" ".join(" ".join(a) for a in c) for c in parsed.clauses)
        scope, searches = self._searches(user, text, filters)
        regex = highlight.terms_regex(parsed.highlight_terms())
        scored, total, kinds, raw = [], 0, {}, []
        window = page * per_page
        for kind, qs in searches:
            found = qs.search(expanded, operator="or", order_by_relevance=(sort != "date"))
            n = found.count()
            total += n
            if kind == "resource":
                kinds["resource"] = n
                if with_facets:
                    for field_name, key in (("resource_type_id", "rtype"), ("school_id", "school")):
                        try:
                            for value, count in found.facet(field_name).items():
                                if value is not None:
                                    raw.append((key, str(value), count))
                        except Exception:  # noqa: BLE001 - facets are optional here
                            logger.warning("facet %s failed", field_name, exc_info=True)
                items = list(found.annotate_score("_score")[:window])
            else:
                items = list(found.annotate_score("_score")[:window])
                for p in items:
                    k = scope.page_cts.get(p.content_type_id, "page")
                    kinds[k] = kinds.get(k, 0) + 1
            scored += [(getattr(o, "_score", 0) or 0, kind, o) for o in items]
        if sort == "date":
            scored.sort(
                key=lambda s: (
                    getattr(s[2], "created_at", None)
                    or getattr(s[2], "last_published_at", None)
                    or timezone.now()
                ),
                reverse=True,
            )
        else:
            scored.sort(key=lambda s: -s[0])
        hits = []
        for _, kind, obj in scored[(page - 1) * per_page : window]:
            if kind == "resource":
                hits.append(resource_hit(obj, regex))
            else:
                hits.append(
                    Hit(
                        kind=scope.page_cts.get(obj.content_type_id, "page"),
                        title=obj.title,
                        url=obj.get_url(request) or "",
                        obj=obj,
                        date=obj.last_published_at,
                        snippet=highlight.snippet(obj.search_description, regex),
                        title_html=highlight.mark(obj.title, regex),
                    )
                )
        facets = []
        if with_facets:
            raw += [("ct", k, n) for k, n in kinds.items()]
            facets = [
                make_facet("type", [(k, KIND_LABELS[k], n) for k, n in kinds.items() if n], filters)
            ]
        return Results(text, hits, total, facets, page=page, per_page=per_page, engine=self.name)

    def autocomplete(self, user, text, limit=8, request=None):
        _, searches = self._searches(user, text, Filters())
        out = []
        for kind, qs in searches:
            for obj in qs.autocomplete(text)[:limit]:
                url = obj.get_absolute_url() if kind == "resource" else obj.get_url(request)
                out.append(
                    {
                        "label": obj.title,
                        "url": url or "",
                        "kind": "Resource" if kind == "resource" else "Page",
                    }
                )
        return out[:limit]
