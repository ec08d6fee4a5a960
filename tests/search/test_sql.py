"""search.engine.sql: the one statement of the SQL engines (count, counts by type, a page)."""

import pytest

from search.engine import Filters, Scope, SearchRequest, get_engine
from search.engine.content import synonym_groups
from search.query import ParsedQuery

pytestmark = pytest.mark.django_db


def test_run_counts_pages_and_caps(world):
    engine = get_engine("database")
    scope = Scope(world.teacher_a, Filters())
    parsed = ParsedQuery("phonics", synonym_groups())
    req = SearchRequest(world.teacher_a, "phonics", per_page=1, with_facets=False)
    total, capped, raw, top = engine.run(scope, parsed, "all", req)
    assert total == 2 and not capped and len(top) == 1
    assert {f for f, _v, _n in raw} == {"ct"}  # no facet rows when not asked for
    second = engine.run(scope, parsed, "all", req.replace(page=2))[3]
    assert second != top
    assert engine.plain_count(scope, parsed, "all")[0] == 2


def test_hidden_entries_are_not_counted(world):
    engine = get_engine("database")
    parsed = ParsedQuery("axolotl", synonym_groups())
    assert engine.plain_count(Scope(world.teacher_a, Filters()), parsed, "all")[0] == 0
    assert engine.plain_count(Scope(world.senco_b, Filters()), parsed, "all")[0] == 1
