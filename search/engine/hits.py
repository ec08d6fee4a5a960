# ruff: noqa: S608 - SQL is assembled from table names in model _meta and fixed fragments;
# every value (ids) is passed as a parameter.
"""Hits: one page of ranked (entry, content type, object) ids turned into `Hit`s with their
labels, dates and a highlighted snippet of where the words matched."""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Substr
from wagtail.models import Page

from hub.models import KeyStage
from pages.models import EventPage, NewsArticlePage

from .. import highlight
from .content import resource_model, tables
from .types import Hit


class HitsMixin:
    """Loading a page of hits; the SQL engines supply `text_columns` and `fetchall`."""

    def with_bodies(self, scope, top):
        """(ct, oid, page text) for a page of hits: page text for snippets is read for these
        few entries only."""
        _, body_col = self.text_columns()
        page_entries = [entry for entry, ct, _ in top if ct != scope.R]
        bodies = {}
        if page_entries:
            marks = ", ".join(["%s"] * len(page_entries))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT e.id, substr({body_col}, 1, 20000) FROM wagtailsearch_indexentry e "
                    f"WHERE e.id IN ({marks})",
                    page_entries,
                )
                bodies = dict(cursor.fetchall())
        return [(ct, oid, bodies.get(entry)) for entry, ct, oid in top]

    def load_hits(self, scope, rows, parsed, request=None):
        Resource = resource_model()
        regex = highlight.terms_regex(parsed.highlight_terms())
        res_ids = [int(oid) for ct, oid, _ in rows if ct == scope.R]
        page_ids = [int(oid) for ct, oid, _ in rows if ct != scope.R]
        resources, pages, extra = {}, {}, {}
        if res_ids:
            qs = (
                Resource.objects.filter(pk__in=res_ids)
                .select_related("resource_type")
                .annotate(school_title=F("school__title"))
                .defer("extracted_text")
                .annotate(text_head=Substr("extracted_text", 1, 30000))
            )
            resources = {r.pk: r for r in qs}
            # Names only (values, not model instances: a page object per group is costly).
            related = {pk: {"groups": [], "key_stages": [], "tags": []} for pk in resources}
            t = tables()
            tag_table = Resource.tags.through.tag_model()._meta.db_table
            marks = ", ".join(["%s"] * len(res_ids))
            # One query for the three kinds of label (sorted here: by title, stage, name).
            sql = (
                f"SELECT 'groups', x.resource_id, p.title, 0 FROM {t['wg']} x "
                f"JOIN {t['page']} p ON p.id = x.workinggrouppage_id "
                f"WHERE x.resource_id IN ({marks}) "
                f"UNION ALL SELECT 'key_stages', x.resource_id, k.name, k.sort_order "
                f"FROM {t['ks']} x JOIN {KeyStage._meta.db_table} k ON k.id = x.keystage_id "
                f"WHERE x.resource_id IN ({marks}) "
                f"UNION ALL SELECT 'tags', x.object_id, g.name, 0 FROM {t['tag']} x "
                f"JOIN {tag_table} g ON g.id = x.tag_id "
                f"WHERE x.content_type_id = %s AND x.object_id IN ({marks})"
            )
            labels = self.fetchall(sql, [*res_ids, *res_ids, scope.R, *res_ids])
            for key, pk, name, _order in sorted(labels, key=lambda r: (r[3], r[2].lower())):
                if pk in related:
                    related[pk][key].append(name)
            for pk, r in resources.items():
                r.search_related = related[pk]
        if page_ids:
            pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)}
            for model, date_field in ((NewsArticlePage, "date"), (EventPage, "start")):
                for row in model.objects.filter(pk__in=page_ids).values(
                    "pk", date_field, "school__title", "group__title"
                ):
                    extra[row["pk"]] = row | {"date": row[date_field]}
        hits = []
        for ct, oid, body in rows:
            oid = int(oid)
            if ct == scope.R:
                r = resources.get(oid)
                if r is None:
                    continue
                hits.append(resource_hit(r, regex))
            else:
                p = pages.get(oid)
                if p is None:
                    continue
                info = extra.get(oid, {})
                hit = Hit(
                    kind=scope.page_cts.get(ct, "page"),
                    title=p.title,
                    url=p.get_url(request) or "",
                    obj=p,
                    date=p.last_published_at,
                    school=info.get("school__title") or "",
                    groups=[info["group__title"]] if info.get("group__title") else [],
                    snippet=highlight.snippet(p.search_description or body or "", regex)
                    if highlight.find(p.search_description, regex)
                    else highlight.snippet(body or p.search_description, regex),
                    title_html=highlight.mark(p.title, regex),
                )
                hits.append(hit)
        return hits


def resource_hit(r, regex):
    related = getattr(r, "search_related", None) or {
        "groups": [g.title for g in r.working_groups.all()],
        "key_stages": [k.name for k in r.key_stages.all()],
        "tags": [t.name for t in r.tags.all()],
    }
    sources = [
        ("description", r.description),
        ("file text", getattr(r, "text_head", "")),
        ("tags", ", ".join(related["tags"])),
        ("subject", r.subject),
    ]
    snippet, matched_in = "", ""
    for label, text in sources:
        if highlight.find(highlight.clean(text), regex):
            snippet, matched_in = highlight.snippet(text, regex), label
            break
    if not snippet:
        snippet = highlight.snippet(r.description or getattr(r, "text_head", ""), regex)
    return Hit(
        kind="resource",
        title=r.title,
        url=r.get_absolute_url(),
        obj=r,
        date=r.created_at,
        school=getattr(r, "school_title", None) or (r.school.title if r.school_id else ""),
        groups=related["groups"],
        resource_type=r.resource_type.name if r.resource_type_id else "",
        key_stages=related["key_stages"],
        tags=related["tags"],
        snippet=snippet,
        matched_in=matched_in,
        title_html=highlight.mark(r.title, regex),
        file_type=r.file_type,
    )
