# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (ids, dates) is passed as a parameter.
"""Search's facets: the resource facets are hub.facets' (one implementation for /hub/ and
/search/), counted over the CTEs of the main statement: `mf` (the counted matches: `ct`, `oid`,
`rtype`, `school`, `created`), `mr` (the matched resources: `id`, `rtype`, `school`) and `mp`
(the matched pages' ids), so a facet counts only what this user may see. Search adds the
content type, its pages' groups and schools, and date buckets."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from hub import facets as hub_facets
from pages.models import SchoolPage, WorkingGroupPage

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
        """Resource facets from hub.facets (over `mr`: the matched resources), with the
        matched pages' groups and schools (news and events by their field, other pages by
        where they sit in the tree) and the date buckets (over `mf`)."""
        parts, part_params = [], []
        if resource_model() is not None:
            src = dict.fromkeys(hub_facets.KEYS, "mr")
            cts = ContentType.objects.get_for_models(SchoolPage, WorkingGroupPage)
            extra = {
                "group": self.linked_pages("group", cts[WorkingGroupPage].pk),
                "school": self.linked_pages("school", cts[SchoolPage].pk),
            }
            parts, part_params = hub_facets.facet_parts(
                R, src, links=self.resource_links(src, R), extra=extra
            )
        for key, _, _ in DATE_BUCKETS if with_dates else ():
            parts.append(f"SELECT 'date', '{key}', COUNT(*) FROM mf WHERE created >= %s")
            part_params.append(connection.ops.adapt_datetimefield_value(date_cutoff(key)))
        return parts, part_params

    @staticmethod
    def linked_pages(fk, anchor_ct):
        """(SQL of (id, 'p', x) rows: a matched page and the school / group it belongs to)."""
        t = tables()
        news, event, page = t["news"], t["event"], t["page"]
        sql = (
            f"SELECT mp.id AS id, 'p' AS k, n.{fk}_id AS x FROM mp "
            f"JOIN {news} n ON n.page_ptr_id = mp.id WHERE n.{fk}_id IS NOT NULL "
            f"UNION SELECT mp.id, 'p', ev.{fk}_id FROM mp "
            f"JOIN {event} ev ON ev.page_ptr_id = mp.id WHERE ev.{fk}_id IS NOT NULL "
            f"UNION SELECT mp.id, 'p', a.id FROM mp JOIN {page} p ON p.id = mp.id "
            f"JOIN {page} a ON a.content_type_id = %s AND p.path LIKE a.path || '%%'"
        )
        return sql, [anchor_ct]

    def resource_links(self, src, R):
        """Key stages, tags and groups of the matched resources, from the link tables."""
        return hub_facets.link_rows(src, R)

    def build_facets(self, scope, raw, filters):
        counts = hub_facets.tally(raw)
        kinds = {}
        for ct, n in counts.get("ct", {}).items():
            kind = "resource" if int(ct) == scope.R else scope.page_cts.get(int(ct), "page")
            kinds[kind] = kinds.get(kind, 0) + n
        facets = [make_facet("type", [(k, KIND_LABELS[k], n) for k, n in kinds.items()], filters)]
        if resource_model() is not None:
            specs = hub_facets.specs()
            found = hub_facets.labelled(counts, specs)
            for key, *_rest, order in specs:
                rows = sorted(found[key], key=lambda r: r[3])
                values = [(value, label, n) for value, label, n, _ in rows]
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
