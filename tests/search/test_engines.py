"""One module per engine: get_engine chooses by SEARCH_BACKEND and the database; Wagtail's own
backend (Elasticsearch/OpenSearch, or the database fallback here) answers the same questions."""

import pytest
from django.db import connection

from search.engine import PostgresEngine, SQLiteEngine, WagtailEngine, get_engine

from .conftest import titles

pytestmark = pytest.mark.django_db


def test_get_engine_by_backend_and_database():
    assert isinstance(get_engine("elasticsearch"), WagtailEngine)
    expected = PostgresEngine if connection.vendor == "postgresql" else SQLiteEngine
    assert isinstance(get_engine("database"), expected)


def test_wagtail_engine_keeps_visibility(world):
    engine = WagtailEngine()
    assert "Year 1 phonics planning" in titles(engine.search(world.teacher_a, "phonics"))
    assert engine.count(world.teacher_a, "axolotl") == 0
    assert engine.count(world.senco_b, "axolotl") >= 1


def test_sql_engine_ranked_resource_ids_are_visible_only(world):
    engine = get_engine("database")
    assert engine.ranked_resource_ids(world.teacher_a, "axolotl", 10) == []
    assert engine.ranked_resource_ids(world.senco_b, "axolotl", 10) == [world.restricted.pk]
