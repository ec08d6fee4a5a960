"""search.filters: /search/ shares the hub's filter names; the old names redirect."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from search.filters import SearchFilter, renamed

from .conftest import titles

pytestmark = pytest.mark.django_db


def test_old_names_are_renamed():
    new = renamed(QueryDict("q=x&type=news&rtype=planning&ks=KS1"))
    assert new.dict() == {"q": "x", "kind": "news", "type": "planning", "key_stage": "KS1"}
    assert renamed(QueryDict("q=x&type=planning&key_stage=KS1")) is None
    # `policy` is a kind and a resource type: read as today's resource type.
    assert renamed(QueryDict("q=x&type=policy")) is None


def test_engine_filters_from_the_shared_names():
    f = SearchFilter(QueryDict("kind=resource&type=planning&key_stage=KS2&date=week&tag=%00"))
    engine = f.engine_filters()
    assert (engine.type, engine.rtype, engine.ks, engine.date) == (
        "resource",
        "planning",
        "KS2",
        "week",
    )
    assert engine.tag == ""  # refused, not passed on


def test_old_links_redirect_permanently(client, world):
    client.force_login(world.teacher_a)
    response = client.get(reverse("search"), {"q": "phonics", "ks": "KS1", "type": "resource"})
    assert response.status_code == 301
    assert "key_stage=KS1" in response["Location"] and "kind=resource" in response["Location"]


def test_new_names_filter_and_paging_keeps_them(client, world):
    client.force_login(world.teacher_a)
    response = client.get(reverse("search"), {"q": "phonics", "key_stage": "KS1"})
    assert titles(response.context["results"]) == ["Year 1 phonics planning"]
    html = response.content.decode()
    assert 'name="key_stage" value="KS1"' in html  # the search box keeps the filter
