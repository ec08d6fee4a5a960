"""search.engine.hits: a page of hits with labels and a snippet of where the words matched."""

import pytest

from search import highlight
from search.engine.hits import resource_hit

pytestmark = pytest.mark.django_db


def test_resource_hit_carries_labels_and_a_marked_snippet(world):
    hit = resource_hit(world.phonics, highlight.terms_regex(["phonics"]))
    assert hit.kind == "resource" and hit.url == world.phonics.get_absolute_url()
    assert hit.school == "Alpha Primary" and hit.groups == ["Literacy"]
    assert hit.matched_in == "description" and "<mark>" in hit.snippet
    assert sorted(hit.tags) == ["phonics", "planning"]


def test_page_hits_have_kind_and_school(world, engine):
    hits = {h.title: h for h in engine.search(world.teacher_a, "phonics").hits}
    news = hits["Phonics screening check results"]
    assert news.kind == "news" and news.school == "Alpha Primary"
