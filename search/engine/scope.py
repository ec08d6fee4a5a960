# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (ids, dates) is passed as a parameter.
"""Scope: who may see what, turned into SQL. Visibility itself comes from people/visibility.py
only (`visible_pages`, `visible_resources`, `permitted_resource_ids`); this module restricts the
search side table to those objects and to the filters asked for, and decides nothing itself."""

from django.db import connection
from django.db.models import Q
from wagtail.models import Page

from hub.models import KeyStage, ResourceType
from pages.models import EventPage, NewsArticlePage, SchoolPage, WorkingGroupPage
from people.visibility import permitted_resource_ids, visible_pages, visible_resources

from .content import page_content_types, resource_ct, resource_model
from .types import RESOURCE_ONLY, date_cutoff


class Scope:
    """The visible, filtered resources and pages for one user and one set of filters."""

    def __init__(self, user, filters):
        self.user = user
        self.filters = filters
        self.R = resource_ct() if resource_model() else None
        self.page_cts = page_content_types()
        self._allowed = None

    def searches_resources(self):
        f = self.filters
        return resource_model() is not None and (not f.type or f.type == "resource")

    def visible_resources(self):
        Resource = resource_model()
        if not self.searches_resources():
            return None
        # Withdrawn resources are left out in allowed_sql, not here: a filter on this outer
        # queryset would make the database read every visible row of the wide resource table.
        return visible_resources(self.user, Resource.objects.all())

    def resource_filters(self):
        """One id subquery per active key stage / group / tag filter, on the link tables."""
        Resource = resource_model()
        f = self.filters
        out = []
        if f.group:
            through = Resource.working_groups.through
            out.append(through.objects.filter(workinggrouppage__slug=f.group).values("resource_id"))
        if f.ks:
            through = Resource.key_stages.through
            out.append(through.objects.filter(keystage__code=f.ks).values("resource_id"))
        if f.tag:
            tagged = Resource.tags.through.objects.filter(content_type_id=self.R, tag__slug=f.tag)
            out.append(tagged.values("object_id"))
        return out

    def resources(self):
        """The visible, filtered resources as one queryset (Wagtail engine, tag suggestions)."""
        qs = self.visible_resources()
        if qs is None:
            return None
        qs = qs.filter(withdrawn=False)
        # Every filter as `pk__in`: Wagtail's search backends refuse lookups across relations.
        Resource = resource_model()
        if self.filters.rtype:
            qs = qs.filter(
                pk__in=Resource.objects.filter(resource_type__slug=self.filters.rtype).values("pk")
            )
        if self.filters.school:
            qs = qs.filter(
                pk__in=Resource.objects.filter(school__slug=self.filters.school).values("pk")
            )
        for ids in self.resource_filters():
            qs = qs.filter(pk__in=ids)
        if self.filters.date:
            qs = qs.filter(created_at__gte=date_cutoff(self.filters.date))
        return qs

    def column_filters(self):
        """(side-table column, ids of the resource type / school asked for)."""
        f = self.filters
        out = []
        if f.rtype:
            out.append(("rtype", ResourceType.objects.filter(slug=f.rtype)))
        if f.school:
            out.append(("school", SchoolPage.objects.filter(slug=f.school)))
        return out

    def label_filters(self):
        """(side-table array column, ids of the key stage / group / tag asked for)."""
        f = self.filters
        tag_model = resource_model().tags.through.tag_model()
        out = []
        if f.group:
            out.append(("groups", WorkingGroupPage.objects.filter(slug=f.group).values("pk")))
        if f.ks:
            out.append(("ks", KeyStage.objects.filter(code=f.ks).values("pk")))
        if f.tag:
            out.append(("tags", tag_model.objects.filter(slug=f.tag).values("pk")))
        return out

    def page_ct_ids(self):
        kind = self.filters.type
        return [ct for ct, k in self.page_cts.items() if not kind or k == kind]

    def pages(self):
        f = self.filters
        if f.type == "resource" or any(getattr(f, key) for key in RESOURCE_ONLY):
            return None
        qs = visible_pages(self.user, Page.objects.filter(depth__gt=1))
        if f.type:
            qs = qs.filter(content_type_id__in=self.page_ct_ids())
        for key, model, fk in (
            ("school", SchoolPage, "school"),
            ("group", WorkingGroupPage, "group"),
        ):
            slug = getattr(f, key)
            if not slug:
                continue
            anchor = model.objects.filter(slug=slug).values_list("path", "pk").first()
            if anchor is None:
                return qs.none()
            path, pk = anchor
            linked = Q(pk__in=NewsArticlePage.objects.filter(**{f"{fk}_id": pk}).values("pk")) | Q(
                pk__in=EventPage.objects.filter(**{f"{fk}_id": pk}).values("pk")
            )
            qs = qs.filter(Q(path__startswith=path) | linked)
        if f.date:
            qs = qs.filter(last_published_at__gte=date_cutoff(f.date))
        return qs

    @staticmethod
    def _ids_sql(qs):
        return qs.order_by().values("pk").query.sql_with_params()

    def _permitted_sql(self):
        """`d.oid` among the resources this user may see, from people/visibility.py.
        On PostgreSQL a correlated EXISTS: the IN form sits under an OR, where the planner can
        only hash the whole permitted set (a scan of the wide resource table on every search),
        while EXISTS looks up just the rows the ranked index hands over."""
        permitted = permitted_resource_ids(self.user)
        if permitted is None:
            return "TRUE" if connection.vendor == "postgresql" else "1 = 1", []
        if permitted.query.is_empty():
            # none(): nothing is permitted (and an empty queryset has no SQL to embed).
            return ("FALSE" if connection.vendor == "postgresql" else "1 = 0"), []
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(resource_model()._meta.db_table)
            correlated = permitted.extra(where=[f"{table}.id = d.oid"])  # noqa: S610 - fixed text
            sql, p = correlated.order_by().query.sql_with_params()
            # OFFSET 0 keeps it a per-row lookup: without it the planner may turn the EXISTS
            # back into a hash of every permitted id.
            return f"EXISTS ({sql} OFFSET 0)", list(p)
        # The permitted-ids subquery itself, not `resources` (which wraps it in a second
        # lookup of every visible id in the wide resource table: ~25 ms at 20k on SQLite).
        sql, p = permitted.order_by().query.sql_with_params()
        return f"d.oid IN ({sql})", list(p)

    def allowed_sql(self):
        """SQL restricting `d` (intranet_search_doc, one row per index entry) to visible,
        filtered objects (built once per scope)."""
        if self._allowed is None:
            self._allowed = self._allowed_sql()
        return self._allowed

    def _allowed_sql(self):
        parts, params = [], []
        Resource = resource_model()
        if self.searches_resources():
            table = Resource._meta.db_table
            # Cheapest tests first: within one branch of an OR they run in the order written,
            # so the side table's own columns narrow the rows before any lookup.
            clause, clause_params = "d.ct = %s", [self.R]
            f = self.filters
            for column, ids in self.column_filters():
                fsql, fp = self._ids_sql(ids)
                clause += f" AND d.{column} IN ({fsql})"
                clause_params += fp
            if f.date:
                clause += " AND d.created >= %s"
                clause_params.append(connection.ops.adapt_datetimefield_value(date_cutoff(f.date)))
            if connection.vendor == "postgresql":
                # The side table carries each resource's key stages, groups and tags.
                for col, ids in self.label_filters():
                    fsql, fp = ids.order_by().query.sql_with_params()
                    clause += f" AND d.{col} && ARRAY({fsql})::bigint[]"
                    clause_params += fp
            else:
                for ids in self.resource_filters():
                    fsql, fp = ids.order_by().query.sql_with_params()
                    clause += f" AND d.oid IN ({fsql})"
                    clause_params += fp
            permitted, permitted_params = self._permitted_sql()
            clause += f" AND d.oid NOT IN (SELECT id FROM {table} WHERE withdrawn) AND {permitted}"
            clause_params += permitted_params
            parts.append(f"({clause})")
            params += clause_params
        pages = self.pages()
        cts = self.page_ct_ids()
        if pages is not None and cts:
            sql, p = self._ids_sql(pages)
            marks = ", ".join(["%s"] * len(cts))
            parts.append(f"(d.ct IN ({marks}) AND d.oid IN ({sql}))")
            params += [*cts, *p]
        if not parts:
            return "1 = 0", []
        return "(" + " OR ".join(parts) + ")", params
