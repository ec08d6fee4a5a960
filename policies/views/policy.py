"""One policy: its current text, an earlier version, and acknowledging it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from pages.models import SchoolPage

from .. import services
from ..forms import AcknowledgeForm
from ..models import SchoolAdaptation
from ..permissions import access_for
from ..textdiff import changed_rows, html_to_text
from .common import load, safe_next


def _school_statuses(policy):
    adaptations = {
        a.school_id: a
        for a in SchoolAdaptation.objects.filter(policy=policy).select_related("base_version")
    }
    return [
        {"school": school, "adaptation": adaptations.get(school.pk)}
        for school in SchoolPage.objects.live().order_by("title", "pk")
    ]


def policy_detail(request, policy):
    access = access_for(request)
    policy = load(policy)
    must, done, best = services.user_policy_state(request.user, policy)
    my_school = access.school
    can_manage_my_school = my_school is not None and access.can_manage_school(my_school)
    my_adaptation = my_alert = None
    if my_school is not None:
        my_adaptation = (
            SchoolAdaptation.objects.filter(policy=policy, school=my_school)
            .select_related("base_version", "school")
            .first()
        )
        if my_adaptation and can_manage_my_school:
            my_alert = services.adaptation_alert(policy, my_adaptation)
    return policy.render(
        request,
        context_overrides={
            "version": services.current_version(policy),
            "fingerprint": (
                services.text_fingerprint(services.current_version(policy))
                if policy.versions.all()
                else ""
            ),
            "versions": sorted(policy.versions.all(), key=lambda v: -v.number),
            "must_read": must,
            "up_to_date": done,
            "acknowledged_number": best,
            "school_statuses": _school_statuses(policy),
            "my_school": my_school,
            "my_adaptation": my_adaptation,
            "my_alert": my_alert,
            "can_manage_my_school": can_manage_my_school,
            "access": access,
        },
    )


def version_detail(request, policy, number):
    policy = load(policy)
    versions = {v.number: v for v in policy.versions.all()}
    version = versions.get(number)
    if version is None:
        raise Http404("No such version")
    previous = versions.get(number - 1)
    rows = changed_rows(html_to_text(previous.body), html_to_text(version.body)) if previous else []
    return policy.render(
        request,
        template="policies/version.html",
        context_overrides={
            "version": version,
            "previous": previous,
            "current": services.current_version(policy),
            "changes": rows,
        },
    )


@require_POST
def acknowledge(request, policy):
    # The person acknowledging is always the signed-in user: any user id in the form is ignored.
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "That acknowledgement could not be read (the version number was not valid). "
            "Please use the button on the policy page.",
        )
        return redirect(safe_next(request, policy.url))
    try:
        services.acknowledge(
            request.user, policy, form.cleaned_data["version"], form.cleaned_data["fingerprint"]
        )
    except services.NotAllowed as error:
        if not access_for(request).can_view_policy(policy):
            raise Http404("No such policy") from error
        messages.error(request, str(error))
    else:
        messages.success(request, f"Thank you: you have acknowledged “{policy.title}”.")
    return redirect(safe_next(request, policy.url))
