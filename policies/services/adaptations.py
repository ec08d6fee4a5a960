"""A school's copy of a model policy: adopting it as is, adapting its text, and the alert that says the model has moved on.

Who may call these (the school's head, a delegate, a trust administrator) is the caller's
check, through PolicyAccess.can_manage_school."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import log

from ..models import PolicyVersion, SchoolAdaptation
from ..textdiff import html_to_text
from .merging import needs_review, proposal, proposals_for
from .reading import current_version, latest_version


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
    services.merging.resolve's job), unless `base` says which version the text came from."""
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
class AdaptationAlert:
    title: str
    url: str
    school: object
    summary: str
    base_version: int = 0
    current_version: int = 0
    pending: int = 0

    @property
    def label(self):
        return changes_to_review(self.pending)


def adaptation_alerts_for(access, policies):
    """Adaptations (of the schools this person manages) based on a version older than the
    latest material one, with changes still to review: their text may contradict the model."""
    if access.is_admin and not access.managed_school_ids:
        return []
    by_id = {p.pk: p for p in policies}
    adaptations = SchoolAdaptation.objects.filter(
        school_id__in=access.managed_school_ids,
        status=SchoolAdaptation.ADAPTED,
        policy_id__in=list(by_id),
    ).select_related("base_version", "school")
    pairs = [(by_id[a.policy_id], a) for a in adaptations]
    merges = proposals_for(pairs)
    alerts = []
    for policy, adaptation in pairs:
        alert = adaptation_alert(policy, adaptation, merges[adaptation.pk])
        if alert:
            alerts.append(alert)
    return alerts


def changes_to_review(count):
    return f"{count} change{'s' if count != 1 else ''} to review"


def adaptation_alert(policy, adaptation, merge_proposal=False):
    """The alert for one adaptation, or None. It stays until the merge is done: only
    services.merging.resolve moves an adapted policy's base."""
    if merge_proposal is False:
        merge_proposal = proposal(policy, adaptation)
    if not needs_review(policy, merge_proposal):
        return None
    current = current_version(policy)
    base = adaptation.base_version
    pending = merge_proposal.pending_count
    notes = "; ".join(
        f"v{v.number}: {v.change_note}"
        for v in sorted(policy.versions.all(), key=lambda v: v.number)
        if v.number > base.number and v.change_note
    )
    summary = (
        f"{changes_to_review(pending)}. The model policy is now version {current.number}; "
        f"{adaptation.school.title}'s adaptation is based on version {base.number}."
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
        pending=pending,
    )
