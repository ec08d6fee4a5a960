# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (query words, ids, dates) is passed as a parameter.
"""The unified search: pages (incl. policies) and hub resources in one ranked, faceted list.

Who may see what comes from people/visibility.py only (`visible_pages`, `visible_resources`);
this module turns those querysets into SQL subqueries and never decides access itself.

Engines:
- SQLite (database backend with FTS5): modelsearch's `wagtailsearch_indexentry_fts` is queried
  directly with `MATCH` and `bm25()` ORDER BY ... LIMIT, restricted to the visible objects by
  `oid IN (SELECT id FROM <visible subquery>)` per content type, on the narrow side table
  `intranet_search_doc` (one row per index entry, kept by triggers: migration 0002).
- PostgreSQL (database backend): `(title || body) @@ to_tsquery('english', ...)` through a GIN
  expression index (migration 0001) and `ts_rank` on the page of results.
- Elasticsearch / OpenSearch (or SQLite without FTS5): Wagtail's own `.search()` on the
  visible querysets (`pk__in` subqueries) and `.facet()`.
Wagtail's indexing is untouched: index entries are written by its signal handlers,
`update_index` and the hub's extraction task.

Facet counts come from the same matched set (a CTE) as the results, so they only ever count
what this user may see.
"""

import datetime
import difflib
import functools
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page

from people.visibility import permitted_resource_ids, visible_pages, visible_resources

from . import highlight
from .models import Synonym, Term
from .pgindex import RUM_INDEX
from .query import ParsedQuery, prefix_words

logger = logging.getLogger(__name__)
PER_PAGE = 20
MAX_PAGES = 50
FACET_LIMIT = 12
FILTERS = [
    ("type", "Content type"),
    ("rtype", "Resource type"),
    ("group", "Working group"),
    ("ks", "Key stage / year"),
    ("school", "School"),
    ("tag", "Tag"),
    ("date", "Date"),
]
FILTER_LABELS = dict(FILTERS)
DATE_BUCKETS = [("week", "Past week", 7), ("month", "Past month", 31), ("year", "Past year", 366)]
KIND_LABELS = {
    "resource": "Resource",
    "policy": "Policy",
    "news": "News",
    "event": "Event",
    "page": "Page",
}
RESOURCE_ONLY = ("rtype", "ks", "tag")


# --- models, content types ------------------------------------------------------------------
def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:  # an app that is not installed (yet)
        return None


def resource_model():
    return _model("hub.Resource")


def page_kind(model):
    label = model._meta.label_lower
    if label == "policies.policypage":
        return "policy"
    if label == "pages.newsarticlepage":
        return "news"
    if label == "pages.eventpage":
        return "event"
    return "page"


def page_content_types():
    """{content type id: kind} for every concrete page model."""
    models = [m for m in apps.get_models() if issubclass(m, Page)]
    cts = ContentType.objects.get_for_models(*models)
    return {cts[m].pk: page_kind(m) for m in models}


def resource_ct():
    return ContentType.objects.get_for_model(resource_model()).pk


# --- parameters and results -----------------------------------------------------------------
@dataclass
class Filters:
    type: str = ""
    rtype: str = ""
    group: str = ""
    ks: str = ""
    school: str = ""
    tag: str = ""
    date: str = ""

    @classmethod
    def from_querydict(cls, data):
        values = {}
        for key, _ in FILTERS:
            value = (data.get(key) or "").strip()[:80]
            if value:
                values[key] = value
        if values.get("type") not in KIND_LABELS:
            values.pop("type", None)
        if values.get("date") not in {b[0] for b in DATE_BUCKETS}:
            values.pop("date", None)
        return cls(**values)

    def active(self):
        return {key: getattr(self, key) for key, _ in FILTERS if getattr(self, key)}

    def without(self, key):
        values = self.active()
        values.pop(key, None)
        return Filters(**values)


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    obj: object = None
    date: object = None
    school: str = ""
    groups: list = field(default_factory=list)
    resource_type: str = ""
    key_stages: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    snippet: str = ""
    matched_in: str = ""
    title_html: str = ""
    file_type: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, "Page")


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    values: list


@dataclass
class Results:
    query: str
    hits: list
    total: int
    facets: list
    page: int = 1
    per_page: int = PER_PAGE
    mode: str = "all"
    suggestion: str = ""
    relax: list = field(default_factory=list)
    engine: str = ""
    # Elasticsearch/OpenSearch could not be reached: these came from the database's index.
    fallback: bool = False
    # More matches than were counted: `total` and the facet counts cover the best `total`.
    capped: bool = False

    @property
    def total_label(self):
        return f"{self.total:,}+" if self.capped else f"{self.total:,}"

    @property
    def counted_label(self):
        return f"{self.total:,}"

    @property
    def num_pages(self):
        return max(1, min(MAX_PAGES, -(-self.total // self.per_page)))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1 if self.total else 0


def date_cutoff(bucket):
    days = {b[0]: b[2] for b in DATE_BUCKETS}[bucket]
    return timezone.now() - datetime.timedelta(days=days)


def synonym_groups():
    return [s.term_list() for s in Synonym.objects.all()]


# --- who may see what, as querysets ------------------------------------------------------------
class Scope:
    """The visible, filtered resources and pages for one user and one set of filters."""

    def __init__(self, user, filters):
        self.user = user
        self.filters = filters
        self.R = resource_ct() if resource_model() else None
        self.page_cts = page_content_types()
        self._allowed = None

    def searches_resources(self):
        f = self.filters
        return resource_model() is not None and (not f.type or f.type == "resource")

    def visible_resources(self):
        Resource = resource_model()
        if not self.searches_resources():
            return None
        # Withdrawn resources are left out in allowed_sql, not here: a filter on this outer
        # queryset would make the database read every visible row of the wide resource table.
        return visible_resources(self.user, Resource.objects.all())

    def resource_filters(self):
        """One id subquery per active key stage / group / tag filter, on the link tables."""
        Resource = resource_model()
        f = self.filters
        out = []
        if f.group:
            through = Resource.working_groups.through
            out.append(through.objects.filter(workinggrouppage__slug=f.group).values("resource_id"))
        if f.ks:
            through = Resource.key_stages.through
            out.append(through.objects.filter(keystage__code=f.ks).values("resource_id"))
        if f.tag:
            tagged = Resource.tags.through.objects.filter(content_type_id=self.R, tag__slug=f.tag)
            out.append(tagged.values("object_id"))
        return out

    def resources(self):
        """The visible, filtered resources as one queryset (Wagtail engine, tag suggestions)."""
        qs = self.visible_resources()
        if qs is None:
            return None
        qs = qs.filter(withdrawn=False)
        # Every filter as `pk__in`: Wagtail's search backends refuse lookups across relations.
        Resource = resource_model()
        if self.filters.rtype:
            qs = qs.filter(
                pk__in=Resource.objects.filter(resource_type__slug=self.filters.rtype).values("pk")
            )
        if self.filters.school:
            qs = qs.filter(
                pk__in=Resource.objects.filter(school__slug=self.filters.school).values("pk")
            )
        for ids in self.resource_filters():
            qs = qs.filter(pk__in=ids)
        if self.filters.date:
            qs = qs.filter(created_at__gte=date_cutoff(self.filters.date))
        return qs

    def column_filters(self):
        """(side-table column, ids of the resource type / school asked for)."""
        from hub.models import ResourceType
        from pages.models import SchoolPage

        f = self.filters
        out = []
        if f.rtype:
            out.append(("rtype", ResourceType.objects.filter(slug=f.rtype)))
        if f.school:
            out.append(("school", SchoolPage.objects.filter(slug=f.school)))
        return out

    def label_filters(self):
        """(side-table array column, ids of the key stage / group / tag asked for)."""
        from hub.models import KeyStage
        from pages.models import WorkingGroupPage

        f = self.filters
        tag_model = resource_model().tags.through.tag_model()
        out = []
        if f.group:
            out.append(("groups", WorkingGroupPage.objects.filter(slug=f.group).values("pk")))
        if f.ks:
            out.append(("ks", KeyStage.objects.filter(code=f.ks).values("pk")))
        if f.tag:
            out.append(("tags", tag_model.objects.filter(slug=f.tag).values("pk")))
        return out

    def page_ct_ids(self):
        kind = self.filters.type
        return [ct for ct, k in self.page_cts.items() if not kind or k == kind]

    def pages(self):
        from pages.models import EventPage, NewsArticlePage, SchoolPage, WorkingGroupPage

        f = self.filters
        if f.type == "resource" or any(getattr(f, key) for key in RESOURCE_ONLY):
            return None
        qs = visible_pages(self.user, Page.objects.filter(depth__gt=1))
        if f.type:
            qs = qs.filter(content_type_id__in=self.page_ct_ids())
        for key, model, fk in (
            ("school", SchoolPage, "school"),
            ("group", WorkingGroupPage, "group"),
        ):
            slug = getattr(f, key)
            if not slug:
                continue
            anchor = model.objects.filter(slug=slug).values_list("path", "pk").first()
            if anchor is None:
                return qs.none()
            path, pk = anchor
            linked = Q(pk__in=NewsArticlePage.objects.filter(**{f"{fk}_id": pk}).values("pk")) | Q(
                pk__in=EventPage.objects.filter(**{f"{fk}_id": pk}).values("pk")
            )
            qs = qs.filter(Q(path__startswith=path) | linked)
        if f.date:
            qs = qs.filter(last_published_at__gte=date_cutoff(f.date))
        return qs

    @staticmethod
    def _ids_sql(qs):
        return qs.order_by().values("pk").query.sql_with_params()

    def _permitted_sql(self):
        """`d.oid` among the resources this user may see, from people/visibility.py.
        On PostgreSQL a correlated EXISTS: the IN form sits under an OR, where the planner can
        only hash the whole permitted set (a scan of the wide resource table on every search),
        while EXISTS looks up just the rows the ranked index hands over."""
        permitted = permitted_resource_ids(self.user)
        if permitted is None:
            return "TRUE" if connection.vendor == "postgresql" else "1 = 1", []
        if permitted.query.is_empty():
            # none(): nothing is permitted (and an empty queryset has no SQL to embed).
            return ("FALSE" if connection.vendor == "postgresql" else "1 = 0"), []
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(resource_model()._meta.db_table)
            correlated = permitted.extra(where=[f"{table}.id = d.oid"])  # noqa: S610 - fixed text
            sql, p = correlated.order_by().query.sql_with_params()
            # OFFSET 0 keeps it a per-row lookup: without it the planner may turn the EXISTS
            # back into a hash of every permitted id.
            return f"EXISTS ({sql} OFFSET 0)", list(p)
        # The permitted-ids subquery itself, not `resources` (which wraps it in a second
        # lookup of every visible id in the wide resource table: ~25 ms at 20k on SQLite).
        sql, p = permitted.order_by().query.sql_with_params()
        return f"d.oid IN ({sql})", list(p)

    def allowed_sql(self):
        """SQL restricting `d` (intranet_search_doc, one row per index entry) to visible,
        filtered objects (built once per scope)."""
        if self._allowed is None:
            self._allowed = self._allowed_sql()
        return self._allowed

    def _allowed_sql(self):
        parts, params = [], []
        Resource = resource_model()
        if self.searches_resources():
            table = Resource._meta.db_table
            # Cheapest tests first: within one branch of an OR they run in the order written,
            # so the side table's own columns narrow the rows before any lookup.
            clause, clause_params = "d.ct = %s", [self.R]
            f = self.filters
            for column, ids in self.column_filters():
                fsql, fp = self._ids_sql(ids)
                clause += f" AND d.{column} IN ({fsql})"
                clause_params += fp
            if f.date:
                clause += " AND d.created >= %s"
                clause_params.append(connection.ops.adapt_datetimefield_value(date_cutoff(f.date)))
            if connection.vendor == "postgresql":
                # The side table carries each resource's key stages, groups and tags.
                for col, ids in self.label_filters():
                    fsql, fp = ids.order_by().query.sql_with_params()
                    clause += f" AND d.{col} && ARRAY({fsql})::bigint[]"
                    clause_params += fp
            else:
                for ids in self.resource_filters():
                    fsql, fp = ids.order_by().query.sql_with_params()
                    clause += f" AND d.oid IN ({fsql})"
                    clause_params += fp
            permitted, permitted_params = self._permitted_sql()
            clause += f" AND d.oid NOT IN (SELECT id FROM {table} WHERE withdrawn) AND {permitted}"
            clause_params += permitted_params
            parts.append(f"({clause})")
            params += clause_params
        pages = self.pages()
        cts = self.page_ct_ids()
        if pages is not None and cts:
            sql, p = self._ids_sql(pages)
            marks = ", ".join(["%s"] * len(cts))
            parts.append(f"(d.ct IN ({marks}) AND d.oid IN ({sql}))")
            params += [*cts, *p]
        if not parts:
            return "1 = 0", []
        return "(" + " OR ".join(parts) + ")", params


# --- engines ------------------------------------------------------------------------------------
class SQLEngine:
    """Shared by SQLite and PostgreSQL: only the match, rank and text expressions differ."""

    name = "sql"
    CAP = MAX_PAGES * PER_PAGE

    def match_from(self, parsed, mode):
        """(FROM + WHERE fragment matching the query, params)."""
        raise NotImplementedError

    def score_sql(self, parsed, mode):
        raise NotImplementedError

    def text_columns(self):
        raise NotImplementedError

    def cast_bigint(self, expr):
        return f"CAST({expr} AS bigint)"

    # -- public API --
    def search(
        self,
        user,
        text,
        filters=None,
        sort="relevance",
        page=1,
        per_page=PER_PAGE,
        request=None,
        with_facets=True,
    ):
        filters = filters or Filters()
        parsed = ParsedQuery(text, synonym_groups())
        scope = Scope(user, filters)
        if not parsed:
            return Results(text, [], 0, [], engine=self.name)
        mode = "all"
        page = max(1, min(page, MAX_PAGES))
        args = (sort, per_page, page, with_facets)
        total, capped, raw, top = self.run(scope, parsed, mode, *args)
        if total == 0 and len(parsed.required_clauses()) > 1:
            mode = "any"
            total, capped, raw, top = self.run(scope, parsed, mode, *args)
        if total and not top and page > 1:  # past the end: show the last page
            page = max(1, min(MAX_PAGES, -(-total // per_page)))
            args = (sort, per_page, page, with_facets)
            total, capped, raw, top = self.run(scope, parsed, mode, *args)
        rows = self.with_bodies(scope, top)
        hits = self.load_hits(scope, rows, parsed, request)
        facets = self.build_facets(scope, raw, filters) if with_facets else []
        results = Results(
            text,
            hits,
            total,
            facets,
            page=page,
            per_page=per_page,
            mode=mode,
            engine=self.name,
            capped=capped,
        )
        if total == 0 or mode == "any":
            results.suggestion = self.suggest(user, parsed, filters)
        if total == 0 and filters.active():
            results.relax = self.relax(user, parsed, filters)
        return results

    def count(self, user, text, filters=None):
        parsed = ParsedQuery(text, synonym_groups())
        if not parsed:
            return 0
        return self.plain_count(Scope(user, filters or Filters()), parsed, "all")[0]

    def ranked_resource_ids(self, user, text, limit):
        """Ids of the best `limit` visible resources for `text`, best first: what the hub's
        own list needs, without snippets or facets. Falls back to "any of the words" like the
        main search when no resource has them all."""
        parsed = ParsedQuery(text, synonym_groups())
        if not parsed:
            return []
        scope = Scope(user, Filters(type="resource"))
        for mode in ("all", "any"):
            _total, _capped, _raw, top = self.run(
                scope, parsed, mode, "relevance", limit, 1, False, cap=limit
            )
            if top or len(parsed.required_clauses()) < 2:
                break
        return [oid for _eid, ct, oid in top if ct == scope.R]

    def plain_count(self, scope, parsed, mode, cap=None):
        """How many visible entries match, counting no further than `cap` + 1."""
        cap = self.CAP if cap is None else cap
        where, params = scope.allowed_sql()
        frm, mparams = self.match_from(parsed, mode)
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM {frm} AND {where} LIMIT %s) c"
        return self.fetchall(sql, mparams + params + [cap + 1])[0][0], []

    # -- the matched set, counted ---
    COLUMNS = (
        "d.id AS eid, d.ct AS ct, d.oid AS oid, d.rtype AS rtype, d.school AS school, "
        "d.created AS created"
    )

    def order_sql(self, sort):
        return "score DESC NULLS LAST" if sort == "date" else "score DESC"

    def matched_ctes(self, scope, parsed, mode, sort, cap):
        """CTE definitions ending in `m`: the best `cap` + 1 visible matches (one more than is
        ever shown, to tell that there are more), with their facet columns and a score."""
        frm, mparams = self.match_from(parsed, mode)
        where, params = scope.allowed_sql()
        if sort == "date":
            score, score_params = "d.created", []
        else:
            score, score_params = self.score_sql(parsed, mode)
        sql = (
            f"m AS (SELECT {self.COLUMNS}, {score} AS score FROM {frm} AND {where} "
            f"ORDER BY {self.order_sql(sort)}, eid LIMIT %s)"
        )
        return sql, score_params + mparams + params + [cap + 1]

    def run(self, scope, parsed, mode, sort, per_page, page, with_facets, cap=None):
        """One statement: the best visible matches (CTE `m`, at most `cap` + 1), their number
        by content type, the facet counts (optional) and one page of hits in order.
        Counting and faceting stop at `cap`: no one pages past MAX_PAGES, and counting every
        match of a common word is what made a search slow (bench/search.py).
        Returns (total, capped, facet rows, [(entry id, content type id, object id)])."""
        cap = max(self.CAP, per_page * page) if cap is None else cap
        ctes, cte_params = self.matched_ctes(scope, parsed, mode, sort, cap)
        R = scope.R or -1
        # m holds one entry more than the cap, only to tell that there are more; everything
        # counted (sizes by type, facets) reads `mf`, the best `cap` of them.
        cte = (
            f"WITH {ctes}, "
            f"mf AS (SELECT * FROM m ORDER BY {self.order_sql(sort)}, eid LIMIT %s), "
            f"mr AS (SELECT oid AS id FROM mf WHERE ct = %s), "
            f"mp AS (SELECT oid AS id FROM mf WHERE ct <> %s) "
        )
        cte_params = cte_params + [cap, R, R]
        parts = [
            "SELECT 'all' AS f, '' AS v, COUNT(*) AS n FROM m",
            "SELECT 'ct', CAST(ct AS varchar(40)), COUNT(*) FROM mf GROUP BY ct",
        ]
        part_params = []
        if with_facets:
            facet_parts, facet_params = self.facet_parts(R)
            parts += facet_parts
            part_params += facet_params
        limit, offset = self.candidate_window(sort, per_page, page)
        hit_sql, hit_params = self.hits_part(parsed, mode, sort, limit, offset)
        parts.append(hit_sql)
        part_params += hit_params
        sql = cte + " UNION ALL ".join(parts)
        raw = self.fetch_matched(sql, cte_params + part_params)
        total = sum(n for f, _, n in raw if f == "all")
        capped = total > cap
        hits = sorted((n, v) for f, v, n in raw if f == "hit")
        top = [tuple(int(x) for x in v.split(":")) for _, v in hits]
        top = self.final_order(parsed, mode, sort, top, per_page, page)
        return min(total, cap), capped, [r for r in raw if r[0] not in ("hit", "all")], top

    HIT = (
        "SELECT 'hit', CAST(h.eid AS varchar(20)) || ':' || CAST(h.ct AS varchar(20)) || ':' || "
        "CAST(h.oid AS varchar(20)), ROW_NUMBER() OVER (ORDER BY {order})"
    )

    def hits_part(self, parsed, mode, sort, limit, offset):
        """The statement's part listing the hits in order: ('hit', 'eid:ct:oid', position)."""
        order = self.order_sql(sort)
        sql = (
            self.HIT.format(order=f"{order}, eid")
            + f" FROM (SELECT eid, ct, oid, score FROM m ORDER BY {order}, eid "
            "LIMIT %s OFFSET %s) h"
        )
        return sql, [limit, offset]

    def fetch_matched(self, sql, params):
        """Runs the main statement (PostgreSQL adds a planner setting)."""
        return self.fetchall(sql, params)

    def fetchall(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def candidate_window(self, sort, per_page, page):
        """(LIMIT, OFFSET) of the hits the main statement returns."""
        return per_page, (page - 1) * per_page

    def final_order(self, parsed, mode, sort, top, per_page, page):
        return top

    def facet_parts(self, R):
        from pages.models import SchoolPage, WorkingGroupPage

        Resource = resource_model()
        t = self.tables()
        parts, part_params = [], []
        news, event, page = t["news"], t["event"], t["page"]

        def linked(fk, anchor_ct):
            sql = (
                f"SELECT mp.id AS id, 'p' AS k, n.{fk}_id AS x FROM mp "
                f"JOIN {news} n ON n.page_ptr_id = mp.id WHERE n.{fk}_id IS NOT NULL "
                f"UNION SELECT mp.id, 'p', ev.{fk}_id FROM mp "
                f"JOIN {event} ev ON ev.page_ptr_id = mp.id WHERE ev.{fk}_id IS NOT NULL "
                f"UNION SELECT mp.id, 'p', a.id FROM mp JOIN {page} p ON p.id = mp.id "
                f"JOIN {page} a ON a.content_type_id = %s AND p.path LIKE a.path || '%%'"
            )
            return sql, [anchor_ct]

        cts = ContentType.objects.get_for_models(SchoolPage, WorkingGroupPage)
        if Resource is not None:
            links = self.resource_links(t, R)
            parts += [
                "SELECT 'rtype', CAST(rtype AS varchar(40)), COUNT(*) FROM mf "
                "WHERE rtype IS NOT NULL GROUP BY rtype",
                f"SELECT 'ks', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['ks'][0]}) l "
                "GROUP BY l.x",
                f"SELECT 'tag', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['tag'][0]}) l "
                "GROUP BY l.x",
            ]
            part_params += links["ks"][1] + links["tag"][1]
            group_sql, gp = linked("group", cts[WorkingGroupPage].pk)
            parts.append(
                f"SELECT 'group', CAST(g.x AS varchar(40)), COUNT(*) FROM ("
                f"{links['group'][0]} UNION {group_sql}) g GROUP BY g.x"
            )
            part_params += links["group"][1] + gp
            school_sql, sp = linked("school", cts[SchoolPage].pk)
            parts.append(
                f"SELECT 'school', CAST(s.x AS varchar(40)), COUNT(*) FROM ("
                f"SELECT oid AS id, 'r' AS k, school AS x FROM mf WHERE ct = %s "
                f"AND school IS NOT NULL UNION {school_sql}) s GROUP BY s.x"
            )
            part_params += [R, *sp]
        for key, _, _ in DATE_BUCKETS:
            parts.append(f"SELECT 'date', '{key}', COUNT(*) FROM mf WHERE created >= %s")
            part_params.append(connection.ops.adapt_datetimefield_value(date_cutoff(key)))
        return parts, part_params

    def resource_links(self, t, R):
        """{key: (SQL of (id, k, x) rows: matched resource, 'r', linked key stage / tag /
        group id), params)} from the link tables."""
        return {
            "ks": (
                f"SELECT mr.id AS id, 'r' AS k, x.keystage_id AS x FROM mr "
                f"JOIN {t['ks']} x ON x.resource_id = mr.id",
                [],
            ),
            "tag": (
                f"SELECT mr.id AS id, 'r' AS k, x.tag_id AS x FROM mr "
                f"JOIN {t['tag']} x ON x.object_id = mr.id AND x.content_type_id = %s",
                [R],
            ),
            "group": (
                f"SELECT mr.id AS id, 'r' AS k, x.workinggrouppage_id AS x FROM mr "
                f"JOIN {t['wg']} x ON x.resource_id = mr.id",
                [],
            ),
        }

    def tables(self):
        from pages.models import EventPage, NewsArticlePage

        Resource = resource_model()
        t = {
            "news": NewsArticlePage._meta.db_table,
            "event": EventPage._meta.db_table,
            "page": Page._meta.db_table,
        }
        if Resource is not None:
            t.update(
                resource=Resource._meta.db_table,
                ks=Resource.key_stages.through._meta.db_table,
                wg=Resource.working_groups.through._meta.db_table,
                tag=Resource.tags.through._meta.db_table,
            )
        return t

    # -- one page of results ---
    def with_bodies(self, scope, top):
        """(ct, oid, page text) for a page of hits: page text for snippets is read for these
        few entries only."""
        _, body_col = self.text_columns()
        page_entries = [entry for entry, ct, _ in top if ct != scope.R]
        bodies = {}
        if page_entries:
            marks = ", ".join(["%s"] * len(page_entries))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT e.id, substr({body_col}, 1, 20000) FROM wagtailsearch_indexentry e "
                    f"WHERE e.id IN ({marks})",
                    page_entries,
                )
                bodies = dict(cursor.fetchall())
        return [(ct, oid, bodies.get(entry)) for entry, ct, oid in top]

    def load_hits(self, scope, rows, parsed, request=None):
        from pages.models import EventPage, NewsArticlePage

        Resource = resource_model()
        regex = highlight.terms_regex(parsed.highlight_terms())
        res_ids = [int(oid) for ct, oid, _ in rows if ct == scope.R]
        page_ids = [int(oid) for ct, oid, _ in rows if ct != scope.R]
        resources, pages, extra = {}, {}, {}
        if res_ids:
            qs = (
                Resource.objects.filter(pk__in=res_ids)
                .select_related("resource_type")
                .annotate(school_title=F("school__title"))
                .defer("extracted_text")
                .annotate(text_head=Substr("extracted_text", 1, 30000))
            )
            resources = {r.pk: r for r in qs}
            # Names only (values, not model instances: a page object per group is costly).
            related = {pk: {"groups": [], "key_stages": [], "tags": []} for pk in resources}
            from hub.models import KeyStage

            t = self.tables()
            tag_table = Resource.tags.through.tag_model()._meta.db_table
            marks = ", ".join(["%s"] * len(res_ids))
            # One query for the three kinds of label (sorted here: by title, stage, name).
            sql = (
                f"SELECT 'groups', x.resource_id, p.title, 0 FROM {t['wg']} x "
                f"JOIN {t['page']} p ON p.id = x.workinggrouppage_id "
                f"WHERE x.resource_id IN ({marks}) "
                f"UNION ALL SELECT 'key_stages', x.resource_id, k.name, k.sort_order "
                f"FROM {t['ks']} x JOIN {KeyStage._meta.db_table} k ON k.id = x.keystage_id "
                f"WHERE x.resource_id IN ({marks}) "
                f"UNION ALL SELECT 'tags', x.object_id, g.name, 0 FROM {t['tag']} x "
                f"JOIN {tag_table} g ON g.id = x.tag_id "
                f"WHERE x.content_type_id = %s AND x.object_id IN ({marks})"
            )
            labels = self.fetchall(sql, [*res_ids, *res_ids, scope.R, *res_ids])
            for key, pk, name, _order in sorted(labels, key=lambda r: (r[3], r[2].lower())):
                if pk in related:
                    related[pk][key].append(name)
            for pk, r in resources.items():
                r.search_related = related[pk]
        if page_ids:
            pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)}
            for model, date_field in ((NewsArticlePage, "date"), (EventPage, "start")):
                for row in model.objects.filter(pk__in=page_ids).values(
                    "pk", date_field, "school__title", "group__title"
                ):
                    extra[row["pk"]] = row | {"date": row[date_field]}
        hits = []
        for ct, oid, body in rows:
            oid = int(oid)
            if ct == scope.R:
                r = resources.get(oid)
                if r is None:
                    continue
                hits.append(self._resource_hit(r, regex))
            else:
                p = pages.get(oid)
                if p is None:
                    continue
                info = extra.get(oid, {})
                hit = Hit(
                    kind=scope.page_cts.get(ct, "page"),
                    title=p.title,
                    url=p.get_url(request) or "",
                    obj=p,
                    date=p.last_published_at,
                    school=info.get("school__title") or "",
                    groups=[info["group__title"]] if info.get("group__title") else [],
                    snippet=highlight.snippet(p.search_description or body or "", regex)
                    if highlight.find(p.search_description, regex)
                    else highlight.snippet(body or p.search_description, regex),
                    title_html=highlight.mark(p.title, regex),
                )
                hits.append(hit)
        return hits

    @staticmethod
    def _resource_hit(r, regex):
        related = getattr(r, "search_related", None) or {
            "groups": [g.title for g in r.working_groups.all()],
            "key_stages": [k.name for k in r.key_stages.all()],
            "tags": [t.name for t in r.tags.all()],
        }
        sources = [
            ("description", r.description),
            ("file text", getattr(r, "text_head", "")),
            ("tags", ", ".join(related["tags"])),
            ("subject", r.subject),
        ]
        snippet, matched_in = "", ""
        for label, text in sources:
            if highlight.find(highlight.clean(text), regex):
                snippet, matched_in = highlight.snippet(text, regex), label
                break
        if not snippet:
            snippet = highlight.snippet(r.description or getattr(r, "text_head", ""), regex)
        return Hit(
            kind="resource",
            title=r.title,
            url=r.get_absolute_url(),
            obj=r,
            date=r.created_at,
            school=getattr(r, "school_title", None) or (r.school.title if r.school_id else ""),
            groups=related["groups"],
            resource_type=r.resource_type.name if r.resource_type_id else "",
            key_stages=related["key_stages"],
            tags=related["tags"],
            snippet=snippet,
            matched_in=matched_in,
            title_html=highlight.mark(r.title, regex),
            file_type=r.file_type,
        )

    # -- facets ---
    def build_facets(self, scope, raw, filters):
        from pages.models import SchoolPage, WorkingGroupPage

        counts = {}
        for f, v, n in raw:
            counts.setdefault(f, {})
            counts[f][v] = counts[f].get(v, 0) + n
        kinds = {}
        for ct, n in counts.get("ct", {}).items():
            kind = "resource" if int(ct) == scope.R else scope.page_cts.get(int(ct), "page")
            kinds[kind] = kinds.get(kind, 0) + n
        facets = [self._facet("type", [(k, KIND_LABELS[k], n) for k, n in kinds.items()], filters)]
        Resource = resource_model()
        if Resource is not None:
            from hub.models import KeyStage, ResourceType

            tag_model = Resource.tags.through.tag_model()
            specs = [
                ("rtype", ResourceType, "slug", "name", None),
                ("group", WorkingGroupPage, "slug", "title", None),
                ("ks", KeyStage, "code", "name", "sort_order"),
                ("school", SchoolPage, "slug", "title", None),
                ("tag", tag_model, "slug", "name", None),
            ]
            labels = self._labels(counts, specs)
            for key, *_rest, order in specs:
                ids = {int(v): n for v, n in counts.get(key, {}).items()}
                rows = sorted(labels.get(key, []), key=lambda r: r[3])
                values = [(value, label, ids[pk]) for pk, value, label, _ in rows]
                facets.append(self._facet(key, values, filters, keep_order=bool(order)))
        dates = counts.get("date", {})
        facets.append(
            self._facet(
                "date",
                [(k, label, dates.get(k, 0)) for k, label, _ in DATE_BUCKETS if dates.get(k)],
                filters,
                keep_order=True,
            )
        )
        return [f for f in facets if f.values]

    @staticmethod
    def _labels(counts, specs):
        """{facet key: [(pk, value, label, sort key)]} for the counted ids, in one query
        (written out: composing five querysets into a union cost more than running it)."""
        parts, params = [], []
        for key, model, value_field, label_field, order in specs:
            ids = [int(v) for v in counts.get(key, {})]
            if not ids:
                continue
            # Page types keep slug and title on wagtailcore_page.
            table = Page._meta.db_table if issubclass(model, Page) else model._meta.db_table
            sort = order or "0"
            marks = ", ".join(["%s"] * len(ids))
            parts.append(
                f"SELECT '{key}', id, {value_field}, {label_field}, {sort} FROM {table} "
                f"WHERE id IN ({marks})"
            )
            params += ids
        out = {}
        if parts:
            with connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(parts), params)
                for key, pk, value, label, order in cursor.fetchall():
                    out.setdefault(key, []).append((pk, value, label, order))
        return out

    @staticmethod
    def _facet(key, values, filters, keep_order=False):
        selected = getattr(filters, key)
        if not keep_order:
            values = sorted(values, key=lambda v: (-v[2], v[1].lower()))
        out = [FacetValue(str(v), label, n, str(v) == selected) for v, label, n in values]
        if len(out) > FACET_LIMIT:
            out = out[:FACET_LIMIT] + [v for v in out[FACET_LIMIT:] if v.selected]
        if selected and not any(v.selected for v in out):
            out.append(FacetValue(selected, selected, 0, True))
        return Facet(key, FILTER_LABELS[key], out)

    # -- zero results ---
    def vocabulary_candidates(self, word):
        raise NotImplementedError

    def known_word(self, word):
        raise NotImplementedError

    def suggest(self, user, parsed, filters):
        """A corrected query from indexed words, offered only if it finds something this user
        may see (so a suggestion never reveals a word from a document they cannot open)."""
        changed, out = False, []
        for word in parsed.words:
            if len(word) < 4 or word.isdigit() or self.known_word(word):
                out.append(word)
                continue
            candidates = self.vocabulary_candidates(word)
            best = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
            if best:
                out.append(best[0])
                changed = True
            else:
                out.append(word)
        if not changed:
            return ""
        suggestion = " ".join(out)
        return suggestion if self.count(user, suggestion, filters) else ""

    def relax(self, user, parsed, filters):
        out = []
        for key, value in filters.active().items():
            n = self.count(user, parsed.text, filters.without(key))
            if n:
                label = f"{self.CAP:,}+" if n > self.CAP else f"{n:,}"
                out.append(
                    {
                        "key": key,
                        "label": FILTER_LABELS[key],
                        "value": value,
                        "count": n,
                        "count_label": label,
                    }
                )
        return sorted(out, key=lambda r: -r["count"])

    # -- autocomplete ---
    def autocomplete(self, user, text, limit=8, request=None):
        words = prefix_words(text)
        if not words or len(words[-1]) < 2:
            return []
        scope = Scope(user, Filters())
        frm, mparams = self.autocomplete_from(words)
        where, params = scope.allowed_sql()
        title_col, _ = self.text_columns()
        score, sparams = self.autocomplete_score(words)
        sql = (
            f"SELECT d.ct, d.oid, {title_col} FROM {frm} AND {where} "
            f"ORDER BY {score} DESC, e.title_norm DESC LIMIT %s"
        )
        rows = self.fetchall(sql, mparams + params + sparams + [limit])
        out = []
        page_ids = [int(oid) for ct, oid, _ in rows if ct != scope.R]
        pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)} if page_ids else {}
        Resource = resource_model()
        for ct, oid, title in rows:
            if ct == scope.R:
                url = Resource(pk=int(oid), title=title).get_absolute_url()
                kind = "resource"
            else:
                page = pages.get(int(oid))
                if page is None:
                    continue
                url, kind, title = page.get_url(request) or "", scope.page_cts.get(ct), page.title
            out.append({"label": title, "url": url, "kind": KIND_LABELS.get(kind, "Page")})
        out += self.tag_suggestions(scope, words, limit=4)
        return out

    def tag_suggestions(self, scope, words, limit=4):
        Resource = resource_model()
        resources = scope.resources()
        if Resource is None or resources is None:
            return []
        tag_model = Resource.tags.through.tag_model()
        tagged = Resource.tags.through.objects.filter(
            content_type_id=scope.R, object_id__in=resources.values("pk")
        )
        tags = (
            tag_model.objects.filter(
                name__istartswith=" ".join(words), pk__in=tagged.values("tag_id")
            )
            .order_by("name")
            .values_list("name", flat=True)[:limit]
        )
        from urllib.parse import urlencode

        return [
            {"label": name, "url": "/search/?" + urlencode({"q": name}), "kind": "Tag"}
            for name in tags
        ]


class SQLiteEngine(SQLEngine):
    name = "sqlite"
    FTS = "wagtailsearch_indexentry_fts"
    # Column order of the FTS5 table: autocomplete, body, title.
    WEIGHTS = "0.0, 1.0, 8.0"

    def match_from(self, parsed, mode):
        frm = (
            f"{self.FTS} JOIN intranet_search_doc d ON d.id = {self.FTS}.rowid "
            f"WHERE {self.FTS} MATCH %s"
        )
        return frm, [parsed.fts5(mode)]

    def score_sql(self, parsed, mode):
        # bm25() is lower for better matches.
        return f"(-bm25({self.FTS}, {self.WEIGHTS}))", []

    def text_columns(self):
        return "e.title", "e.body"

    def autocomplete_from(self, words):
        terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
        frm = (
            f"{self.FTS} JOIN intranet_search_doc d ON d.id = {self.FTS}.rowid "
            f"JOIN wagtailsearch_indexentry e ON e.id = d.id WHERE {self.FTS} MATCH %s"
        )
        return frm, ["autocomplete : (" + " AND ".join(terms) + ")"]

    def autocomplete_score(self, words):
        return f"(-bm25({self.FTS}, 1.0, 0.0, 0.0))", []

    def known_word(self, word):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM intranet_search_fts_vocab WHERE term = %s", [word])
            return cursor.fetchone() is not None

    def vocabulary_candidates(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM intranet_search_fts_vocab WHERE term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s",
                [word[0], chr(ord(word[0]) + 1), len(word) - 2, len(word) + 2],
            )
            return [r[0] for r in cursor.fetchall() if r[0].isalpha()]


class PostgresEngine(SQLEngine):
    name = "postgres"

    def match_from(self, parsed, mode):
        return f"intranet_search_doc d WHERE d.mvec @@ {self.TSQ}", [parsed.tsquery(mode)]

    # Ranking every match by the full body vector means unpacking a large out-of-line tsvector
    # per match (the slow part of a naive query), and a common word matches half the index.
    # So the matched set is built in two tiers on the narrow side table:
    #   t1: entries whose `rankvec` (title, tags, description, subject: small and inline)
    #       matches, best first: through a RUM index when the extension is there (the index
    #       hands them over in rank order), else GIN + ts_rank on the inline vector;
    #   t2: only when t1 has fewer than the cap, entries that match in the file text alone.
    # The best CANDIDATES of those are then ranked again by the full title + body vectors,
    # in the same statement (hits_part).
    CANDIDATES = 100
    TSQ = "to_tsquery('english', %s)"

    def __init__(self, rum=None):
        self._rum = rum

    @property
    def rum(self):
        """Whether the RUM index on rankvec exists (migration 0004 makes it where the
        extension is available); looked up once per database and process."""
        if self._rum is None:
            key = ("rum", connection.settings_dict.get("NAME"))
            if key not in _READY:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
                    _READY[key] = cursor.fetchone() is not None
            self._rum = _READY[key]
        return self._rum

    def score_sql(self, parsed, mode):
        return f"ts_rank(d.rankvec, {self.TSQ})", [parsed.tsquery(mode)]

    COLUMNS = SQLEngine.COLUMNS + ", d.ks AS ks, d.groups AS groups, d.tags AS tags"

    def resource_links(self, t, R):
        """From the arrays on the side table (migration 0005): no lookups per match."""
        return {
            key: (
                f"SELECT mf.oid AS id, 'r' AS k, x FROM mf CROSS JOIN LATERAL unnest(mf.{col}) x",
                [],
            )
            for key, col in (("ks", "ks"), ("tag", "tags"), ("group", "groups"))
        }

    def matched_ctes(self, scope, parsed, mode, sort, cap):
        tsq = parsed.tsquery(mode)
        where, params = scope.allowed_sql()
        if sort == "date":
            score, score_params, order_params = "d.created", [], []
            order1 = "d.created DESC NULLS LAST, d.id"
            score2 = "d.created"
        else:
            score, score_params = self.score_sql(parsed, mode)
            score2 = "CAST(0 AS real)"
            if self.rum:
                order1, order_params = f"d.rankvec <=> {self.TSQ}", [tsq]
            else:
                order1, order_params = "score DESC, d.id", []
        t1 = (
            f"t1 AS MATERIALIZED (SELECT {self.COLUMNS}, {score} AS score "
            f"FROM intranet_search_doc d WHERE d.rankvec @@ {self.TSQ} AND {where} "
            f"ORDER BY {order1} LIMIT %s)"
        )
        t1_params = score_params + [tsq] + params + order_params + [cap + 1]
        # t2 is planned on its own (MATERIALIZED) and limited outside: planned under the
        # LIMIT, PostgreSQL expects matches to turn up early and reads rows one by one,
        # unpacking each out-of-line mvec, while on its own it takes the GIN index. It still
        # runs only as far as the LIMIT asks, and not at all when t1 filled the cap.
        t2 = (
            f"t2 AS MATERIALIZED (SELECT {self.COLUMNS}, {score2} AS score "
            f"FROM intranet_search_doc d WHERE d.mvec @@ {self.TSQ} "
            f"AND NOT (d.rankvec @@ {self.TSQ}) AND {where})"
        )
        t2_params = [tsq, tsq] + params
        m = (
            "m AS (SELECT * FROM t1 UNION ALL "
            "(SELECT * FROM t2 LIMIT (SELECT GREATEST(0, %s - COUNT(*)) FROM t1)))"
        )
        return f"{t1}, {t2}, {m}", t1_params + t2_params + [cap + 1]

    def candidate_window(self, sort, per_page, page):
        if sort == "date":
            return super().candidate_window(sort, per_page, page)
        return max(self.CANDIDATES, page * per_page), 0

    def fetch_matched(self, sql, params):
        if not self.rum:
            return self.fetchall(sql, params)
        # The planner guesses a few hundred matches for several common words together
        # (it multiplies their frequencies) and then sorts every match itself instead of
        # taking them from the RUM index in rank order: 115 -> 49 ms for "assessment
        # tracker" at 100k. SET LOCAL ends with this transaction.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(sql, params)
            return cursor.fetchall()

    def hits_part(self, parsed, mode, sort, limit, offset):
        """The best CANDIDATES re-ranked by the full title and body vectors, the rest (deep
        pages, the hub's long id lists) after them in tier order."""
        if sort == "date":
            return super().hits_part(parsed, mode, sort, limit, offset)
        full = f"ts_rank(e.title, {self.TSQ}) * 2 + ts_rank(e.body, {self.TSQ}, 1)"
        sql = self.HIT.format(
            order=f"h.rn > %s, CASE WHEN h.rn <= %s THEN -({full}) "
            "ELSE CAST(h.rn AS double precision) END, h.eid"
        ) + (
            " FROM (SELECT eid, ct, oid, ROW_NUMBER() OVER (ORDER BY score DESC, eid) AS rn "
            "FROM m ORDER BY score DESC, eid LIMIT %s) h "
            "LEFT JOIN wagtailsearch_indexentry e ON e.id = h.eid AND h.rn <= %s"
        )
        tsq = parsed.tsquery(mode)
        c = self.CANDIDATES
        return sql, [c, c, tsq, tsq, limit + offset, c]

    def final_order(self, parsed, mode, sort, top, per_page, page):
        if sort == "date":
            return top
        start = (page - 1) * per_page
        return top[start : start + per_page]

    def text_columns(self):
        return "e.title_text", "e.body_text"

    def autocomplete_from(self, words):
        tsq = " & ".join(words[:-1] + [words[-1] + ":*"])
        return (
            "wagtailsearch_indexentry e JOIN intranet_search_doc d ON d.id = e.id "
            "WHERE e.autocomplete @@ to_tsquery('simple', %s)",
            [tsq],
        )

    def autocomplete_score(self, words):
        tsq = " & ".join(words[:-1] + [words[-1] + ":*"])
        return "ts_rank(e.autocomplete, to_tsquery('simple', %s))", [tsq]

    def known_word(self, word):
        return Term.objects.filter(word=word).exists()

    def vocabulary_candidates(self, word):
        return list(
            Term.objects.filter(word__startswith=word[0])
            .extra(where=["length(word) BETWEEN %s AND %s"], params=[len(word) - 2, len(word) + 2])
            .values_list("word", flat=True)[:20000]
        )


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

    def search(
        self,
        user,
        text,
        filters=None,
        sort="relevance",
        page=1,
        per_page=PER_PAGE,
        request=None,
        with_facets=True,
    ):
        filters = filters or Filters()
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
                hits.append(SQLEngine._resource_hit(obj, regex))
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
                SQLEngine._facet(
                    "type", [(k, KIND_LABELS[k], n) for k, n in kinds.items() if n], filters
                )
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


_READY = {}


def _tables_ready(names):
    """Whether this database has the search tables (a database built without migrations, e.g.
    by a benchmark, has not); remembered per database."""
    key = (connection.vendor, connection.settings_dict.get("NAME"), names)
    if key not in _READY:
        tables = set(connection.introspection.table_names())
        _READY[key] = all(name in tables for name in names)
    return _READY[key]


@functools.cache
def search_unreachable_errors():
    """The exceptions that mean the search cluster cannot be reached (not a bad query)."""
    errors = []
    try:
        import elastic_transport

        errors += [elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout]
    except ImportError:
        pass
    try:
        from opensearchpy import exceptions as opensearch_errors

        errors += [opensearch_errors.ConnectionError]
    except ImportError:
        pass
    return tuple(errors) or (ConnectionError,)


def database_engine():
    """The SQL engine over the database's own index, which Wagtail keeps beside the cluster's
    (the settings' "fallback" search backend)."""
    return get_engine("database")


class ResilientEngine(WagtailEngine):
    """Wagtail's backend while the cluster answers; the database's index, marked as such so
    that the page can say so, while it does not."""

    def _fall_back(self, method, *args, **kwargs):
        logger.warning("Search cluster unreachable: answering from the database index")
        return getattr(database_engine(), method)(*args, **kwargs)

    def search(self, *args, **kwargs):
        try:
            return super().search(*args, **kwargs)
        except search_unreachable_errors():
            results = self._fall_back("search", *args, **kwargs)
            results.fallback = True
            return results

    def count(self, *args, **kwargs):
        try:
            return super().count(*args, **kwargs)
        except search_unreachable_errors():
            return self._fall_back("count", *args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        try:
            return super().autocomplete(*args, **kwargs)
        except search_unreachable_errors():
            return self._fall_back("autocomplete", *args, **kwargs)


def get_engine(name=None):
    """The engine for this environment: SEARCH_BACKEND and the database decide."""
    backend = name or getattr(settings, "SEARCH_BACKEND", "database")
    if backend in ("elasticsearch", "opensearch", "elasticsearch8", "opensearch2"):
        return ResilientEngine()
    if backend == "wagtail":
        return WagtailEngine()
    if connection.vendor == "postgresql" and _tables_ready(("intranet_search_doc",)):
        return PostgresEngine()
    if connection.vendor == "sqlite" and _tables_ready(
        ("wagtailsearch_indexentry_fts", "intranet_search_fts_vocab", "intranet_search_doc")
    ):
        return SQLiteEngine()
    return WagtailEngine()
