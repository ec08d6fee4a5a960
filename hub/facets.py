# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (ids, slugs, dates) is passed as a parameter.
"""Facet counts over resources: the one implementation behind /hub/ and /search/.

The counts are parts of one SQL statement (joined with UNION ALL) over row sources the caller
defines as CTEs: for each facet key a source of resource rows `(id, rtype, school)`. The hub
gives each facet the visible resources filtered by every *other* facet (so choosing Maths still
offers the other groups with meaningful counts); search gives every facet its ranked matches
and adds its pages' groups and schools (`extra`). Either way only what this user may see is
counted: the sources are built from people/visibility.py by the caller.

Rows come back as (key, id, count); `tally` adds them up and `labels` names the ids in one
query."""

from django.db import connection
from wagtail.models import Page

from pages.models import SchoolPage, WorkingGroupPage

from .models import KeyStage, Resource, ResourceType

KEYS = ("rtype", "group", "ks", "school", "tag")


def link_tables():
    return {
        "ks": Resource.key_stages.through._meta.db_table,
        "wg": Resource.working_groups.through._meta.db_table,
        "tag": Resource.tags.through._meta.db_table,
    }


def link_rows(src, R):
    """{key: (SQL of (id, k, x) rows: a resource of the key's source, 'r', a linked key stage /
    tag / group id), params)} from the link tables."""
    t = link_tables()
    return {
        "ks": (
            f"SELECT s.id AS id, 'r' AS k, x.keystage_id AS x FROM {src['ks']} s "
            f"JOIN {t['ks']} x ON x.resource_id = s.id",
            [],
        ),
        "tag": (
            f"SELECT s.id AS id, 'r' AS k, x.tag_id AS x FROM {src['tag']} s "
            f"JOIN {t['tag']} x ON x.object_id = s.id AND x.content_type_id = %s",
            [R],
        ),
        "group": (
            f"SELECT s.id AS id, 'r' AS k, x.workinggrouppage_id AS x FROM {src['group']} s "
            f"JOIN {t['wg']} x ON x.resource_id = s.id",
            [],
        ),
    }


def facet_parts(R, src, links=None, extra=None):
    """(SELECT parts, params) counting each facet over its source. `src`: {key: CTE name with
    (id, rtype, school) rows}; `links`: the (id, k, x) rows of key stages, tags and groups
    (default: from the link tables); `extra`: {"group"|"school": (SQL of (id, k, x) rows,
    params)} unioned in (search's pages)."""
    links = links or link_rows(src, R)
    extra = extra or {}
    parts = [
        f"SELECT 'rtype', CAST(rtype AS varchar(40)), COUNT(*) FROM {src['rtype']} "
        "WHERE rtype IS NOT NULL GROUP BY rtype",
        f"SELECT 'ks', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['ks'][0]}) l GROUP BY l.x",
        f"SELECT 'tag', CAST(l.x AS varchar(40)), COUNT(*) FROM ({links['tag'][0]}) l GROUP BY l.x",
    ]
    params = links["ks"][1] + links["tag"][1]
    group_sql, group_params = links["group"]
    if "group" in extra:
        group_sql, group_params = (
            f"{group_sql} UNION {extra['group'][0]}",
            [
                *group_params,
                *extra["group"][1],
            ],
        )
    parts.append(
        f"SELECT 'group', CAST(g.x AS varchar(40)), COUNT(*) FROM ({group_sql}) g GROUP BY g.x"
    )
    params += group_params
    school_sql = f"SELECT id, 'r' AS k, school AS x FROM {src['school']} WHERE school IS NOT NULL"
    school_params = []
    if "school" in extra:
        school_sql += f" UNION {extra['school'][0]}"
        school_params = extra["school"][1]
    parts.append(
        f"SELECT 'school', CAST(s.x AS varchar(40)), COUNT(*) FROM ({school_sql}) s GROUP BY s.x"
    )
    return parts, params + school_params


def tally(raw):
    """{facet key: {value: count}} from (key, value, count) rows."""
    counts = {}
    for f, v, n in raw:
        counts.setdefault(f, {})
        counts[f][v] = counts[f].get(v, 0) + n
    return counts


def specs(rtype_order=None):
    """(key, model, value field, label field, sort column) of each resource facet."""
    return [
        ("rtype", ResourceType, "slug", "name", rtype_order),
        ("group", WorkingGroupPage, "slug", "title", None),
        ("ks", KeyStage, "code", "name", "sort_order"),
        ("school", SchoolPage, "slug", "title", None),
        ("tag", Resource.tags.through.tag_model(), "slug", "name", None),
    ]


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


def labelled(counts, specs):
    """{facet key: [(value, label, count, sort key)]} for every counted id."""
    found = labels(counts, specs)
    out = {}
    for key, *_rest in specs:
        ids = {int(v): n for v, n in counts.get(key, {}).items()}
        out[key] = [
            (value, label, ids[pk], order) for pk, value, label, order in found.get(key, [])
        ]
    return out
