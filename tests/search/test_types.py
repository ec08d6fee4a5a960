"""search.engine.types: filters from a query string and the labels results show (no database)."""

from django.http import QueryDict

from search.engine.types import FACET_LIMIT, Filters, Results


def test_filters_keep_known_values_and_drop_unknown_kinds_and_dates():
    f = Filters.from_querydict(QueryDict("type=news&rtype=planning&ks=KS1&date=decade&x=1"))
    assert f.active() == {"type": "news", "rtype": "planning", "ks": "KS1"}
    assert Filters.from_querydict(QueryDict("type=spaceship")).active() == {}


def test_filters_without_one_key_keep_the_rest():
    f = Filters(group="maths", school="alpha")
    assert f.without("group").active() == {"school": "alpha"}
    assert f.active() == {"group": "maths", "school": "alpha"}


def test_results_paging_and_capped_labels():
    r = Results("q", [], 1001, [], page=2, per_page=20, capped=True)
    assert r.total_label == "1,001+" and r.counted_label == "1,001"
    assert r.num_pages == 50  # never more than MAX_PAGES
    assert r.has_next and r.has_previous and r.start_index == 21
    empty = Results("q", [], 0, [])
    assert empty.num_pages == 1 and empty.start_index == 0 and not empty.has_next
    assert FACET_LIMIT > 0
