"""The adaptation operations, called directly (the views and the demo loader both use them)."""

import pytest

from policies import services
from policies.models import SchoolAdaptation

from .factories import PolicyPageFactory, publish


def test_adopt_then_adapt_starts_from_the_current_model_text(policy, schools, head_of):
    coppice, _ = schools
    head = head_of(coppice)
    adopted = services.adopt(policy, coppice, user=head)
    assert adopted.status == SchoolAdaptation.ADOPTED and adopted.base_version.number == 1
    draft = services.adapt(policy, coppice)
    assert draft.adaptation == adopted and draft.base.number == 1
    assert draft.text.startswith("First paragraph of the policy.")
    saved = services.save_adaptation(policy, coppice, text="Ours.", note="Local", user=head)
    assert (saved.pk, saved.status, saved.text, saved.updated_by) == (
        adopted.pk,
        SchoolAdaptation.ADAPTED,
        "Ours.",
        head,
    )


def test_saving_keeps_the_base_and_only_a_finished_merge_moves_it(policy, schools):
    coppice, _ = schools
    services.save_adaptation(policy, coppice, text="Ours.")
    policy = publish(policy, body="<p>Changed.</p>", note="Two")
    saved = services.save_adaptation(policy, coppice, text="Ours, edited.")
    assert saved.base_version.number == 1
    draft = services.adapt(policy, coppice)
    assert (draft.base.number, draft.text) == (1, "Ours, edited.")
    changes = services.proposal(policy, draft.adaptation).items
    decline = services.Decision("decline", reason="We keep ours")
    done = services.resolve(policy, coppice, {change.key: decline for change in changes})
    assert done.merged and done.proposal.target.number == 2
    adaptation = SchoolAdaptation.objects.get()
    assert (adaptation.base_version.number, adaptation.text) == (2, "Ours, edited.")


def test_an_explicit_base_is_kept(policy, schools):
    coppice, _ = schools
    v1 = policy.versions.get()
    policy = publish(policy, body="<p>Changed.</p>", note="Two")
    saved = services.save_adaptation(policy, coppice, text="From v1.", base=v1)
    assert saved.base_version == v1
    assert services.adaptation_alert(policy, saved) is not None


def test_nothing_published_and_no_adaptation(policy_index, schools):
    coppice, _ = schools
    draft_only = PolicyPageFactory(parent=policy_index)  # never published: no version
    with pytest.raises(services.NothingPublished):
        services.adopt(draft_only, coppice)
    with pytest.raises(services.NothingPublished):
        services.adapt(draft_only, coppice)
    with pytest.raises(SchoolAdaptation.DoesNotExist):
        services.resolve(draft_only, coppice, {})


def test_acknowledging_an_older_version_for_history(policy, teacher):
    v1 = policy.versions.get()
    publish(policy, body="<p>Changed.</p>", note="Two")
    first = services.record_acknowledgement(teacher, v1)
    assert services.record_acknowledgement(teacher, v1) == first
