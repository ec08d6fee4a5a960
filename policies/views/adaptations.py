"""A school's copy of a policy: adopt as is, adapt, see the differences, rebase."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from pages.models import SchoolPage

from .. import services
from ..forms import AdaptationForm
from ..models import SchoolAdaptation
from ..permissions import access_for
from ..textdiff import changed_rows, diff_rows, html_to_text, text_to_html
from .common import check_view, load, managed_school


def _adaptation_url(policy, school):
    return policy.url + f"schools/{school.slug}/"


@require_POST
def adopt(request, policy):
    check_view(request, policy)
    school = managed_school(request)
    try:
        adaptation = services.adopt(policy, school, user=request.user)
    except services.NothingPublished as error:
        raise Http404("Nothing published yet") from error
    messages.success(
        request,
        f"{school.title} has adopted version {adaptation.base_version.number} as is.",
    )
    return redirect(policy.url)


@require_http_methods(["GET", "POST"])
def adapt(request, policy):
    check_view(request, policy)
    school = managed_school(request)
    policy = load(policy)
    try:
        draft = services.adapt(policy, school)
    except services.NothingPublished as error:
        raise Http404("Nothing published yet") from error
    initial = {"text": draft.text, "note": draft.note}
    form = AdaptationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_adaptation(
            policy,
            school,
            text=form.cleaned_data["text"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
        messages.success(request, f"Saved {school.title}'s version of “{policy.title}”.")
        return redirect(_adaptation_url(policy, school))
    return policy.render(
        request,
        template="policies/adapt.html",
        context_overrides={
            "form": form,
            "school": school,
            "base": draft.base,
            "current": services.current_version(policy),
        },
    )


def adaptation_detail(request, policy, school_slug):
    access = access_for(request)
    school = get_object_or_404(SchoolPage, slug=school_slug)
    policy = load(policy)
    adaptation = (
        SchoolAdaptation.objects.filter(policy=policy, school=school)
        .select_related("base_version", "updated_by")
        .first()
    )
    if adaptation is None:
        raise Http404("This school has not adopted or adapted the policy yet")
    current = services.current_version(policy)
    base = adaptation.base_version
    alert = services.adaptation_alert(policy, adaptation)
    school_rows = (
        diff_rows(html_to_text(base.body), adaptation.text)
        if adaptation.status == SchoolAdaptation.ADAPTED
        else []
    )
    model_rows = changed_rows(html_to_text(base.body), html_to_text(current.body)) if alert else []
    return policy.render(
        request,
        template="policies/adaptation.html",
        context_overrides={
            "school": school,
            "adaptation": adaptation,
            "school_html": text_to_html(adaptation.text),
            "base": base,
            "current": current,
            "alert": alert,
            # Only the paragraphs that differ: the school's full text follows the table.
            "school_rows": [r for r in school_rows if r.kind != "equal"],
            "model_rows": model_rows,
            "can_manage": access.can_manage_school(school),
        },
    )


@require_POST
def rebase(request, policy, school_slug):
    check_view(request, policy)
    school = managed_school(request, school_slug)
    try:
        moved = services.rebase(policy, school, user=request.user)
    except SchoolAdaptation.DoesNotExist as error:
        raise Http404("This school has no adaptation of the policy") from error
    messages.success(
        request,
        f"{school.title}'s adaptation is now based on version {moved.new_number} (was "
        f"{moved.old_number}). Your text is unchanged: check it against the model's changes "
        "and edit if needed.",
    )
    return redirect(policy.url + f"adapt/?school={school.slug}")
