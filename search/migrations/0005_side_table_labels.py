"""PostgreSQL: each resource's key stages, working groups and tags as arrays on the side table.

Facet counts over the best 1,000 matches were three index lookups per match (one per link
table), and a key stage, group or tag filter hashed every id carrying it; with the ids on the
row both are a read of the row itself. Kept current by triggers: the index-entry trigger fills
them when Wagtail (re)writes an entry, and triggers on the three link tables when a resource's
links change without a reindex."""

from django.db import migrations

RESOURCE_CT = (
    "(SELECT id FROM django_content_type WHERE app_label = 'hub' AND model = 'resource')"
)
LABELS = """
    (SELECT COALESCE(array_agg(keystage_id ORDER BY keystage_id), '{{}}')
       FROM hub_resource_key_stages WHERE resource_id = {oid}),
    (SELECT COALESCE(array_agg(workinggrouppage_id ORDER BY workinggrouppage_id), '{{}}')
       FROM hub_resource_working_groups WHERE resource_id = {oid}),
    (SELECT COALESCE(array_agg(tag_id ORDER BY tag_id), '{{}}') FROM taggit_taggeditem
       WHERE content_type_id = {rct} AND object_id = {oid})"""

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
      INSERT INTO intranet_search_doc (id, ct, oid, rtype, school, created, rankvec, mvec,
                                       ks, groups, tags)
      SELECT NEW.id, NEW.content_type_id, v_oid, r.resource_type_id, r.school_id,
             COALESCE(r.created_at, p.last_published_at),
             NEW.title || ts_filter(NEW.body, '{{a,b,c}}'), NEW.title || NEW.body,
             l.ks, l.groups, l.tags
      FROM (SELECT 1) AS one
      LEFT JOIN hub_resource r ON NEW.content_type_id = rct AND r.id = v_oid
      LEFT JOIN wagtailcore_page p ON NEW.content_type_id IS DISTINCT FROM rct AND p.id = v_oid
      LEFT JOIN LATERAL (SELECT {LABELS.format(oid="v_oid", rct="rct")}) AS l(ks, groups, tags)
        ON NEW.content_type_id = rct
      ON CONFLICT (id) DO UPDATE SET ct = EXCLUDED.ct, oid = EXCLUDED.oid,
        rtype = EXCLUDED.rtype, school = EXCLUDED.school, created = EXCLUDED.created,
        rankvec = EXCLUDED.rankvec, mvec = EXCLUDED.mvec, ks = EXCLUDED.ks,
        groups = EXCLUDED.groups, tags = EXCLUDED.tags;
      RETURN NEW;
    END $$ LANGUAGE plpgsql"""

# One function for the three link tables: which resource changed, then its arrays again.
LINKS = f"""CREATE OR REPLACE FUNCTION intranet_search_doc_links() RETURNS trigger AS $$
    DECLARE
      rct integer := {RESOURCE_CT};
      v_oid bigint;
      row_ record;
    BEGIN
      IF TG_OP = 'DELETE' THEN row_ := OLD; ELSE row_ := NEW; END IF;
      IF TG_TABLE_NAME = 'taggit_taggeditem' THEN
        IF row_.content_type_id IS DISTINCT FROM rct THEN RETURN NULL; END IF;
        v_oid := row_.object_id;
      ELSE
        v_oid := row_.resource_id;
      END IF;
      UPDATE intranet_search_doc d SET (ks, groups, tags) =
        (SELECT {LABELS.format(oid="v_oid", rct="rct")})
      WHERE d.ct = rct AND d.oid = v_oid;
      RETURN NULL;
    END $$ LANGUAGE plpgsql"""

TABLES = ["hub_resource_key_stages", "hub_resource_working_groups", "taggit_taggeditem"]
UP = [
    "ALTER TABLE intranet_search_doc ADD COLUMN IF NOT EXISTS ks bigint[], "
    "ADD COLUMN IF NOT EXISTS groups bigint[], ADD COLUMN IF NOT EXISTS tags bigint[]",
    SYNC,
    LINKS,
    *[f"DROP TRIGGER IF EXISTS intranet_search_doc_links ON {table}" for table in TABLES],
    *[
        f"CREATE TRIGGER intranet_search_doc_links AFTER INSERT OR UPDATE OR DELETE "
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION intranet_search_doc_links()"
        for table in TABLES
    ],
    f"UPDATE intranet_search_doc d SET (ks, groups, tags) = "
    f"(SELECT {LABELS.format(oid='d.oid', rct=RESOURCE_CT)}) WHERE d.ct = {RESOURCE_CT}",
]
DOWN = [
    *[f"DROP TRIGGER IF EXISTS intranet_search_doc_links ON {table}" for table in TABLES],
    "DROP FUNCTION IF EXISTS intranet_search_doc_links()",
]


def up(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for sql in UP:
            cursor.execute(sql)


def down(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for sql in DOWN:
            cursor.execute(sql)
        # The arrays stay (the index-entry trigger keeps filling them): harmless.


class Migration(migrations.Migration):
    dependencies = [
        ("intranet_search", "0004_side_table_indexes"),
        ("hub", "0002_resource_metadata"),
        ("taggit", "0001_initial"),
    ]
    operations = [migrations.RunPython(up, down)]
