"""Bringing a school's adaptation up to a newer model version, change by change.

`proposal` works out the three-way merge (policies/merge.py) and pairs each model change with
the school's stored decision, if any. `resolve` saves decisions (partial progress is fine) and,
once every change is decided, writes the merged text and moves the adaptation to the new base.
Nothing else moves the base of an adapted policy, so the alert stays until the work is done.

Who may call `resolve` (the school's head, a delegate, a trust administrator) is the caller's
check, through PolicyAccess.can_manage_school."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import merge
from ..models import PolicyChangeReview, SchoolAdaptation
from ..textdiff import diff_rows, html_to_text, paragraphs
from .reading import current_version, required_version


class MergeError(Exception):
    pass


@dataclass
class ChangeItem:
    number: int
    region: merge.Region
    review: PolicyChangeReview | None
    introduced: object  # the PolicyVersion that first carried the change

    @property
    def key(self):
        return self.region.key

    @property
    def conflict(self):
        return self.region.conflict

    @property
    def resolved(self):
        return self.region.same or self.review is not None

    @property
    def base_text(self):
        return "\n\n".join(self.region.base)

    @property
    def model_text(self):
        return "\n\n".join(self.region.model)

    @property
    def school_text(self):
        return "\n\n".join(self.region.school)

    def model_rows(self):
        """The model's change, word by word within each paragraph (for display)."""
        return [r for r in diff_rows(self.base_text, self.model_text) if r.kind != "equal"]

    def school_rows(self):
        return [r for r in diff_rows(self.base_text, self.school_text) if r.kind != "equal"]

    @property
    def heading(self):
        """A few words that say where the change is, for the legend and the list."""
        words = " ".join((self.region.model or self.region.base or [""])[0].split()[:8])
        return words.lstrip("#- ").strip()


@dataclass
class MergeProposal:
    adaptation: SchoolAdaptation
    base: object
    target: object
    items: list = field(default_factory=list)

    @property
    def pending(self):
        return [i for i in self.items if not i.resolved]

    @property
    def pending_count(self):
        return len(self.pending)

    @property
    def conflicts(self):
        return [i for i in self.items if i.conflict]

    @property
    def oldest_pending_at(self):
        dates = [i.introduced.published_at for i in self.pending if i.introduced]
        return min(dates) if dates else None

    def text(self):
        """The merged text as decided so far: undecided clean changes applied (that is the
        proposal), undecided conflicts keeping the school's wording."""
        return "\n\n".join(self._paras())

    def _paras(self):
        by_key = {i.key: i for i in self.items}
        base, model, school = _texts(self.adaptation, self.base, self.target)

        def choose(region):
            item = by_key.get(region.key)
            review = item.review if item else None
            if review is None:
                return region.school if region.conflict else region.model
            if review.decision == PolicyChangeReview.ACCEPT:
                return region.model
            if review.decision == PolicyChangeReview.ADAPT:
                return paragraphs(review.text)
            return region.school  # declined: what the school had

        return merge.build(base, model, school, choose)


def _texts(adaptation, base, target):
    return (
        paragraphs(html_to_text(base.body)),
        paragraphs(html_to_text(target.body)),
        paragraphs(adaptation.text),
    )


def _introduced(region, versions, base):
    """The first version after the base that already carried this change (for its age)."""
    added = [p for p in region.model if p not in region.base]
    removed = [p for p in region.base if p not in region.model]
    later = sorted((v for v in versions if v.number > base.number), key=lambda v: v.number)
    for version in later:
        paras = paragraphs(html_to_text(version.body))
        if all(p in paras for p in added) and not any(p in paras for p in removed):
            return version
    return later[-1] if later else None


def proposal(policy, adaptation, reviews=None):
    """The merge of `adaptation` (ADAPTED, policy versions prefetched) up to the current model
    version, or None when it is already there. `reviews`: preloaded rows for many at once."""
    target = current_version(policy)
    base = adaptation.base_version
    if adaptation.status != SchoolAdaptation.ADAPTED or target is None:
        return None
    if target.number <= base.number:
        return None
    if reviews is None:
        reviews = PolicyChangeReview.objects.filter(
            adaptation=adaptation, from_version=base, merged_into__isnull=True
        )
    by_key = {r.key: r for r in reviews}
    versions = list(policy.versions.all())
    items = [
        ChangeItem(n, region, by_key.get(region.key), _introduced(region, versions, base))
        for n, region in enumerate(merge.changes(*_texts(adaptation, base, target)), start=1)
    ]
    return MergeProposal(adaptation, base, target, items)


def proposals_for(pairs):
    """{adaptation id: MergeProposal or None} for many (policy, adaptation) pairs: reviews in one
    query, versions from the policies' prefetch."""
    pairs = list(pairs)
    reviews = {}
    rows = PolicyChangeReview.objects.filter(
        adaptation__in=[a.pk for _p, a in pairs], merged_into__isnull=True
    )
    for review in rows:
        reviews.setdefault((review.adaptation_id, review.from_version_id), []).append(review)
    return {
        adaptation.pk: proposal(
            policy, adaptation, reviews.get((adaptation.pk, adaptation.base_version_id), [])
        )
        for policy, adaptation in pairs
    }


def needs_review(policy, merge_proposal):
    """Whether the school must act: the model moved on materially since its base."""
    required = required_version(policy)
    return (
        merge_proposal is not None
        and required is not None
        and required.number > merge_proposal.base.number
    )


@dataclass
class Decision:
    decision: str
    text: str = ""
    reason: str = ""


@dataclass
class Resolved:
    proposal: MergeProposal
    saved: int
    merged: bool


@transaction.atomic
def resolve(policy, school, decisions, user=None):
    """Store decisions ({change key: Decision}) and, when none is left open, merge.

    A decline needs a reason and an adaptation needs text (MergeError otherwise); keys that
    are not changes of the current proposal are ignored (the page was stale)."""
    adaptation = (
        SchoolAdaptation.objects.select_for_update()
        .select_related("base_version", "school")
        .get(policy=policy, school=school)
    )
    current = proposal(policy, adaptation)
    if current is None:
        raise MergeError("This adaptation is already based on the current model version.")
    now = timezone.now()
    saved = 0
    for item in current.items:
        decision = decisions.get(item.key)
        if decision is None or item.region.same:
            continue
        if decision.decision == PolicyChangeReview.DECLINE and not decision.reason.strip():
            raise MergeError(f"Change {item.number}: say why you decline it.")
        if decision.decision == PolicyChangeReview.ADAPT and not decision.text.strip():
            raise MergeError(f"Change {item.number}: give your wording.")
        if decision.decision not in dict(PolicyChangeReview.DECISIONS):
            raise MergeError(f"Change {item.number}: choose accept, adapt or decline.")
        item.review, _ = PolicyChangeReview.objects.update_or_create(
            adaptation=adaptation,
            from_version=current.base,
            key=item.key,
            defaults={
                "position": item.number,
                "conflict": item.conflict,
                "base_text": item.base_text,
                "model_text": item.model_text,
                "decision": decision.decision,
                "text": decision.text.strip() if decision.decision == "adapt" else "",
                "reason": decision.reason.strip() if decision.decision == "decline" else "",
                "decided_by": user,
                "decided_at": now,
            },
        )
        saved += 1
    merged = not current.pending
    if merged:
        adaptation.text = current.text()
        adaptation.base_version = current.target
        adaptation.updated_by = user
        adaptation.save()
        PolicyChangeReview.objects.filter(
            adaptation=adaptation, from_version=current.base, merged_into__isnull=True
        ).update(merged_into=current.target)
        declined = sum(
            1
            for item in current.items
            if item.review and item.review.decision == PolicyChangeReview.DECLINE
        )
        log(
            policy,
            "lte.policy.rebase",
            user=user,
            data={"school": school.title, "version": current.target.number, "declined": declined},
        )
    return Resolved(current, saved, merged)


def declined_changes(adaptations):
    """{adaptation id: [declined reviews of its current base]} — what trust administrators see
    as "declined: <reason>"."""
    out = {}
    rows = PolicyChangeReview.objects.filter(
        adaptation__in=[a.pk for a in adaptations],
        decision=PolicyChangeReview.DECLINE,
        merged_into__isnull=False,
    ).select_related("merged_into", "from_version")
    bases = {a.pk: a.base_version_id for a in adaptations}
    for review in rows:
        if review.merged_into_id == bases.get(review.adaptation_id):
            out.setdefault(review.adaptation_id, []).append(review)
    return out
