"""The policy index and the lists beside it: to read, what changed, review dashboard."""

import datetime
from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone

from .. import services
from ..filters import PolicyFilter
from ..forms import DigestForm
from ..models import (
    REVIEW_SOON_DAYS,
    Acknowledgement,
    DigestPreference,
    PolicyPage,
    SchoolAdaptation,
)
from ..permissions import access_for


def policy_index(request, index):
    access = access_for(request)
    policies = services.visible_policies(request.user).child_of(index).order_by("title", "pk")
    filters = PolicyFilter(request.GET or None, queryset=policies)
    school = filters.chosen_school
    policies = list(filters.qs)
    acks = services.acknowledgement_index(policies, [request.user])
    adaptations = {}
    if school is not None:
        adaptations = {
            a.policy_id: a
            for a in SchoolAdaptation.objects.filter(school=school, policy__in=policies)
        }
    items = []
    for policy in policies:
        mine = acks.get((policy.pk, request.user.pk))
        must, done, _best = services.user_policy_state(
            request.user, policy, [mine[0]] if mine else []
        )
        items.append(
            {
                "policy": policy,
                "version": services.current_version(policy),
                "must_read": must and not done,
                "done": must and done,
                "adaptation": adaptations.get(policy.pk),
            }
        )
    return index.render(
        request,
        template="policies/policy_index_page.html",
        context_overrides={
            "items": items,
            "filters": filters,
            "school": school,
            "access": access,
            "alerts": services.adaptation_alerts_for(access, policies),
        },
    )


def to_read(request, index):
    """Policies I must read, and every acknowledgement I have made."""
    access = access_for(request)
    if access.profile is not None:
        request.user.profile = access.profile
    policies = list(services.visible_policies(request.user).child_of(index))
    acks = services.acknowledgement_index(policies, [request.user])
    history = (
        Acknowledgement.objects.filter(user=request.user)
        .select_related("version__policy")
        .order_by("-acknowledged_at", "-pk")
    )
    return index.render(
        request,
        template="policies/to_read.html",
        context_overrides={
            "tasks": services.policy_tasks_for(request.user, policies, acks),
            "history": history,
        },
    )


def review_dashboard(request, index):
    if not access_for(request).is_admin:
        raise PermissionDenied
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
    policies = (
        PolicyPage.objects.live()
        .child_of(index)
        .filter(next_review_date__lte=horizon)
        .select_related("owner_user")
        .order_by("next_review_date", "title", "pk")
    )
    by_owner = OrderedDict()
    # Owners by name, policies without an owner last.
    for policy in sorted(policies, key=lambda p: (p.owner_user is None, _owner_name(p.owner_user))):
        name = _owner_name(policy.owner_user)
        policy.days = (policy.next_review_date - today).days
        policy.days_overdue = -policy.days
        by_owner.setdefault(name, []).append(policy)
    overdue = sum(1 for group in by_owner.values() for p in group if p.days < 0)
    return index.render(
        request,
        template="policies/review.html",
        context_overrides={
            "by_owner": list(by_owner.items()),
            "overdue_count": overdue,
            "due_count": sum(len(g) for g in by_owner.values()) - overdue,
            "horizon_days": REVIEW_SOON_DAYS,
        },
    )


def _owner_name(owner):
    return (owner.get_full_name() or owner.username) if owner else "No owner set"


def updates(request, index):
    preference, _ = DigestPreference.objects.get_or_create(user=request.user)
    if request.method == "POST":
        form = DigestForm(request.POST, instance=preference)
        if form.is_valid():
            form.save()
            messages.success(
                request,
                "You will get a weekly email of policy changes."
                if preference.weekly_digest
                else "You will not get the weekly policy email.",
            )
            return redirect(request.path)
    else:
        form = DigestForm(instance=preference)
    policies = list(services.visible_policies(request.user).child_of(index))
    notices = services.policy_updates_for(policies, limit=None)
    return index.render(
        request,
        template="policies/updates.html",
        context_overrides={
            "notices": Paginator(notices, 25).get_page(request.GET.get("page")),
            "form": form,
        },
    )
