# ruff: noqa: S608 - SQL is assembled from fixed fragments; every value is a parameter.
"""SQLite engine (database backend with FTS5): modelsearch's `wagtailsearch_indexentry_fts` is
queried directly with `MATCH` and `bm25()` ORDER BY ... LIMIT, restricted to the visible
objects by the scope on the narrow side table `intranet_search_doc` (one row per index entry,
kept by triggers: migration 0002)."""

from django.db import connection

from .sql import SQLEngine


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

    def known_words(self, words):
        if not words:
            return set()
        marks = ", ".join(["%s"] * len(words))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term FROM intranet_search_fts_vocab WHERE term IN ({marks})", list(words)
            )
            return {row[0] for row in cursor.fetchall()}

    def vocabulary_candidates(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM intranet_search_fts_vocab WHERE term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s",
                [word[0], chr(ord(word[0]) + 1), len(word) - 2, len(word) + 2],
            )
            return [r[0] for r in cursor.fetchall() if r[0].isalpha()]
