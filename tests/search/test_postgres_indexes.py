"""The PostgreSQL side table's indexes (search/migrations/0004) and `manage.py search_rum`."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from search.engine import PostgresEngine
from search.pgindex import RUM_INDEX, rum_available
from tests.hub.factories import ResourceFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's side-table indexes"
)


def _indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'intranet_search_doc'")
        return {row[0] for row in cursor.fetchall()}


@postgres_only
def test_match_and_rank_indexes_exist_and_rum_where_the_server_has_it():
    names = _indexes()
    assert {"intranet_search_doc_match_gin", "intranet_search_doc_rank_gin"} <= names
    assert (RUM_INDEX in names) == rum_available(connection)
    assert PostgresEngine().rum == (RUM_INDEX in names)


@postgres_only
def test_side_table_holds_the_whole_match_vector_out_of_line():
    resource = ResourceFactory(title="Bilby notes", lines=["the bandicoot burrows at night"])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.mvec @@ to_tsquery('english', 'bandicoot'), "
            "d.rankvec @@ to_tsquery('english', 'bandicoot'), "
            "d.rankvec @@ to_tsquery('english', 'bilby') "
            "FROM intranet_search_doc d WHERE d.oid = %s AND d.ct = "
            "(SELECT id FROM django_content_type WHERE app_label = 'hub' AND model = 'resource')",
            [resource.pk],
        )
        # File text only in the match vector; the title in both.
        assert cursor.fetchone() == (True, False, True)
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'intranet_search_doc'::regclass "
            "AND attname = 'mvec'"
        )
        assert cursor.fetchone()[0] == "e"


@postgres_only
def test_search_rum_command_builds_the_index_or_says_what_to_install():
    if rum_available(connection):
        call_command("search_rum")
        assert RUM_INDEX in _indexes()
    else:
        with pytest.raises(CommandError, match="install the rum extension"):
            call_command("search_rum")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the refusal on other databases")
def test_search_rum_command_refuses_other_databases():
    with pytest.raises(CommandError, match="for PostgreSQL"):
        call_command("search_rum")
