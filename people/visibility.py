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
        .order_by("title")
    )
