"""What every policy view shares: loading a policy with its versions, and the checks of who
may see it, manage a school, or read a school's reports (all through PolicyAccess)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from pages.models import SchoolPage

from .. import services
from ..models import PolicyPage
from ..permissions import access_for


def load(policy):
    """The policy again with its versions (and their audiences) prefetched."""
    return (
        PolicyPage.objects.filter(pk=policy.pk)
        .select_related("owner_user", "document")
        .prefetch_related(services.versions_prefetch())
        .get()
    )


def check_view(request, policy):
    if not access_for(request).can_view_policy(policy):
        raise Http404("No such policy")


def safe_next(request, default):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def managed_school(request, slug=None):
    """The school named in the URL or form (else the user's own) if this user manages it."""
    access = access_for(request)
    slug = slug or request.POST.get("school") or request.GET.get("school")
    school = get_object_or_404(SchoolPage, slug=slug) if slug else access.school
    if school is None or not access.can_manage_school(school):
        raise PermissionDenied
    return school


def report_schools(request):
    """Schools whose reports this person may see (None = every school, for admins)."""
    access = access_for(request)
    if not access.can_see_reports:
        raise PermissionDenied
    if access.is_admin:
        return None
    return list(SchoolPage.objects.filter(pk__in=access.managed_school_ids).order_by("title", "pk"))


def report_scope(request):
    """The one school to report on, or None for every school (admins only)."""
    allowed = report_schools(request)
    slug = request.GET.get("school") or request.POST.get("school")
    if allowed is None:
        return get_object_or_404(SchoolPage, slug=slug) if slug else None
    chosen = next((s for s in allowed if s.slug == slug), None)
    if slug and chosen is None:
        raise PermissionDenied
    return chosen or allowed[0]
