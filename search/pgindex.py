"""The optional RUM index on PostgreSQL (migration 0004 and `manage.py search_rum`)."""

from django.db import DatabaseError, transaction

RUM_INDEX = "intranet_search_doc_rank_rum"
RUM = (
    f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON intranet_search_doc "
    "USING rum (rankvec rum_tsvector_ops)"
)


def rum_available(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone() is not None


def add_rum_index(connection):
    """Create the extension (if allowed) and the RUM index; False where either is impossible.
    Runs in a savepoint so that a refusal (no package, no privilege) leaves the rest intact."""
    if connection.vendor != "postgresql" or not rum_available(connection):
        return False
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
            cursor.execute(RUM)
    except DatabaseError:
        return False
    return True
