# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (query words, ids, dates) is passed as a parameter.
"""The SQL core shared by the SQLite and PostgreSQL engines: one statement answers the number
of visible matches, their counts by content type, the facet counts and one page of hits (CTE
`m`: the best visible matches, `mf`: those counted). Engines differ only in how they match,
rank and read text (`match_from`, `score_sql`, `text_columns`, ...)."""

from django.db import connection

from hub.browse import Ranked

from ..query import ParsedQuery
from ..semantic.fusion import Hybrid
from .content import synonym_groups, tables
from .facets import FacetsMixin, make_facet
from .hits import HitsMixin, resource_hit
from .request import SearchRequest
from .scope import Scope
from .suggestions import SuggestionsMixin
from .types import MAX_PAGES, PER_PAGE, Filters, Results


class SQLEngine(HitsMixin, FacetsMixin, SuggestionsMixin):
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

    def known_words(self, words):
        """The subset of `words` the index's vocabulary holds (any document)."""
        raise NotImplementedError

    def parse(self, text):
        return ParsedQuery(text, synonym_groups(), self.known_words)

    def cast_bigint(self, expr):
        return f"CAST({expr} AS bigint)"

    # -- public API --
    def search(self, user, text, filters=None, **options):
        return self.execute(SearchRequest(user, text, filters or Filters(), **options))

    def execute(self, req):
        text, filters = req.text, req.filters
        parsed = self.parse(text)
        scope = Scope(req.user, filters)
        if not parsed:
            return Results(text, [], 0, [], engine=self.name)
        mode = "all"
        req = req.replace(page=max(1, min(req.page, MAX_PAGES)))
        # Meaning-based ranking fused with this one (search/semantic), or None.
        hybrid = Hybrid.for_request(req)
        kreq = hybrid.keyword_request() if hybrid else req
        total, capped, raw, top = self.run(scope, parsed, mode, kreq)
        corrected = ""
        if total == 0 and not req.exact:
            parsed, corrected, found = self.corrected_run(scope, parsed, kreq)
            if corrected:
                total, capped, raw, top = found
        if total == 0 and len(parsed.required_clauses()) > 1:
            mode = "any"
            total, capped, raw, top = self.run(scope, parsed, mode, kreq)
        if total and not top and req.page > 1:  # past the end: show the last page
            req = req.replace(page=max(1, min(MAX_PAGES, -(-total // req.per_page))))
            total, capped, raw, top = self.run(scope, parsed, mode, req)
        keyword_total = total
        if hybrid:
            total, top = hybrid.fuse(scope, total, top, mode)
        rows = self.with_bodies(scope, top)
        hits = self.load_hits(scope, rows, parsed, req.request)
        facets = self.build_facets(scope, raw, filters) if req.with_facets else []
        results = Results(
            text,
            hits,
            total,
            facets,
            page=req.page,
            per_page=req.per_page,
            mode=mode,
            engine=self.name,
            capped=capped,
            corrected=corrected,
        )
        if not corrected and (keyword_total == 0 or mode == "any"):
            results.suggestion = self.suggest(req.user, parsed, filters)
        if total == 0 and filters.active():
            results.relax = self.relax(req.user, parsed, filters)
        return results

    def corrected_run(self, scope, parsed, req):
        """(parsed, corrected text, run) for the query with its unknown words corrected from
        what this user may see, when that finds something; else (parsed, "", None)."""
        correction = self.correct(req.user, parsed)
        if correction:
            fixed = self.parse(correction)
            found = self.run(scope, fixed, "all", req)
            if found[0]:
                return fixed, correction, found
        return parsed, "", None

    def count(self, user, text, filters=None):
        parsed = self.parse(text)
        if not parsed:
            return 0
        return self.plain_count(Scope(user, filters or Filters()), parsed, "all")[0]

    def ranked_resource_ids(self, user, text, limit, exact=False):
        """Ids of the best `limit` visible resources for `text`, best first: what the hub's
        own list needs, without snippets or facets. Like the main search, a misspelt word is
        corrected (`.corrected` on the list) unless `exact`, and "any of the words" is the
        last resort when no resource has them all."""
        parsed = self.parse(text)
        ranked = Ranked()
        if not parsed:
            return ranked
        scope = Scope(user, Filters(type="resource"))
        req = SearchRequest(user, text, scope.filters, per_page=limit, with_facets=False)
        mode, wanted = "all", text
        top = self.run(scope, parsed, mode, req, cap=limit)[3]
        if not top and not exact:
            correction = self.correct(user, parsed)
            if correction:
                fixed = self.parse(correction)
                top = self.run(scope, fixed, "all", req, cap=limit)[3]
                if top:
                    ranked.corrected, wanted = correction, correction
        if not top and len(parsed.required_clauses()) > 1:
            mode = "any"
            top = self.run(scope, parsed, mode, req, cap=limit)[3]
        if Hybrid.wanted(wanted):
            top = Hybrid.fused(scope, wanted, top, mode)[:limit]
        ranked.extend(oid for _eid, ct, oid in top if ct == scope.R)
        return ranked

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

    def run(self, scope, parsed, mode, req, cap=None):
        """One statement: the best visible matches (CTE `m`, at most `cap` + 1), their number
        by content type, the facet counts (optional) and one page of hits in order.
        Counting and faceting stop at `cap`: no one pages past MAX_PAGES, and counting every
        match of a common word is what made a search slow (bench/search.py).
        Returns (total, capped, facet rows, [(entry id, content type id, object id)])."""
        sort, per_page, page = req.sort, req.per_page, req.page
        cap = max(self.CAP, per_page * page) if cap is None else cap
        ctes, cte_params = self.matched_ctes(scope, parsed, mode, sort, cap)
        R = scope.R or -1
        # m holds one entry more than the cap, only to tell that there are more; everything
        # counted (sizes by type, facets) reads `mf`, the best `cap` of them.
        cte = (
            f"WITH {ctes}, "
            f"mf AS (SELECT * FROM m ORDER BY {self.order_sql(sort)}, eid LIMIT %s), "
            f"mr AS (SELECT oid AS id, rtype, school FROM mf WHERE ct = %s), "
            f"mp AS (SELECT oid AS id FROM mf WHERE ct <> %s) "
        )
        cte_params = cte_params + [cap, R, R]
        parts = [
            "SELECT 'all' AS f, '' AS v, COUNT(*) AS n FROM m",
            "SELECT 'ct', CAST(ct AS varchar(40)), COUNT(*) FROM mf GROUP BY ct",
        ]
        part_params = []
        if req.with_facets:
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

    def tables(self):
        return tables()

    # Kept for callers of the single-module engine.
    _resource_hit = staticmethod(resource_hit)
    _facet = staticmethod(make_facet)
