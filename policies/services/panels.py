"""What the home page shows about policies: what I must read, what changed, and the
adaptations of my school(s) that the model has moved on from. A fixed number of queries."""

import datetime
from dataclasses import dataclass

from ..permissions import PolicyAccess
from .adaptations import adaptation_alerts_for
from .reading import acknowledgement_index, current_version, required_version, visible_policies


@dataclass
class PolicyTask:
    title: str
    url: str
    version: int
    published_at: datetime.datetime
    change_note: str = ""


@dataclass
class PolicyNotice:
    title: str
    url: str
    version: int
    published_at: datetime.datetime
    change_note: str
    material: bool


def policy_tasks_for(user, policies, acks):
    tasks = []
    profile = getattr(user, "profile", None)
    for policy in policies:
        version = required_version(policy)
        current = current_version(policy)
        if version is None or not version.requires_acknowledgement:
            continue
        if not version.in_audience(profile):
            continue
        number = acks.get((policy.pk, user.pk), (None, None))[0]
        if number is not None and number >= version.number:
            continue
        tasks.append(
            PolicyTask(
                policy.title, policy.url, current.number, current.published_at, current.change_note
            )
        )
    tasks.sort(key=lambda t: t.published_at, reverse=True)
    return tasks


def policy_updates_for(policies, limit=5):
    notices = []
    for policy in policies:
        for version in policy.versions.all():
            notices.append(
                PolicyNotice(
                    policy.title,
                    policy.url + (f"versions/{version.number}/" if version.number > 1 else ""),
                    version.number,
                    version.published_at,
                    version.change_note,
                    version.material,
                )
            )
    notices.sort(key=lambda n: n.published_at, reverse=True)
    return notices[:limit] if limit else notices


def home_panels(user):
    """What the home page shows about policies, in a fixed number of queries."""
    empty = {"policy_tasks": [], "adaptation_alerts": [], "policy_updates": []}
    if not user.is_authenticated:
        return empty
    access = PolicyAccess(user)
    if access.profile is not None:
        # Reuse the loaded profile so audience checks need no query of their own.
        user.profile = access.profile
    policies = list(visible_policies(user))
    if not policies:
        return empty
    acks = acknowledgement_index(policies, [user])
    return {
        "policy_tasks": policy_tasks_for(user, policies, acks),
        "adaptation_alerts": adaptation_alerts_for(access, policies),
        "policy_updates": policy_updates_for(policies),
    }
