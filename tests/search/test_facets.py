"""search.engine.facets: one facet implementation for /search/ and /hub/."""

import pytest

from hub.facets import tally
from search.engine import Filters
from search.engine.facets import make_facet

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


def test_search_facets_count_only_what_the_user_may_see(world, engine):
    facets = {f.key: f for f in engine.search(world.teacher_a, "axolotl moderation").facets}
    tags = [v.value for v in facets.get("tag").values] if "tag" in facets else []
    assert "secrettagquince" not in tags
    groups = {v.value: v.count for v in facets["group"].values}
    assert groups.get("maths", 0) == 0  # the only maths match is restricted
