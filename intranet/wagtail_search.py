"""Wagtail's database search backend, made safe for what staff type.

On SQLite, modelsearch puts each word between double quotes in an FTS5 MATCH expression without
escaping double quotes inside it, so a query containing `"` (`/api/v2/pages/?search="`, the
admin's search boxes) raised "unterminated string" and answered 500. Here a double quote inside
a word is escaped the way FTS5 expects (doubled). Other databases use modelsearch's backend
unchanged."""

import functools

from modelsearch.backends import database
from modelsearch.query import Phrase, PlainText


class QuoteSafeMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase) and '"' in query.query_string:
            query.query_string = query.query_string.replace('"', '""')
        return super().build_search_query_content(query, config=config)


@functools.cache
def _quote_safe_sqlite_backend_class():
    # modelsearch's SQLite module defines models that exist only on SQLite: it can be imported
    # only once the database is known to be SQLite with FTS5.
    from modelsearch.backends.database.sqlite import sqlite

    class SearchCompiler(QuoteSafeMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(QuoteSafeMixin, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class Backend(sqlite.SQLiteSearchBackend):
        query_compiler_class = SearchCompiler
        autocomplete_query_compiler_class = AutocompleteCompiler

    return Backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _quote_safe_sqlite_backend_class()(params)
    return backend
