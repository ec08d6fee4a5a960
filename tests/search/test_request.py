"""search.engine.request: a search asked as one SearchRequest, engines behind one protocol."""

import pytest

from search.engine import Engine, Filters, SearchRequest, SQLiteEngine, WagtailEngine, get_engine

from .conftest import titles


def test_request_defaults_and_replace():
    req = SearchRequest(user=None, text="phonics")
    assert (req.sort, req.page, req.per_page, req.with_facets) == ("relevance", 1, 20, True)
    later = req.replace(page=3)
    assert later.page == 3 and req.page == 1 and later.text == "phonics"


@pytest.mark.parametrize("cls", [SQLiteEngine, WagtailEngine])
def test_engines_offer_the_protocol(cls):
    for name in ("execute", "search", "count", "autocomplete"):
        assert callable(getattr(cls, name))
    assert Engine  # a typing.Protocol: structural, no base class needed


@pytest.mark.django_db
def test_execute_and_search_agree(world):
    engine = get_engine("database")
    req = SearchRequest(world.teacher_a, "phonics", Filters(), per_page=5)
    assert titles(engine.execute(req)) == titles(
        engine.search(world.teacher_a, "phonics", per_page=5)
    )
