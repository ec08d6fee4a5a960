"""Factories and helpers for policy tests (pages are published so versions get recorded)."""

import factory
import wagtail_factories

from policies.models import PolicyIndexPage, PolicyPage


class PolicyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Policies"
    slug = "policies"
    show_in_menus = True

    class Meta:
        model = PolicyIndexPage


class PolicyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    area = "safeguarding"
    statutory = True
    summary = "How we keep children safe."
    body = "<p>First paragraph of the policy.</p><p>Second paragraph about reporting.</p>"
    ack_all_staff = True

    class Meta:
        model = PolicyPage


def publish(policy, body=None, note="", material=True, user=None, **fields):
    """Edit a policy as an editor would in the admin, then publish (which records a version)."""
    if body is not None:
        policy.body = body
    policy.change_note = note
    policy.material_change = material
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.save_revision(user=user).publish(user=user)
    return PolicyPage.objects.get(pk=policy.pk)
