"""The two-tier PostgreSQL search (engine.py) reads only the narrow side table:
- `mvec`, the entry's whole match vector (title || body), stored out of line (EXTERNAL) so that
  the table's rows stay small; with its own GIN index. Matching through Wagtail's table meant
  visiting its ~2 kB rows (13k heap pages for one common word at 100k entries).
- GIN on `rankvec`, so that the title/tags/description tier is found the same way;
- RUM on `rankvec` where the server has the extension (Debian: postgresql-NN-rum), so that the
  best matches of a common word come out of the index already in rank order instead of being
  ranked one by one. Without RUM search still works, more slowly (README, bench/search.py).

If the extension is installed after this migration ran, `manage.py search_rum` adds the index."""

from django.db import migrations

from search.pgindex import add_rum_index

RESOURCE_CT = (
    "(SELECT id FROM django_content_type WHERE app_label = 'hub' AND model = 'resource')"
)
SYNC = f"""CREATE OR REPLACE FUNCTION intranet_search_doc_sync() RETURNS trigger AS $$
    DECLARE
      rct integer;
      v_oid bigint;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM intranet_search_doc WHERE id = OLD.id;
        RETURN OLD;
      END IF;
      IF NEW.object_id !~ '^[0-9]+$' THEN
        RETURN NEW;
      END IF;
      v_oid := NEW.object_id::bigint;
      rct := {RESOURCE_CT};
      INSERT INTO intranet_search_doc (id, ct, oid, rtype, school, created, rankvec, mvec)
      SELECT NEW.id, NEW.content_type_id, v_oid, r.resource_type_id, r.school_id,
             COALESCE(r.created_at, p.last_published_at),
             NEW.title || ts_filter(NEW.body, '{{a,b,c}}'), NEW.title || NEW.body
      FROM (SELECT 1) AS one
      LEFT JOIN hub_resource r ON NEW.content_type_id = rct AND r.id = v_oid
      LEFT JOIN wagtailcore_page p ON NEW.content_type_id IS DISTINCT FROM rct AND p.id = v_oid
      ON CONFLICT (id) DO UPDATE SET ct = EXCLUDED.ct, oid = EXCLUDED.oid,
        rtype = EXCLUDED.rtype, school = EXCLUDED.school, created = EXCLUDED.created,
        rankvec = EXCLUDED.rankvec, mvec = EXCLUDED.mvec;
      RETURN NEW;
    END $$ LANGUAGE plpgsql"""
UP = [
    "ALTER TABLE intranet_search_doc ADD COLUMN IF NOT EXISTS mvec tsvector",
    "ALTER TABLE intranet_search_doc ALTER COLUMN mvec SET STORAGE EXTERNAL",
    SYNC,
    "UPDATE intranet_search_doc d SET mvec = e.title || e.body "
    "FROM wagtailsearch_indexentry e WHERE e.id = d.id",
    "CREATE INDEX IF NOT EXISTS intranet_search_doc_match_gin ON intranet_search_doc "
    "USING gin (mvec)",
    "CREATE INDEX IF NOT EXISTS intranet_search_doc_rank_gin ON intranet_search_doc "
    "USING gin (rankvec)",
]
# The per-row visibility check (engine.Scope._permitted_sql) answered from the index alone,
# without fetching the wide resource row that carries the description and file text.
AUDIENCE = (
    "CREATE INDEX IF NOT EXISTS intranet_search_resource_by_id ON hub_resource (id) "
    "INCLUDE (visibility, withdrawn, school_id, uploaded_by_user_id)"
)
DOWN = [
    "DROP INDEX IF EXISTS intranet_search_resource_by_id",
    "DROP INDEX IF EXISTS intranet_search_doc_match_gin",
    "DROP INDEX IF EXISTS intranet_search_doc_rank_rum",
    "DROP INDEX IF EXISTS intranet_search_doc_rank_gin",
]


def up(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in [*UP, AUDIENCE]:
            cursor.execute(sql)
    add_rum_index(connection)


def down(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for sql in DOWN:
            cursor.execute(sql)
        # The mvec column and the trigger that fills it stay: harmless, and re-applying
        # this migration finds them in place.


class Migration(migrations.Migration):
    dependencies = [("intranet_search", "0003_resource_search_indexes")]
    operations = [migrations.RunPython(up, down)]
