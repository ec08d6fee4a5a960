# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (ids, dates) is passed as a parameter.
"""Facet counts: one implementation for /search/ and /hub/.

The counts are parts of one statement over CTEs the caller defines: `mf` (matched entries with
`ct`, `oid`, `rtype`, `school`, `created`), `mr` (the matched resources' ids) and `mp` (the
matched pages' ids). Search fills them from the side table of its ranked matches, the hub from
the visible, filtered resources (`resource_facet_counts`). Either way a facet counts only what
this user may see. Labels for the counted ids come in one more query (`labels`)."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from .content import resource_model, tables
from .types import (
    DATE_BUCKETS,
    FACET_LIMIT,
    FILTER_LABELS,
    KIND_LABELS,
    Facet,
    FacetValue,
    date_cutoff,
)


class FacetsMixin:
    """The SQL engines' facet parts and facets built from their rows."""

    def facet_parts(self, R, with_dates=True):
        from pages.models import SchoolPage, WorkingGroupPage

        Resource = resource_model()
        t = tables()
        parts, part_params = [], []
        news, event, page = t["news"], t["event"], t["page"]

        def linked(fk, anchor_ct):
            sql = (
                f"SELECT mp.id AS id, 'p' AS k, n.{fk}_id AS x FROM mp "
                f"JOIN {news} n ON n.page_ptr_id = mp.id WHERE n.{fk}_id IS NOT NULL "
                f"UNION SELECT mp.id, 'p', ev.{fk}_id FROM mp "
                f"JOIN {event} ev ON ev.page_ptr_id = mp.id WHERE ev.{fk}_id IS NOT NULL "
                f"UNION SELECT mp.id, 'p', a.id FROM mp JOIN {page} p ON p.id = mp.id "
                f"JOIN {page} a ON a.content_type_id = %s AND p.path LIKE a.path || '%%'"
            )
            return sql, [anchor_ct]

        cts = ContentType.objects.get_for_models(SchoolPage, WorkingGroupPage)
        if Resource is not None:
            links = self.resource_links(t, R)
            parts += [
                "SELECT 'rtype', CAST(rtype AS varchar(40)), COUNT(*) FROM mf "
                "WHERE rtype IS NOT NULL GROUP BY rtype",
                f"SELECT 'ks', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['ks'][0]}) l "
                "GROUP BY l.x",
                f"SELECT 'tag', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['tag'][0]}) l "
                "GROUP BY l.x",
            ]
            part_params += links["ks"][1] + links["tag"][1]
            group_sql, gp = linked("group", cts[WorkingGroupPage].pk)
            parts.append(
                f"SELECT 'group', CAST(g.x AS varchar(40)), COUNT(*) FROM ("
                f"{links['group'][0]} UNION {group_sql}) g GROUP BY g.x"
            )
            part_params += links["group"][1] + gp
            school_sql, sp = linked("school", cts[SchoolPage].pk)
            parts.append(
                f"SELECT 'school', CAST(s.x AS varchar(40)), COUNT(*) FROM ("
                f"SELECT oid AS id, 'r' AS k, school AS x FROM mf WHERE ct = %s "
                f"AND school IS NOT NULL UNION {school_sql}) s GROUP BY s.x"
            )
            part_params += [R, *sp]
        for key, _, _ in DATE_BUCKETS if with_dates else ():
            parts.append(f"SELECT 'date', '{key}', COUNT(*) FROM mf WHERE created >= %s")
            part_params.append(connection.ops.adapt_datetimefield_value(date_cutoff(key)))
        return parts, part_params

    def resource_links(self, t, R):
        """{key: (SQL of (id, k, x) rows: matched resource, 'r', linked key stage / tag /
        group id), params)} from the link tables."""
        return {
            "ks": (
                f"SELECT mr.id AS id, 'r' AS k, x.keystage_id AS x FROM mr "
                f"JOIN {t['ks']} x ON x.resource_id = mr.id",
                [],
            ),
            "tag": (
                f"SELECT mr.id AS id, 'r' AS k, x.tag_id AS x FROM mr "
                f"JOIN {t['tag']} x ON x.object_id = mr.id AND x.content_type_id = %s",
                [R],
            ),
            "group": (
                f"SELECT mr.id AS id, 'r' AS k, x.workinggrouppage_id AS x FROM mr "
                f"JOIN {t['wg']} x ON x.resource_id = mr.id",
                [],
            ),
        }

    # -- facets ---
    def build_facets(self, scope, raw, filters):
        from pages.models import SchoolPage, WorkingGroupPage

        counts = tally(raw)
        kinds = {}
        for ct, n in counts.get("ct", {}).items():
            kind = "resource" if int(ct) == scope.R else scope.page_cts.get(int(ct), "page")
            kinds[kind] = kinds.get(kind, 0) + n
        facets = [make_facet("type", [(k, KIND_LABELS[k], n) for k, n in kinds.items()], filters)]
        Resource = resource_model()
        if Resource is not None:
            from hub.models import KeyStage, ResourceType

            tag_model = Resource.tags.through.tag_model()
            specs = [
                ("rtype", ResourceType, "slug", "name", None),
                ("group", WorkingGroupPage, "slug", "title", None),
                ("ks", KeyStage, "code", "name", "sort_order"),
                ("school", SchoolPage, "slug", "title", None),
                ("tag", tag_model, "slug", "name", None),
            ]
            found = labels(counts, specs)
            for key, *_rest, order in specs:
                ids = {int(v): n for v, n in counts.get(key, {}).items()}
                rows = sorted(found.get(key, []), key=lambda r: r[3])
                values = [(value, label, ids[pk]) for pk, value, label, _ in rows]
                facets.append(make_facet(key, values, filters, keep_order=bool(order)))
        dates = counts.get("date", {})
        facets.append(
            make_facet(
                "date",
                [(k, label, dates.get(k, 0)) for k, label, _ in DATE_BUCKETS if dates.get(k)],
                filters,
                keep_order=True,
            )
        )
        return [f for f in facets if f.values]


def tally(raw):
    """{facet key: {value: count}} from ('key', 'value', count) rows."""
    counts = {}
    for f, v, n in raw:
        counts.setdefault(f, {})
        counts[f][v] = counts[f].get(v, 0) + n
    return counts


def labels(counts, specs):
    """{facet key: [(pk, value, label, sort key)]} for the counted ids, in one query
    (written out: composing five querysets into a union cost more than running it)."""
    parts, params = [], []
    for key, model, value_field, label_field, order in specs:
        ids = [int(v) for v in counts.get(key, {})]
        if not ids:
            continue
        # Page types keep slug and title on wagtailcore_page.
        table = Page._meta.db_table if issubclass(model, Page) else model._meta.db_table
        sort = order or "0"
        marks = ", ".join(["%s"] * len(ids))
        parts.append(
            f"SELECT '{key}', id, {value_field}, {label_field}, {sort} FROM {table} "
            f"WHERE id IN ({marks})"
        )
        params += ids
    out = {}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for key, pk, value, label, order in cursor.fetchall():
                out.setdefault(key, []).append((pk, value, label, order))
    return out


def make_facet(key, values, filters, keep_order=False):
    selected = getattr(filters, key)
    if not keep_order:
        values = sorted(values, key=lambda v: (-v[2], v[1].lower()))
    out = [FacetValue(str(v), label, n, str(v) == selected) for v, label, n in values]
    if len(out) > FACET_LIMIT:
        out = out[:FACET_LIMIT] + [v for v in out[FACET_LIMIT:] if v.selected]
    if selected and not any(v.selected for v in out):
        out.append(FacetValue(selected, selected, 0, True))
    return Facet(key, FILTER_LABELS[key], out)


def resource_facet_counts(ids_sql, ids_params, with_dates=False):
    """{facet key: {id: count}} for type (`rtype`), group, key stage (`ks`), school and tag
    over the resources whose ids `ids_sql` selects (the hub's visible, filtered set), in one
    statement built from the same parts as the search's facets."""
    Resource = resource_model()
    R = ContentType.objects.get_for_model(Resource).pk
    table = connection.ops.quote_name(Resource._meta.db_table)
    cte = (
        f"WITH mf AS (SELECT r.id AS oid, %s AS ct, r.resource_type_id AS rtype, "
        f"r.school_id AS school, r.created_at AS created FROM {table} r "
        f"WHERE r.id IN ({ids_sql})), "
        "mr AS (SELECT oid AS id FROM mf), mp AS (SELECT oid AS id FROM mf WHERE 1 = 0) "
    )
    parts, params = FacetsMixin().facet_parts(R, with_dates=with_dates)
    with connection.cursor() as cursor:
        cursor.execute(cte + " UNION ALL ".join(parts), [R, *ids_params, *params])
        return tally(cursor.fetchall())
