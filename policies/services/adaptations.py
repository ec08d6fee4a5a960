"""A school's copy of a model policy: adopting it as is, adapting its text, moving the
adaptation onto a newer model version, and the alert that says the model has moved on.

Who may call these (the school's head, a delegate, a trust administrator) is the caller's
check, through PolicyAccess.can_manage_school."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import log

from ..models import PolicyVersion, SchoolAdaptation
from ..textdiff import html_to_text, summarise
from .reading import current_version, latest_version, required_version


@transaction.atomic
def adopt(policy, school, user=None):
    """The school takes the model policy as it is, at its current version."""
    version = latest_version(policy)
    adaptation, _ = SchoolAdaptation.objects.update_or_create(
        policy=policy,
        school=school,
        defaults={"status": SchoolAdaptation.ADOPTED, "base_version": version, "updated_by": user},
    )
    _log(policy, "lte.policy.adopt", user, school, version.number)
    return adaptation


def _log(policy, action, user, school, number):
    log(policy, action, user=user, data={"school": school.title, "version": number})


@dataclass
class AdaptationDraft:
    """Where a school's editing starts: the adaptation (if any), its base version, its text."""

    adaptation: SchoolAdaptation | None
    base: PolicyVersion
    text: str
    note: str = ""


def adapt(policy, school):
    """The draft a school edits: its own text on its own base, or (the first time, or after
    adopting as is) the current model text on the current version."""
    adaptation = (
        SchoolAdaptation.objects.filter(policy=policy, school=school)
        .select_related("base_version")
        .first()
    )
    if adaptation is not None and adaptation.status == SchoolAdaptation.ADAPTED:
        return AdaptationDraft(
            adaptation, adaptation.base_version, adaptation.text, adaptation.note
        )
    current = latest_version(policy)
    note = adaptation.note if adaptation else ""
    return AdaptationDraft(adaptation, current, html_to_text(current.body), note)


@transaction.atomic
def save_adaptation(policy, school, *, text, note="", user=None, base=None):
    """Store the school's own text. It keeps the base it was written against: the current
    version for a new adaptation, the adaptation's own base otherwise (moving the base is
    `rebase`'s job), unless `base` says which version the text came from."""
    adaptation = (
        SchoolAdaptation.objects.select_for_update().filter(policy=policy, school=school).first()
    )
    if base is None:
        if adaptation is not None and adaptation.status == SchoolAdaptation.ADAPTED:
            base = adaptation.base_version
        else:
            base = latest_version(policy)
    if adaptation is None:
        adaptation = SchoolAdaptation(policy=policy, school=school)
    adaptation.status = SchoolAdaptation.ADAPTED
    adaptation.base_version = base
    adaptation.text = text
    adaptation.note = note
    adaptation.updated_by = user
    adaptation.save()
    _log(policy, "lte.policy.adapt", user, school, base.number)
    return adaptation


@dataclass
class Rebased:
    adaptation: SchoolAdaptation
    old_number: int
    new_number: int


@transaction.atomic
def rebase(policy, school, user=None):
    """Move the school's adaptation onto the current model version; its text is unchanged.

    Raises SchoolAdaptation.DoesNotExist when the school has none."""
    adaptation = (
        SchoolAdaptation.objects.select_for_update()
        .select_related("base_version")
        .get(policy=policy, school=school)
    )
    current = latest_version(policy)
    old = adaptation.base_version.number
    adaptation.base_version = current
    adaptation.updated_by = user
    adaptation.save()
    _log(policy, "lte.policy.rebase", user, school, current.number)
    return Rebased(adaptation, old, current.number)


@dataclass
class AdaptationAlert:
    title: str
    url: str
    school: object
    summary: str
    base_version: int = 0
    current_version: int = 0


def adaptation_alerts_for(access, policies):
    """Adaptations (of the schools this person manages) based on a version older than the
    latest material one: their school text may now contradict the model."""
    if access.is_admin and not access.managed_school_ids:
        return []
    by_id = {p.pk: p for p in policies}
    adaptations = SchoolAdaptation.objects.filter(
        school_id__in=access.managed_school_ids,
        status=SchoolAdaptation.ADAPTED,
        policy_id__in=list(by_id),
    ).select_related("base_version", "school")
    alerts = []
    for adaptation in adaptations:
        alert = adaptation_alert(by_id[adaptation.policy_id], adaptation)
        if alert:
            alerts.append(alert)
    return alerts


def adaptation_alert(policy, adaptation):
    required = required_version(policy)
    current = current_version(policy)
    base = adaptation.base_version
    if adaptation.status != SchoolAdaptation.ADAPTED or required is None:
        return None
    if required.number <= base.number:
        return None
    notes = "; ".join(
        f"v{v.number}: {v.change_note}"
        for v in sorted(policy.versions.all(), key=lambda v: v.number)
        if v.number > base.number and v.change_note
    )
    changes = summarise(html_to_text(base.body), html_to_text(current.body))
    summary = (
        f"The model policy is now version {current.number}; {adaptation.school.title}'s "
        f"adaptation is based on version {base.number}. {changes}."
    )
    if notes:
        summary += f" Changes: {notes}"
    return AdaptationAlert(
        title=policy.title,
        url=policy.url + f"schools/{adaptation.school.slug}/",
        school=adaptation.school,
        summary=summary,
        base_version=base.number,
        current_version=current.number,
    )
