"""Views behind the policy pages' routes (see PolicyIndexPage and PolicyPage in models.py).

Every check of who may do what goes through policies.permissions.PolicyAccess."""

import csv
import datetime
from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_tasks import TaskResultStatus

from pages.models import SchoolPage

from . import services
from .models import (
    AREAS,
    REVIEW_SOON_DAYS,
    Acknowledgement,
    DigestPreference,
    PolicyPage,
    SchoolAdaptation,
)
from .permissions import access_for
from .tasks import send_acknowledgement_reminders
from .textdiff import changed_rows, diff_rows, html_to_text, text_to_html

REMINDER_INTERVALS = [(1, "1 day"), (3, "3 days"), (7, "a week"), (14, "two weeks")]


def _post_only(view):
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _load(policy):
    """The policy again with its versions (and their audiences) prefetched."""
    return (
        PolicyPage.objects.filter(pk=policy.pk)
        .select_related("owner_user", "document")
        .prefetch_related(services.versions_prefetch())
        .get()
    )


def _check_view(request, policy):
    if not access_for(request).can_view_policy(policy):
        raise Http404("No such policy")


def _safe_next(request, default):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


# --- the index --------------------------------------------------------------------------------


def policy_index(request, index):
    access = access_for(request)
    policies = services.visible_policies(request.user).child_of(index).order_by("title", "pk")
    area = request.GET.get("area", "")
    if area in dict(AREAS):
        policies = policies.filter(area=area)
    statutory = request.GET.get("statutory", "")
    if statutory in ("yes", "no"):
        policies = policies.filter(statutory=statutory == "yes")
    review = request.GET.get("review", "")
    today = timezone.localdate()
    if review == "overdue":
        policies = policies.filter(next_review_date__lt=today)
    elif review == "due":
        policies = policies.filter(
            next_review_date__lte=today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        )
    schools = list(SchoolPage.objects.live().order_by("title", "pk"))
    school = next((s for s in schools if s.slug == request.GET.get("school")), None)
    policies = list(policies)
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
            "areas": AREAS,
            "area": area,
            "statutory": statutory,
            "review": review,
            "schools": schools,
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
    for policy in sorted(
        policies,
        key=lambda p: (
            (p.owner_user.get_full_name() or p.owner_user.username) if p.owner_user else "~",
            p.next_review_date,
        ),
    ):
        owner = policy.owner_user
        name = (owner.get_full_name() or owner.username) if owner else "No owner set"
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


def _report_schools(request):
    """Schools whose reports this person may see (None = every school, for admins)."""
    access = access_for(request)
    if not access.can_see_reports:
        raise PermissionDenied
    if access.is_admin:
        return None
    return list(SchoolPage.objects.filter(pk__in=access.managed_school_ids).order_by("title", "pk"))


def _completion_data(request, index):
    allowed = _report_schools(request)
    schools = (
        allowed if allowed is not None else list(SchoolPage.objects.live().order_by("title", "pk"))
    )
    policies = [
        p
        for p in services.visible_policies(request.user).child_of(index).order_by("title", "pk")
        if (v := services.required_version(p)) is not None and v.requires_acknowledgement
    ]
    grid = services.trust_overview(policies, schools)
    rows = [(p, [grid[p.pk][s.pk] for s in schools]) for p in policies]
    return schools, rows


def completion(request, index):
    schools, rows = _completion_data(request, index)
    return index.render(
        request,
        template="policies/completion.html",
        context_overrides={"schools": schools, "rows": rows, "access": access_for(request)},
    )


def completion_csv(request, index):
    schools, rows = _completion_data(request, index)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="policy-acknowledgements.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["policy", "version", "school", "must read", "acknowledged", "outstanding", "percent"]
    )
    for policy, cells in rows:
        version = services.required_version(policy)
        for cell in cells:
            writer.writerow(
                [
                    policy.title,
                    version.number,
                    cell.school.title,
                    cell.required,
                    cell.done,
                    cell.outstanding,
                    "" if cell.percent is None else cell.percent,
                ]
            )
    return response


class DigestForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["weekly_digest"]


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


# --- one policy -------------------------------------------------------------------------------


def _school_statuses(policy):
    adaptations = {
        a.school_id: a
        for a in SchoolAdaptation.objects.filter(policy=policy).select_related("base_version")
    }
    rows = []
    for school in SchoolPage.objects.live().order_by("title", "pk"):
        rows.append({"school": school, "adaptation": adaptations.get(school.pk)})
    return rows


def policy_detail(request, policy):
    access = access_for(request)
    policy = _load(policy)
    version = services.current_version(policy)
    must, done, best = services.user_policy_state(request.user, policy)
    my_school = access.school
    my_adaptation = None
    my_alert = None
    if my_school is not None:
        my_adaptation = (
            SchoolAdaptation.objects.filter(policy=policy, school=my_school)
            .select_related("base_version", "school")
            .first()
        )
        if my_adaptation and access.can_manage_school(my_school):
            my_alert = services.adaptation_alert(policy, my_adaptation)
    return policy.render(
        request,
        context_overrides={
            "version": version,
            "versions": sorted(policy.versions.all(), key=lambda v: -v.number),
            "must_read": must,
            "up_to_date": done,
            "acknowledged_number": best,
            "school_statuses": _school_statuses(policy),
            "my_school": my_school,
            "my_adaptation": my_adaptation,
            "my_alert": my_alert,
            "can_manage_my_school": my_school is not None and access.can_manage_school(my_school),
            "access": access,
        },
    )


def version_detail(request, policy, number):
    policy = _load(policy)
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


@_post_only
def acknowledge(request, policy):
    # The person acknowledging is always the signed-in user: any user id in the form is ignored.
    try:
        services.acknowledge(request.user, policy, request.POST.get("version") or None)
    except services.NotAllowed as error:
        if not access_for(request).can_view_policy(policy):
            raise Http404("No such policy") from error
        messages.error(request, str(error))
    else:
        messages.success(request, f"Thank you: you have acknowledged “{policy.title}”.")
    return redirect(_safe_next(request, policy.url))


def _managed_school(request, slug=None):
    access = access_for(request)
    slug = slug or request.POST.get("school") or request.GET.get("school")
    school = get_object_or_404(SchoolPage, slug=slug) if slug else access.school
    if school is None or not access.can_manage_school(school):
        raise PermissionDenied
    return school


@_post_only
def adopt(request, policy):
    _check_view(request, policy)
    school = _managed_school(request)
    version = policy.versions.order_by("-number").first()
    if version is None:
        raise Http404("Nothing published yet")
    SchoolAdaptation.objects.update_or_create(
        policy=policy,
        school=school,
        defaults={
            "status": SchoolAdaptation.ADOPTED,
            "base_version": version,
            "updated_by": request.user,
        },
    )
    messages.success(request, f"{school.title} has adopted version {version.number} as is.")
    return redirect(policy.url)


class AdaptationForm(forms.ModelForm):
    class Meta:
        model = SchoolAdaptation
        fields = ["text", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 24})}
        labels = {"text": "Your school's text"}


def adapt(request, policy):
    _check_view(request, policy)
    school = _managed_school(request)
    policy = _load(policy)
    current = services.current_version(policy)
    if current is None:
        raise Http404("Nothing published yet")
    adaptation = SchoolAdaptation.objects.filter(policy=policy, school=school).first()
    if adaptation is None or adaptation.status == SchoolAdaptation.ADOPTED:
        initial = {"text": html_to_text(current.body)}
        base = current
    else:
        initial = {}
        base = adaptation.base_version
    if request.method == "POST":
        form = AdaptationForm(request.POST, instance=adaptation, initial=initial)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.policy, saved.school = policy, school
            saved.status = SchoolAdaptation.ADAPTED
            saved.base_version = base
            saved.updated_by = request.user
            saved.save()
            messages.success(request, f"Saved {school.title}'s version of “{policy.title}”.")
            return redirect(policy.url + f"schools/{school.slug}/")
    else:
        form = AdaptationForm(instance=adaptation, initial=initial)
        if adaptation is not None and adaptation.status == SchoolAdaptation.ADOPTED:
            form.initial["text"] = initial["text"]
    return policy.render(
        request,
        template="policies/adapt.html",
        context_overrides={"form": form, "school": school, "base": base, "current": current},
    )


def adaptation_detail(request, policy, school_slug):
    access = access_for(request)
    school = get_object_or_404(SchoolPage, slug=school_slug)
    policy = _load(policy)
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


@_post_only
def rebase(request, policy, school_slug):
    _check_view(request, policy)
    school = _managed_school(request, school_slug)
    adaptation = get_object_or_404(SchoolAdaptation, policy=policy, school=school)
    current = policy.versions.order_by("-number").first()
    old = adaptation.base_version.number
    adaptation.base_version = current
    adaptation.updated_by = request.user
    adaptation.save()
    messages.success(
        request,
        f"{school.title}'s adaptation is now based on version {current.number} (was {old}). "
        "Your text is unchanged: check it against the model's changes and edit if needed.",
    )
    return redirect(policy.url + f"adapt/?school={school.slug}")


def _report_scope(request):
    """The one school to report on, or None for every school (admins only)."""
    allowed = _report_schools(request)
    slug = request.GET.get("school") or request.POST.get("school")
    if allowed is None:
        return get_object_or_404(SchoolPage, slug=slug) if slug else None
    chosen = next((s for s in allowed if s.slug == slug), None)
    if slug and chosen is None:
        raise PermissionDenied
    return chosen or allowed[0]


def _grouped(rows):
    groups = OrderedDict()
    for row in rows:
        groups.setdefault(row.school.title if row.school else "Trust central team", []).append(row)
    return list(groups.items())


def policy_report(request, policy):
    _check_view(request, policy)
    school = _report_scope(request)
    version, rows, totals = services.policy_report(_load(policy), school)
    done = sum(1 for r in rows if r.done)
    return policy.render(
        request,
        template="policies/report.html",
        context_overrides={
            "school": school,
            "version": version,
            "groups": _grouped(rows),
            "totals": sorted(totals.values(), key=lambda t: t.school.title if t.school else "~"),
            "required": len(rows),
            "done": done,
            "percent": round(100 * done / len(rows)) if rows else None,
            "outstanding": [r for r in rows if not r.done],
            "intervals": REMINDER_INTERVALS,
            "access": access_for(request),
            "schools": SchoolPage.objects.live().order_by("title", "pk")
            if access_for(request).is_admin
            else [],
        },
    )


def policy_report_csv(request, policy):
    _check_view(request, policy)
    school = _report_scope(request)
    version, rows, _totals = services.policy_report(_load(policy), school)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{policy.slug}-{school.slug if school else 'all-schools'}-acknowledgements.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "school",
            "name",
            "username",
            "job role",
            "status",
            "acknowledged version",
            "acknowledged at",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.school.title if row.school else "Trust central team",
                row.name,
                row.user.get_username(),
                row.user.profile.get_job_role_display(),
                "acknowledged" if row.done else "outstanding",
                row.version_number if row.done else "",
                row.acknowledged_at.isoformat(timespec="minutes") if row.acknowledged_at else "",
            ]
        )
    return response


@_post_only
def remind(request, policy):
    _check_view(request, policy)
    school = _report_scope(request)
    _version, rows, _totals = services.policy_report(_load(policy), school)
    outstanding = [r.user.pk for r in rows if not r.done]
    try:
        interval = int(request.POST.get("interval", 7))
    except ValueError:
        interval = 7
    if interval not in dict(REMINDER_INTERVALS):
        interval = 7
    result = send_acknowledgement_reminders.enqueue(
        policy_id=policy.pk, user_ids=outstanding, interval_days=interval
    )
    if result.status == TaskResultStatus.SUCCESSFUL and isinstance(result.return_value, dict):
        counts = result.return_value
        messages.success(
            request,
            f"Reminders sent: {counts['sent']}. Not sent again (reminded in the last "
            f"{dict(REMINDER_INTERVALS)[interval]}): {counts['skipped']}.",
        )
    else:
        messages.success(request, f"Reminders queued for {len(outstanding)} people.")
    target = policy.url + "acknowledgements/"
    return redirect(target + (f"?school={school.slug}" if school else ""))
