"""A school's copy of a policy: adopt as is, adapt, see the differences, merge model changes."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from pages.models import SchoolPage

from .. import services
from ..forms import AdaptationForm, BlockFormSet, MergeForm, blocks_to_text, text_to_blocks
from ..models import SchoolAdaptation
from ..permissions import access_for
from ..textdiff import diff_rows, html_to_text, text_to_html
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
    data = request.POST or None
    blocks = BlockFormSet(prefix="blocks", initial=text_to_blocks(draft.text))
    if data is not None and "blocks-TOTAL_FORMS" in data:
        # Edited as parts (the page's form): they become the stored text.
        blocks = BlockFormSet(data, prefix="blocks")
        data = data.copy()
        data["text"] = blocks_to_text(blocks) if blocks.is_valid() else ""
    form = AdaptationForm(data, initial=initial)
    if request.method == "POST" and form.is_valid() and (not blocks.is_bound or blocks.is_valid()):
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
            "blocks": blocks,
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
    merge = services.proposal(policy, adaptation)
    declined = services.declined_changes([adaptation]).get(adaptation.pk, [])
    school_rows = (
        diff_rows(html_to_text(base.body), adaptation.text)
        if adaptation.status == SchoolAdaptation.ADAPTED
        else []
    )
    return policy.render(
        request,
        template="policies/adaptation.html",
        context_overrides={
            "school": school,
            "adaptation": adaptation,
            "school_html": text_to_html(adaptation.text),
            "base": base,
            "current": current,
            "alert": services.adaptation_alert(policy, adaptation, merge),
            "merge": merge,
            "declined": declined,
            # Only the paragraphs that differ: the school's full text follows the table.
            "school_rows": [r for r in school_rows if r.kind != "equal"],
            "can_manage": access.can_manage_school(school),
        },
    )


@require_http_methods(["GET", "POST"])
def merge(request, policy, school_slug):
    """The model's changes since the school's base, one decision each (services.merging)."""
    check_view(request, policy)
    school = managed_school(request, school_slug)
    policy = load(policy)
    adaptation = (
        SchoolAdaptation.objects.filter(policy=policy, school=school)
        .select_related("base_version", "school")
        .first()
    )
    if adaptation is None:
        raise Http404("This school has no adaptation of the policy")
    proposal = services.proposal(policy, adaptation)
    if proposal is None:
        messages.info(request, f"{school.title}'s version is based on the current model version.")
        return redirect(_adaptation_url(policy, school))
    form = MergeForm(proposal, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = services.resolve(policy, school, form.decisions(), user=request.user)
        except services.MergeError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        if done.merged:
            messages.success(
                request,
                f"Every change is decided: {school.title}'s version is now based on model "
                f"version {done.proposal.target.number}.",
            )
            return redirect(_adaptation_url(policy, school))
        left = services.proposal(policy, adaptation).pending_count
        messages.success(
            request,
            f"Saved {done.saved} decision{'s' if done.saved != 1 else ''}; "
            f"{services.changes_to_review(left)}.",
        )
        return redirect(request.path)
    return policy.render(
        request,
        template="policies/merge.html",
        context_overrides={
            "school": school,
            "adaptation": adaptation,
            "merge": proposal,
            "form": form,
            "preview_html": text_to_html(proposal.text()),
        },
    )


@require_http_methods(["GET", "POST"])
def rebase(request, policy, school_slug):
    """The old "accept the new base" address: it never relabels now, it leads to the merge."""
    check_view(request, policy)
    school = managed_school(request, school_slug)
    return redirect(_adaptation_url(policy, school) + "merge/")


def print_view(request, policy, school_slug):
    """A school's policy as it stands, for paper: school, model version, approval date."""
    check_view(request, policy)
    school = get_object_or_404(SchoolPage, slug=school_slug)
    policy = load(policy)
    adaptation = (
        SchoolAdaptation.objects.filter(policy=policy, school=school)
        .select_related("base_version")
        .first()
    )
    if adaptation is None:
        raise Http404("This school has not adopted or adapted the policy yet")
    adapted = adaptation.status == SchoolAdaptation.ADAPTED
    return policy.render(
        request,
        template="policies/print.html",
        context_overrides={
            "school": school,
            "adaptation": adaptation,
            "base": adaptation.base_version,
            "text_html": text_to_html(adaptation.text) if adapted else None,
        },
    )
