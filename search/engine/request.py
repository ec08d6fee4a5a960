"""What one search is asked for, as one value instead of a long list of positional arguments,
and the interface every engine offers (`typing.Protocol`: the engines share no base class)."""

from dataclasses import dataclass, field
from typing import Any, Protocol

from .types import PER_PAGE, Filters, Results


@dataclass(frozen=True)
class SearchRequest:
    user: Any
    text: str
    filters: Filters = field(default_factory=Filters)
    sort: str = "relevance"  # or "date"
    page: int = 1
    per_page: int = PER_PAGE
    request: Any = None  # the HttpRequest, for page URLs relative to its site
    with_facets: bool = True
    exact: bool = False  # no spelling correction: "search instead for" what was typed

    def replace(self, **changes):
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return SearchRequest(**(values | changes))


class Engine(Protocol):
    """A search engine: SQLite FTS5, PostgreSQL full text, or Wagtail's backend."""

    name: str

    def execute(self, req: SearchRequest) -> Results:
        """One page of ranked, visible hits with their facets."""

    def search(self, user, text, filters=None, **options) -> Results:
        """`execute` with the request's fields as arguments (tests, benchmarks)."""

    def count(self, user, text, filters=None) -> int:
        """How many visible entries match (bounded by the engine's cap)."""

    def autocomplete(self, user, text, limit=8, request=None) -> list:
        """[{label, url, kind}] for the header box, visible entries only."""
