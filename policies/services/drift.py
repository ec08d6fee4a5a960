"""Drift at a glance: each school's standing against each model policy, for the trust.

A cell is one of: adopted as is, adapted and up to date, n changes to review (with the age of
the oldest undecided change), declined changes (with their reasons), or no policy. Counts come
from the same merge proposals the schools see (services.merging), so the trust view and the
schools' own pages always agree. A fixed number of queries whatever the number of schools."""

from dataclasses import dataclass, field

from django.utils import timezone

from ..models import SchoolAdaptation
from .merging import declined_changes, needs_review, proposals_for

ADOPTED, UP_TO_DATE, TO_REVIEW, DECLINED, NONE = (
    "adopted",
    "up_to_date",
    "to_review",
    "declined",
    "none",
)
LABELS = {
    ADOPTED: "Adopted as is",
    UP_TO_DATE: "Adapted and up to date",
    TO_REVIEW: "Changes to review",
    DECLINED: "Declined changes",
    NONE: "No policy",
}


@dataclass
class DriftCell:
    policy: object
    school: object
    status: str
    adaptation: SchoolAdaptation | None = None
    pending: int = 0
    oldest_days: int | None = None
    declined: list = field(default_factory=list)

    @property
    def label(self):
        if self.status == TO_REVIEW:
            return f"{self.pending} change{'s' if self.pending != 1 else ''} to review"
        if self.status == DECLINED:
            n = len(self.declined)
            return f"{n} declined change{'s' if n != 1 else ''}"
        return LABELS[self.status]

    @property
    def reasons(self):
        return [f"declined: {review.reason}" for review in self.declined]


def drift_grid(policies, schools, today=None):
    """[(policy, [DriftCell per school])]; `policies` with versions prefetched."""
    today = today or timezone.localdate()
    by_id = {p.pk: p for p in policies}
    adaptations = list(
        SchoolAdaptation.objects.filter(
            policy_id__in=list(by_id), school_id__in=[s.pk for s in schools]
        ).select_related("base_version")
    )
    adapted = [a for a in adaptations if a.status == SchoolAdaptation.ADAPTED]
    merges = proposals_for((by_id[a.policy_id], a) for a in adapted)
    declined = declined_changes(adapted)
    index = {(a.policy_id, a.school_id): a for a in adaptations}
    rows = []
    for policy in policies:
        cells = []
        for school in schools:
            cells.append(
                _cell(policy, school, index.get((policy.pk, school.pk)), merges, declined, today)
            )
        rows.append((policy, cells))
    return rows


def _cell(policy, school, adaptation, merges, declined, today):
    if adaptation is None:
        return DriftCell(policy, school, NONE)
    if adaptation.status == SchoolAdaptation.ADOPTED:
        return DriftCell(policy, school, ADOPTED, adaptation)
    merge = merges.get(adaptation.pk)
    if needs_review(policy, merge) and merge.pending_count:
        oldest = merge.oldest_pending_at
        days = (today - timezone.localtime(oldest).date()).days if oldest else None
        # Declines already decided in this unfinished merge are shown too.
        so_far = [i.review for i in merge.items if i.review and i.review.decision == "decline"]
        return DriftCell(
            policy, school, TO_REVIEW, adaptation, merge.pending_count, days, declined=so_far
        )
    if declined.get(adaptation.pk):
        return DriftCell(policy, school, DECLINED, adaptation, declined=declined[adaptation.pk])
    return DriftCell(policy, school, UP_TO_DATE, adaptation)
