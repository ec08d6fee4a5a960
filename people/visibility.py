"""Who may see what: the one module every view, listing, feed, count, facet, suggestion,
export, email, API and admin route asks. Model querysets expose it as `visible_to(user)`
(pages: `pages.queries.TrustPageQuerySet`; resources: `hub.models.ResourceQuerySet`).

Rules:
- Anonymous or deactivated users see nothing.
- Pages (news, events, content pages, policies...): every live page, except pages under a
  Wagtail view restriction that refuses this person. A "signed-in users" restriction refuses
  nobody who is signed in; a "groups" restriction refuses everyone outside those groups; a
  password restriction refuses everyone (staff sign in; page passwords are not handed out).
  Superusers pass every restriction, as they do when Wagtail serves the page itself.
- Resources: `trust` for all staff, `school` for staff of the contributing school, `restricted`
  for members of the named groups; withdrawn ones only for their uploader; trust
  administrators see every resource.

The rule for pages exists once, as `restriction_refuses`: the querysets (one person, many
pages) and `PageAudience` (many people, one page: who must read a policy) both call it.

What the rules need to know about a person is loaded once per request (`viewer`), and the
list of restrictions once per request and then from the cache until a restriction changes."""

import contextvars
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from .roles import TRUST_ADMINS

# Per-request memo (set by VisibilityMemoMiddleware); outside a request nothing is memoised, so
# a task or a test always sees the database as it is now.
_memo = contextvars.ContextVar("lte_visibility_memo", default=None)
RESTRICTIONS_CACHE_KEY = "lte:page-restrictions:v1"


class VisibilityMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _memoised(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# --- the person ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """What the visibility rules need to know about one person."""

    pk: int | None
    signed_in: bool
    superuser: bool = False
    trust_admin: bool = False
    group_ids: frozenset = frozenset()
    school_id: int | None = None
    editor: bool = False  # may open Wagtail's admin
    job_role: str = ""

    @classmethod
    def anonymous(cls):
        return cls(pk=None, signed_in=False)


def viewer(user):
    """The Viewer for `user`, loaded in one query (memoised for the rest of the request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Viewer.anonymous()
    return _memoised(("viewer", user.pk), lambda: _load_viewers([user.pk])[user.pk])


def viewers_for(user_ids):
    """{user id: Viewer} for many people in one query (reports, reminders, digests)."""
    return _load_viewers(list(user_ids))


def _load_viewers(user_ids):
    User = get_user_model()
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    rows = (
        User.objects.filter(pk__in=user_ids)
        .annotate(
            # Wagtail's admin is open to those with this permission, directly or by group:
            # asked here so the page header needs no permission queries of its own.
            editor=Exists(admin_access.filter(group__user=OuterRef("pk")))
            | Exists(admin_access.filter(user=OuterRef("pk")))
        )
        .values_list(
            "pk",
            "is_active",
            "is_superuser",
            "profile__school_id",
            "profile__job_role",
            "groups__id",
            "groups__name",
            "editor",
        )
    )
    facts = {}
    for pk, active, superuser, school_id, job_role, group_id, group_name, editor in rows:
        entry = facts.setdefault(
            pk,
            {
                "active": active,
                "superuser": superuser,
                "school": school_id,
                "job_role": job_role or "",
                "groups": set(),
                "editor": superuser or editor,
            },
        )
        if group_id is not None:
            entry["groups"].add(group_id)
            entry["admin"] = entry.get("admin") or group_name == TRUST_ADMINS
    out = {}
    for pk in user_ids:
        entry = facts.get(pk)
        if entry is None or not entry["active"]:
            out[pk] = Viewer.anonymous()
            continue
        out[pk] = Viewer(
            pk=pk,
            signed_in=True,
            superuser=entry["superuser"],
            trust_admin=entry["superuser"] or entry.get("admin", False),
            group_ids=frozenset(entry["groups"]),
            school_id=entry["school"],
            editor=entry["editor"],
            job_role=entry["job_role"],
        )
    return out


def is_trust_admin(user):
    return viewer(user).trust_admin


# --- pages -----------------------------------------------------------------------------------


def page_restrictions():
    """[(page path, restriction type, frozenset of group ids)] for every view restriction."""
    return _memoised("restrictions", _cached_restrictions)


def _cached_restrictions():
    restrictions = cache.get(RESTRICTIONS_CACHE_KEY)
    if restrictions is None:
        found = {}
        for pk, path, kind, group_id in PageViewRestriction.objects.values_list(
            "pk", "page__path", "restriction_type", "groups__id"
        ):
            entry = found.setdefault(pk, (path, kind, set()))
            if group_id is not None:
                entry[2].add(group_id)
        restrictions = sorted((path, kind, frozenset(g)) for path, kind, g in found.values())
        cache.set(RESTRICTIONS_CACHE_KEY, restrictions, 3600)
    return restrictions


def forget_page_restrictions(**kwargs):
    """Connected to every change of restrictions and page paths (see people/signals.py)."""
    cache.delete(RESTRICTIONS_CACHE_KEY)
    memo = _memo.get()
    if memo is not None:
        memo.pop("restrictions", None)


def restriction_refuses(kind, group_ids, person):
    """THE page rule: whether a view restriction of `kind` (for `group_ids`) refuses `person`."""
    if not person.signed_in:
        return True
    if person.superuser:
        return False
    if kind == PageViewRestriction.LOGIN:
        return False
    if kind == PageViewRestriction.GROUPS:
        return person.group_ids.isdisjoint(group_ids)
    return True  # password, or a kind this project does not know: refuse


def hidden_page_paths(person):
    """Tree paths of the pages `person` may not see (their descendants are hidden too)."""
    if not person.signed_in:
        return None
    return _memoised(
        ("hidden", person),
        lambda: [
            path
            for path, kind, groups in page_restrictions()
            if restriction_refuses(kind, groups, person)
        ],
    )


def page_path_visible(person, path):
    hidden = hidden_page_paths(person)
    return hidden is not None and not any(path.startswith(h) for h in hidden)


def visible_pages(user, queryset=None):
    """Live pages `user` may read."""
    person = viewer(user)
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    hidden = hidden_page_paths(person)
    if hidden is None:
        # Matches nothing, but unlike none() still has SQL that search can embed.
        return queryset.filter(pk__isnull=True)
    if hidden:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in hidden)))
    return queryset


def can_view_page(user, page):
    return bool(page.live) and page_path_visible(viewer(user), page.path)


class PageAudience:
    """Which of many people may see a page: the same rule as `visible_pages`, with the people
    and the restrictions loaded once (who must read a policy, who gets a reminder)."""

    def __init__(self, users):
        self.viewers = viewers_for([u.pk for u in users])

    def can_see(self, user, page):
        return bool(page.live) and page_path_visible(
            self.viewers.get(user.pk) or Viewer.anonymous(), page.path
        )


# --- resources -------------------------------------------------------------------------------


def shared_resource_audience(person):
    """What everyone with `person`'s school and groups may see (a `Q` over the resource's own
    columns), leaving out what only an uploader sees: `resource_audience` adds that."""
    Resource = get_document_model()
    audience = Q(visibility=Resource.TRUST) | Q(
        visibility=Resource.RESTRICTED,
        # A subquery on the link table rather than a join: no duplicate rows to collapse.
        pk__in=Resource.restricted_to.through.objects.filter(
            group_id__in=sorted(person.group_ids)
        ).values("resource_id"),
    )
    if person.school_id is not None:
        audience |= Q(visibility=Resource.SCHOOL, school_id=person.school_id)
    return audience & Q(withdrawn=False)


def resource_audience(user):
    """The rule for resources as a `Q` over the resource's own columns, or None when `user`
    may see every resource. Filtering with it directly (rather than `pk IN` a subquery over all
    resources) lets the database check only the rows it is already reading."""
    person = viewer(user)
    if not person.signed_in:
        return Q(pk__in=[])
    if person.trust_admin:
        return None
    return shared_resource_audience(person) | Q(uploaded_by_user_id=person.pk)


def permitted_resource_ids(user):
    """The ids of the resources `user` may see, as a subquery (`values("pk")`), or None when
    they may see every resource. Search embeds the subquery in its own SQL; it composes with
    Wagtail's `.search()`, which refuses filters through many-to-many relations."""
    if not viewer(user).signed_in:
        return get_document_model().objects.none().values("pk")  # callers test is_empty()
    audience = resource_audience(user)
    if audience is None:
        return None
    return get_document_model().objects.filter(audience).values("pk")


def visible_resources(user, queryset=None):
    """Hub resources `user` may see (withdrawn ones only to their uploader)."""
    queryset = queryset if queryset is not None else get_document_model().objects.all()
    audience = resource_audience(user)
    return queryset if audience is None else queryset.filter(audience)


def can_view_resource(user, resource):
    if resource is None or resource.pk is None:
        return False
    return visible_resources(user, type(resource).objects.filter(pk=resource.pk)).exists()


def can_edit_resource(user, resource):
    """Uploaders, leads of one of the resource's working groups and trust administrators."""
    if not can_view_resource(user, resource):
        return False
    person = viewer(user)
    if person.trust_admin or resource.uploaded_by_user_id == person.pk:
        return True
    return resource.working_groups.filter(lead_group_id__in=person.group_ids).exists()
