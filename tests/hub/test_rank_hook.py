"""The hub's text search goes through the `lte_rank_resources` hook (search registers it), so
hub never imports search; without any hook it falls back to Wagtail's own `.search()`."""

import pytest
from wagtail import hooks

from hub import browse
from tests.factories import SchoolPageFactory
from tests.hub.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(tree, make_user):
    school = SchoolPageFactory(parent=tree.schools, slug="coppice")
    user = make_user("teacher.rank", school=school)
    a = ResourceFactory(title="Quetzal fractions", school=school, kind="txt")
    b = ResourceFactory(title="Quetzal spelling", school=school, kind="txt")
    return user, a, b


def only_rank_hooks(monkeypatch, fns):
    """Replaces the `lte_rank_resources` hooks only; every other hook stays as registered."""
    original = hooks.get_hooks
    monkeypatch.setattr(
        hooks, "get_hooks", lambda name: fns if name == browse.RANK_RESOURCES else original(name)
    )


def titles(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return [r.title for r in response.context["items"]]


def test_search_registers_the_hook():
    assert any(
        fn.__module__ == "search.wagtail_hooks" for fn in hooks.get_hooks("lte_rank_resources")
    )


def test_hub_search_uses_the_hooks_ranking(client, two, monkeypatch):
    user, a, b = two
    only_rank_hooks(monkeypatch, [lambda u, q, limit: [b.pk, a.pk]])
    assert titles(client, user, "/hub/?q=quetzal") == ["Quetzal spelling", "Quetzal fractions"]


def test_without_a_hook_the_hub_still_searches(client, two, monkeypatch):
    user, a, b = two
    only_rank_hooks(monkeypatch, [])
    assert browse._ranked_ids(user, "quetzal", 10) is None
    assert set(titles(client, user, "/hub/?q=quetzal")) == {a.title, b.title}
