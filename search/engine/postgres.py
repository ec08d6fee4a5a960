# ruff: noqa: S608 - SQL is assembled from fixed fragments; every value is a parameter.
"""PostgreSQL engine (database backend): `to_tsquery('english', ...)` over the side table's
vectors through GIN (migration 0001) or RUM (migration 0004) indexes, `ts_rank` on the best
candidates, facet labels from the side table's arrays (migration 0005)."""

from django.db import connection, transaction

from ..models import Term
from ..pgindex import RUM_INDEX
from .content import READY
from .sql import SQLEngine


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
            if key not in READY:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
                    READY[key] = cursor.fetchone() is not None
            self._rum = READY[key]
        return self._rum

    def score_sql(self, parsed, mode):
        return f"ts_rank(d.rankvec, {self.TSQ})", [parsed.tsquery(mode)]

    COLUMNS = SQLEngine.COLUMNS + ", d.ks AS ks, d.groups AS groups, d.tags AS tags"

    def resource_links(self, src, R):
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

    def known_words(self, words):
        if not words:
            return set()
        return set(Term.objects.filter(word__in=list(words)).values_list("word", flat=True))

    def vocabulary_candidates(self, word):
        return list(
            Term.objects.filter(word__startswith=word[0])
            .extra(where=["length(word) BETWEEN %s AND %s"], params=[len(word) - 2, len(word) + 2])
            .values_list("word", flat=True)[:20000]
        )
