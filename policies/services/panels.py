"""What the home page shows about policies: what I must read, what changed, and the
adaptations of my school(s) that the model has moved on from. A fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string

from pages.navigation import tree_generation
from people.roles import headteachers_group_id
from people.visibility import hidden_page_paths, viewer

from ..permissions import PolicyAccess
from .adaptations import adaptation_alerts_for
from .reading import acknowledgement_index, current_version, required_version, visible_policies

TEMPLATE = "policies/includes/home_panels.html"


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


# --- the rendered panels, cached per person ----------------------------------------------------
# The panels are ~40 % of the home page's time (a dozen ORM queries built and run), and they
# change far less often than the page is opened. Each person's copy is kept with the state it
# was made from: the tree (titles, what is live), every policy change (policies/signals.py
# forgets them all), who the person is now (school, groups, job role) and which pages they may
# see. Their own acknowledgements forget only their copy. Five minutes at most, in case a bulk
# update went round the signals.
PANELS_GENERATION_KEY = "lte:policy-panels:generation"
PANEL_TIMEOUT = 300


def _panel_key(user_id):
    return f"lte:policy-panels:{user_id}"


def forget_policy_panels(**kwargs):
    try:
        cache.incr(PANELS_GENERATION_KEY)
    except ValueError:
        cache.set(PANELS_GENERATION_KEY, 2, None)


def forget_person_panels(user_id):
    cache.delete(_panel_key(user_id))


def home_panels_html(user):
    person = viewer(user)
    if not person.signed_in:
        return render_to_string(TEMPLATE, home_panels(user))
    stamp = (
        tree_generation(),
        cache.get_or_set(PANELS_GENERATION_KEY, 1, None),
        person,
        tuple(hidden_page_paths(person)),
        headteachers_group_id(),
    )
    entry = cache.get(_panel_key(user.pk))
    if entry is not None and entry[0] == stamp:
        return entry[1]
    html = render_to_string(TEMPLATE, home_panels(user))
    cache.set(_panel_key(user.pk), (stamp, html), PANEL_TIMEOUT)
    return html
