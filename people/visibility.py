"""Who may see what: the one place every view, search, feed, API and download asks.

Rules (see README):
- Anonymous visitors see nothing but the sign-in pages (LoginRequiredMiddleware).
- Signed-in staff see every live trust page, except pages an editor has restricted with a
  Wagtail view restriction to groups they are not in.
- Resources follow their own visibility level (trust / own school / named groups): see
  `visible_resources`.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


def is_trust_admin(user):
    from .roles import TRUST_ADMINS

    return user.is_active and (user.is_superuser or user.groups.filter(name=TRUST_ADMINS).exists())


def hidden_page_paths(user):
    """Tree paths of pages restricted away from this user (their descendants are hidden too)."""
    if not user.is_authenticated:
        return None  # everything is hidden
    if user.is_superuser:
        return []
    restrictions = PageViewRestriction.objects.select_related("page")
    group_ids = set(user.groups.values_list("id", flat=True))
    hidden = []
    for restriction in restrictions.prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            if group_ids.isdisjoint(g.id for g in restriction.groups.all()):
                hidden.append(restriction.page.path)
        elif restriction.restriction_type == PageViewRestriction.PASSWORD:
            hidden.append(restriction.page.path)
    return hidden


def visible_pages(user, queryset=None):
    """Live pages this user may read."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    hidden = hidden_page_paths(user)
    if hidden is None:
        return queryset.none()
    for path in hidden:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def can_view_page(user, page):
    return visible_pages(user, Page.objects.filter(pk=page.pk)).exists()


def my_working_groups(user):
    from pages.models import WorkingGroupPage

    if not user.is_authenticated:
        return WorkingGroupPage.objects.none()
    return (
        WorkingGroupPage.objects.live()
        .filter(Q(members__user=user) | Q(lead_group__user=user))
        .distinct()
        .order_by("title", "pk")
    )


def visible_resources(user, queryset=None):
    """Hub resources this user may see.

    - trust: every signed-in member of staff;
    - school: staff whose profile is at the resource's contributing school;
    - restricted: members of one of the resource's `restricted_to` groups;
    - withdrawn resources only to their uploader; trust administrators see everything.

    The rules are applied as `pk__in=<subquery>` so that the result still composes with Wagtail
    `.search()` (which refuses filters through many-to-many relations) and never duplicates rows
    when a user is in several of the named groups."""
    from hub.models import Resource

    queryset = queryset if queryset is not None else Resource.objects.all()
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    permitted = permitted_resource_ids(user)
    return queryset if permitted is None else queryset.filter(pk__in=permitted)


def permitted_resource_ids(user):
    """The ids of the resources `user` may see, as a subquery (`values("pk")`), or None when
    they may see every resource. Search uses the subquery directly in its own SQL."""
    from hub.models import Resource

    from .models import StaffProfile

    if not (user.is_authenticated and user.is_active):
        return Resource.objects.none().values("pk")
    if is_trust_admin(user):
        return None
    my_school = StaffProfile.objects.filter(user_id=user.pk, school__isnull=False).values(
        "school_id"
    )
    audience = (
        Q(visibility=Resource.TRUST)
        | Q(visibility=Resource.SCHOOL, school_id__in=my_school)
        | Q(
            visibility=Resource.RESTRICTED,
            # A subquery on the link table rather than a join: no duplicate rows to collapse.
            pk__in=Resource.restricted_to.through.objects.filter(
                group_id__in=user.groups.values("pk")
            ).values("resource_id"),
        )
    )
    return Resource.objects.filter(
        (audience & Q(withdrawn=False)) | Q(uploaded_by_user_id=user.pk)
    ).values("pk")


def can_view_resource(user, resource):
    from hub.models import Resource

    if resource is None or resource.pk is None:
        return False
    return visible_resources(user, Resource.objects.filter(pk=resource.pk)).exists()


def can_edit_resource(user, resource):
    """Uploaders, leads of one of the resource's working groups and trust administrators."""
    if not can_view_resource(user, resource):
        return False
    if is_trust_admin(user) or resource.uploaded_by_user_id == user.pk:
        return True
    return resource.working_groups.filter(lead_group__user=user).exists()
