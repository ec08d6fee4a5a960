"""Two indexes on the hub's resource table that make the visibility subquery cheap for search:
the audience columns that people/visibility.py filters on (so SQLite answers from the index
instead of scanning rows that carry the whole extracted text), and the short list of withdrawn
resources. Owned here because only search needs them; harmless for everything else."""

from django.db import migrations

UP = [
    "CREATE INDEX IF NOT EXISTS intranet_search_resource_audience ON hub_resource "
    "(visibility, withdrawn, school_id, uploaded_by_user_id)",
    "CREATE INDEX IF NOT EXISTS intranet_search_resource_withdrawn ON hub_resource (id) "
    "WHERE withdrawn",
]
DOWN = [
    "DROP INDEX IF EXISTS intranet_search_resource_audience",
    "DROP INDEX IF EXISTS intranet_search_resource_withdrawn",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor in ("sqlite", "postgresql"):
            with schema_editor.connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("intranet_search", "0002_search_doc"),
        ("hub", "0002_resource_metadata"),
    ]

    operations = [migrations.RunPython(run(UP), run(DOWN))]
