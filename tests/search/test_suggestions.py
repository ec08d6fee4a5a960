"""search.engine.suggestions: did-you-mean, relaxing filters, autocomplete (all visibility-safe)."""

import pytest

from search.engine import Filters

pytestmark = pytest.mark.django_db


def test_relax_offers_only_filters_whose_removal_finds_something(world, engine):
    from search.query import ParsedQuery

    out = engine.relax(world.teacher_a, ParsedQuery("phonics", []), Filters(ks="KS2"))
    assert [r["key"] for r in out] == ["ks"] and out[0]["count"] >= 1


def test_autocomplete_lists_titles_and_tags_the_user_may_see(world, engine):
    labels = [i["label"] for i in engine.autocomplete(world.teacher_a, "narw")]
    assert "Narwhal moderation notes" in labels
    assert engine.autocomplete(world.teacher_b, "narw") == []
    assert engine.autocomplete(world.teacher_a, "n") == []  # too short to suggest
