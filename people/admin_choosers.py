"""The admin's page chooser, narrowed to pages the editor may see or edit.

Wagtail's chooser lists and searches the whole page tree; editors linking a page must not
discover the titles of pages restricted away from them. What they may edit (their own group's
tree, drafts included) stays choosable."""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .visibility import hidden_page_paths, viewer


def choosable_pages(user, pages):
    person = viewer(user)
    hidden = hidden_page_paths(person)
    if hidden is None:
        return pages.none()
    if not hidden:
        return pages
    seen = Q()
    for path in hidden:
        seen &= ~Q(path__startswith=path)
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return pages.filter(seen | Q(pk__in=editable.values("pk")))


def browse(request, parent_page_id=None):
    """Browsing into a page shows its title: only for pages the editor may choose."""
    if (
        parent_page_id is not None
        and not choosable_pages(request.user, Page.objects.filter(pk=parent_page_id)).exists()
    ):
        raise Http404("No such page")
    return BrowseView.as_view()(request, parent_page_id=parent_page_id)


class VisibleChosenMultipleView(ChosenMultipleView):
    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        allowed = choosable_pages(request.user, Page.objects.filter(pk__in=ids, depth__gt=1))
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        request.GET = query
        return super().get(request)
