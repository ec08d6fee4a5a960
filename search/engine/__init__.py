"""The unified search: pages (incl. policies) and hub resources in one ranked, faceted list.

A package of small parts (each with its own tests in tests/search/test_<part>.py):

- `types`: filters and result types (`Filters`, `Hit`, `Facet`, `Results`), constants;
- `request`: `SearchRequest` (what one search asks for) and the `Engine` protocol;
- `content`: the models and content types searched, the search tables' presence;
- `scope`: visibility (from people/visibility.py only) and filters as SQL on the side table;
- `sql`: the statement shared by the SQL engines (matches, counts, facets, a page of hits);
- `hits`: a page of ids turned into hits with snippets; `facets`: facet counts and labels
  (also the hub's: `resource_facet_counts`); `suggestions`: did-you-mean, relax, autocomplete;
- engines: `sqlite` (FTS5 + bm25), `postgres` (tsvector, GIN/RUM), `wagtail` (Wagtail's own
  backend: Elasticsearch / OpenSearch, or SQLite without FTS5).

Wagtail's indexing is untouched: index entries are written by its signal handlers,
`update_index` and the hub's extraction task. Facet counts come from the same matched set (a
CTE) as the results, so they only ever count what this user may see.
"""

from django.conf import settings
from django.db import connection

from .content import page_content_types, resource_ct, resource_model, tables_ready
from .postgres import PostgresEngine
from .request import Engine, SearchRequest
from .resilient import ResilientEngine, search_unreachable_errors
from .scope import Scope
from .sql import SQLEngine
from .sqlite import SQLiteEngine
from .types import (
    DATE_BUCKETS,
    FACET_LIMIT,
    FILTER_LABELS,
    FILTERS,
    KIND_LABELS,
    MAX_PAGES,
    PER_PAGE,
    Facet,
    FacetValue,
    Filters,
    Hit,
    Results,
    date_cutoff,
)
from .wagtail import WagtailEngine

__all__ = [
    "DATE_BUCKETS",
    "FACET_LIMIT",
    "FILTERS",
    "FILTER_LABELS",
    "KIND_LABELS",
    "MAX_PAGES",
    "PER_PAGE",
    "Engine",
    "Facet",
    "FacetValue",
    "Filters",
    "Hit",
    "PostgresEngine",
    "ResilientEngine",
    "Results",
    "SQLEngine",
    "SQLiteEngine",
    "Scope",
    "SearchRequest",
    "WagtailEngine",
    "database_engine",
    "date_cutoff",
    "get_engine",
    "page_content_types",
    "resource_ct",
    "resource_model",
    "search_unreachable_errors",
]


def get_engine(name=None) -> Engine:
    """The engine for this environment: SEARCH_BACKEND and the database decide."""
    backend = name or getattr(settings, "SEARCH_BACKEND", "database")
    if backend in ("elasticsearch", "opensearch", "elasticsearch8", "opensearch2"):
        return ResilientEngine(fallback=database_engine)
    if backend == "wagtail":
        return WagtailEngine()
    if connection.vendor == "postgresql" and tables_ready(("intranet_search_doc",)):
        return PostgresEngine()
    if connection.vendor == "sqlite" and tables_ready(
        ("wagtailsearch_indexentry_fts", "intranet_search_fts_vocab", "intranet_search_doc")
    ):
        return SQLiteEngine()
    return WagtailEngine()


def database_engine():
    """The SQL engine over the database's own index, which Wagtail keeps beside the cluster's
    (the settings' "fallback" search backend)."""
    return get_engine("database")
