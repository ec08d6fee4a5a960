"""A narrow side table of Wagtail's search index: one row per index entry with the object's
content type, integer id and the few values facets need (resource type, school, date).

Ranking still reads Wagtail's own index (FTS5 table / tsvectors); the engine joins matches to
this table instead of the wide `wagtailsearch_indexentry` rows, which made counting and faceting
a common word several times faster (see bench/search.py). Kept in step by database triggers on
`wagtailsearch_indexentry`, so every way Wagtail writes its index (signals, update_index, the
hub's extraction task) keeps it current without any Python code."""

from django.db import migrations

RESOURCE_CT = (
    "(SELECT id FROM django_content_type WHERE app_label = 'hub' AND model = 'resource')"
)

SQLITE_ROW = f"""
    INSERT OR REPLACE INTO intranet_search_doc (id, ct, oid, rtype, school, created)
    SELECT NEW.id, NEW.content_type_id, CAST(NEW.object_id AS integer), r.resource_type_id,
           r.school_id, COALESCE(r.created_at, p.last_published_at)
    FROM (SELECT 1) AS one
    LEFT JOIN hub_resource r ON NEW.content_type_id = {RESOURCE_CT}
         AND r.id = CAST(NEW.object_id AS integer)
    LEFT JOIN wagtailcore_page p ON NEW.content_type_id <> {RESOURCE_CT}
         AND p.id = CAST(NEW.object_id AS integer);
"""
SQLITE_UP = [
    "CREATE TABLE IF NOT EXISTS intranet_search_doc (id INTEGER PRIMARY KEY, "
    "ct INTEGER NOT NULL, oid INTEGER NOT NULL, rtype INTEGER, school INTEGER, created TEXT)",
    "CREATE INDEX IF NOT EXISTS intranet_search_doc_oid ON intranet_search_doc (oid, ct)",
    "CREATE TRIGGER IF NOT EXISTS intranet_search_doc_ins AFTER INSERT ON "
    f"wagtailsearch_indexentry BEGIN {SQLITE_ROW} END",
    "CREATE TRIGGER IF NOT EXISTS intranet_search_doc_upd AFTER UPDATE ON "
    f"wagtailsearch_indexentry BEGIN {SQLITE_ROW} END",
    "CREATE TRIGGER IF NOT EXISTS intranet_search_doc_del AFTER DELETE ON "
    "wagtailsearch_indexentry BEGIN DELETE FROM intranet_search_doc WHERE id = OLD.id; END",
    "INSERT OR REPLACE INTO intranet_search_doc (id, ct, oid, rtype, school, created) "
    "SELECT e.id, e.content_type_id, CAST(e.object_id AS integer), r.resource_type_id, "
    "r.school_id, COALESCE(r.created_at, p.last_published_at) FROM wagtailsearch_indexentry e "
    f"LEFT JOIN hub_resource r ON e.content_type_id = {RESOURCE_CT} "
    "AND r.id = CAST(e.object_id AS integer) "
    f"LEFT JOIN wagtailcore_page p ON e.content_type_id <> {RESOURCE_CT} "
    "AND p.id = CAST(e.object_id AS integer)",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS intranet_search_doc_ins",
    "DROP TRIGGER IF EXISTS intranet_search_doc_upd",
    "DROP TRIGGER IF EXISTS intranet_search_doc_del",
    "DROP TABLE IF EXISTS intranet_search_doc",
]

POSTGRES_UP = [
    # rankvec: the title and the higher-weighted body fields (tags, description, subject;
    # weights A-C, not the file text at D), small enough to stay inline (STORAGE MAIN), so that
    # ranking every match by it does not unpack the large out-of-line body vectors.
    "CREATE TABLE IF NOT EXISTS intranet_search_doc (id bigint PRIMARY KEY, ct integer NOT NULL, "
    "oid bigint NOT NULL, rtype bigint, school bigint, created timestamptz, rankvec tsvector)",
    "ALTER TABLE intranet_search_doc ALTER COLUMN rankvec SET STORAGE MAIN",
    "CREATE INDEX IF NOT EXISTS intranet_search_doc_oid ON intranet_search_doc (oid, ct)",
    f"""CREATE OR REPLACE FUNCTION intranet_search_doc_sync() RETURNS trigger AS $$
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
      INSERT INTO intranet_search_doc (id, ct, oid, rtype, school, created, rankvec)
      SELECT NEW.id, NEW.content_type_id, v_oid, r.resource_type_id, r.school_id,
             COALESCE(r.created_at, p.last_published_at),
             NEW.title || ts_filter(NEW.body, '{{a,b,c}}')
      FROM (SELECT 1) AS one
      LEFT JOIN hub_resource r ON NEW.content_type_id = rct AND r.id = v_oid
      LEFT JOIN wagtailcore_page p ON NEW.content_type_id IS DISTINCT FROM rct AND p.id = v_oid
      ON CONFLICT (id) DO UPDATE SET ct = EXCLUDED.ct, oid = EXCLUDED.oid,
        rtype = EXCLUDED.rtype, school = EXCLUDED.school, created = EXCLUDED.created,
        rankvec = EXCLUDED.rankvec;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS intranet_search_doc_sync ON wagtailsearch_indexentry",
    "CREATE TRIGGER intranet_search_doc_sync AFTER INSERT OR UPDATE OR DELETE "
    "ON wagtailsearch_indexentry FOR EACH ROW EXECUTE FUNCTION intranet_search_doc_sync()",
    "INSERT INTO intranet_search_doc (id, ct, oid, rtype, school, created, rankvec) "
    "SELECT e.id, e.content_type_id, e.object_id::bigint, r.resource_type_id, r.school_id, "
    "COALESCE(r.created_at, p.last_published_at), e.title || ts_filter(e.body, '{a,b,c}') "
    "FROM wagtailsearch_indexentry e "
    f"LEFT JOIN hub_resource r ON e.content_type_id = {RESOURCE_CT} "
    "AND r.id = e.object_id::bigint "
    f"LEFT JOIN wagtailcore_page p ON e.content_type_id <> {RESOURCE_CT} "
    "AND p.id = e.object_id::bigint WHERE e.object_id ~ '^[0-9]+$' ON CONFLICT (id) DO NOTHING",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS intranet_search_doc_sync ON wagtailsearch_indexentry",
    "DROP FUNCTION IF EXISTS intranet_search_doc_sync()",
    "DROP TABLE IF EXISTS intranet_search_doc",
]


def _run(schema_editor, statements):
    with schema_editor.connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def up(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_UP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_UP)


def down(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DOWN)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DOWN)


class Migration(migrations.Migration):
    dependencies = [
        ("intranet_search", "0001_initial"),
        ("hub", "0002_resource_metadata"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(up, down)]
