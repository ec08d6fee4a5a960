"""search.engine.scope: visibility and filters as querysets and SQL, from people/visibility.py."""

import pytest

from search.engine import Filters, Scope

pytestmark = pytest.mark.django_db


def test_resources_are_visible_filtered_and_not_withdrawn(world):
    ids = set(Scope(world.teacher_a, Filters()).resources().values_list("pk", flat=True))
    assert world.phonics.pk in ids and world.school_only.pk in ids
    assert world.restricted.pk not in ids and world.withdrawn.pk not in ids
    senco = set(Scope(world.senco_b, Filters()).resources().values_list("pk", flat=True))
    assert world.restricted.pk in senco and world.school_only.pk not in senco


def test_resource_filters_narrow_the_set(world):
    ks1 = Scope(world.teacher_a, Filters(ks="KS1")).resources()
    assert list(ks1.values_list("pk", flat=True)) == [world.phonics.pk]
    maths = Scope(world.teacher_a, Filters(group="maths")).resources()
    assert list(maths.values_list("pk", flat=True)) == [world.calc.pk]


def test_page_only_kinds_and_resource_only_filters(world):
    assert Scope(world.teacher_a, Filters(type="news")).resources() is None
    assert Scope(world.teacher_a, Filters(ks="KS1")).pages() is None
    news = Scope(world.teacher_a, Filters(type="news")).pages()
    assert list(news.values_list("pk", flat=True)) == [world.news.pk]


def test_allowed_sql_is_built_once_and_parametrised(world):
    scope = Scope(world.teacher_b, Filters(school="beta"))
    sql, params = scope.allowed_sql()
    assert scope.allowed_sql() is scope._allowed
    assert "beta" not in sql and "beta" in [str(p) for p in params]
