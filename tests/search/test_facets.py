"""search.engine.facets: one facet implementation for /search/ and /hub/."""

import pytest

from hub.models import Resource
from search.engine import Filters
from search.engine.facets import labels, make_facet, resource_facet_counts, tally

pytestmark = pytest.mark.django_db


def test_tally_adds_rows_per_key():
    assert tally([("ks", "1", 2), ("ks", "1", 3), ("tag", "7", 1)]) == {
        "ks": {"1": 5},
        "tag": {"7": 1},
    }


def test_make_facet_marks_selected_and_keeps_an_unmatched_selection():
    facet = make_facet("group", [("maths", "Maths", 3), ("eyfs", "EYFS", 5)], Filters(group="send"))
    assert [v.value for v in facet.values] == ["eyfs", "maths", "send"]  # by count, then chosen
    assert facet.values[-1].selected and facet.values[-1].count == 0


def test_resource_facet_counts_count_only_the_given_set(world):
    visible = Resource.objects.filter(pk__in=[world.phonics.pk, world.calc.pk]).values("pk")
    sql, params = visible.query.sql_with_params()
    counts = resource_facet_counts(sql, params)
    assert counts["school"] == {str(world.school_a.pk): 1, str(world.school_b.pk): 1}
    assert counts["group"] == {str(world.literacy.pk): 1, str(world.maths.pk): 1}
    assert sum(counts["tag"].values()) == 3  # phonics, planning, maths; not the hidden ones
    names = labels(counts, [("group", type(world.maths), "slug", "title", None)])
    assert sorted(v for _pk, v, _l, _o in names["group"]) == ["literacy", "maths"]
