"""Reading policies: versions, who must read them, acknowledgements and their reports.

Acknowledgement rule: the version that counts for a policy is its latest *material* version.
A member of staff is up to date if they acknowledged that version or any later one, so a minor
(non-material) version keeps earlier acknowledgements valid and a material one resets them.
Who must read a version is its audience (all staff, job roles, schools) among the people who
can see the policy at all.

Everything here that lists people works in a fixed number of queries, whatever the staff count:
people, acknowledgements and restrictions are each loaded once and matched up in Python."""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.log_actions import log

from pages.models import SchoolPage
from people.visibility import PageAudience

from ..models import Acknowledgement, PolicyPage, PolicyVersion
from ..permissions import PolicyAccess

# The policies' entries in the audit trail (people/audit.py); registered in wagtail_hooks.py.
AUDIT_ACTIONS = {
    "lte.policy.publish": ("Policy version published", "Published a numbered version"),
    "lte.policy.adopt": ("Policy adopted", "Adopted for a school as it is"),
    "lte.policy.adapt": ("Policy adapted", "Saved a school's adaptation"),
    "lte.policy.rebase": ("Adaptation moved on", "Moved an adaptation onto a newer version"),
    "lte.policy.acknowledge": ("Policy acknowledged", "Acknowledged reading"),
}

# --- versions ---------------------------------------------------------------------------------


def versions_prefetch():
    return Prefetch(
        "versions",
        queryset=PolicyVersion.objects.order_by("-number").prefetch_related(
            # Only compared by id (PolicyVersion.in_audience): whole school pages cost ~10 ms.
            Prefetch("audience_schools", queryset=SchoolPage.objects.only("pk"))
        ),
    )


def current_version(policy):
    """Latest version; uses the prefetched list when there is one."""
    versions = list(policy.versions.all())
    if versions:
        return max(versions, key=lambda v: v.number)
    return None


def required_version(policy):
    """The latest material version: the one whose acknowledgements count."""
    material = [v for v in policy.versions.all() if v.material]
    return max(material, key=lambda v: v.number) if material else None


@transaction.atomic
def record_version(policy, user=None, published_at=None):
    """Write a PolicyVersion from the page's current fields if its text or file changed.

    Called whenever a PolicyPage is published; returns the new version or None."""
    latest = policy.versions.order_by("-number").first()
    if latest and latest.body == policy.body and latest.document_id == policy.document_id:
        return None
    version = PolicyVersion.objects.create(
        policy=policy,
        number=latest.number + 1 if latest else 1,
        change_note=policy.change_note or ("" if latest else "First published version"),
        body=policy.body,
        document_id=policy.document_id,
        # A first version is always material: there is nothing earlier to stay valid.
        material=bool(policy.material_change or latest is None),
        published_at=published_at or timezone.now(),
        published_by=user if user is not None and user.is_authenticated else None,
        audience_all_staff=policy.ack_all_staff,
        audience_job_roles=list(policy.ack_job_roles or []),
    )
    version.audience_schools.set(policy.ack_schools.all())
    log(
        policy,
        "lte.policy.publish",
        user=version.published_by,
        data={"version": version.number, "material": version.material},
        timestamp=version.published_at,
    )
    return version


def visible_policies(user):
    """Live policies this user may read, with versions (and their audiences) prefetched."""
    pages = PolicyPage.objects.visible_to(user)
    return pages.select_related("owner_user").prefetch_related(versions_prefetch())


# --- who must read what -----------------------------------------------------------------------


class Audience:
    """Who of many people must read a version: its audience, among those who may see the policy
    (people/visibility.py's page rule, evaluated for everyone at once)."""

    def __init__(self, users):
        self.pages = PageAudience(users)

    def can_see(self, user, policy):
        return self.pages.can_see(user, policy)

    def must_read(self, user, policy, version):
        profile = getattr(user, "profile", None)
        return version.in_audience(profile) and self.can_see(user, policy)


def staff_queryset(school=None, schools=None):
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .select_related("profile__school")
        .order_by("profile__school__title", "last_name", "first_name", "username", "pk")
    )
    if school is not None:
        users = users.filter(profile__school=school)
    if schools is not None:
        users = users.filter(profile__school__in=[s.pk for s in schools])
    return users


def acknowledgement_index(policies, users=None):
    """{(policy_id, user_id): (highest version number acknowledged, when)} in one query."""
    acks = Acknowledgement.objects.filter(version__policy__in=[p.pk for p in policies])
    if users is not None:
        acks = acks.filter(user_id__in=[u.pk for u in users])
    index = {}
    for policy_id, user_id, number, when in acks.values_list(
        "version__policy_id", "user_id", "version__number", "acknowledged_at"
    ):
        key = (policy_id, user_id)
        if key not in index or index[key][0] < number:
            index[key] = (number, when)
    return index


@dataclass
class ReportRow:
    user: object
    school: object
    done: bool
    version_number: int | None
    acknowledged_at: datetime.datetime | None

    @property
    def name(self):
        return self.user.get_full_name() or self.user.get_username()


@dataclass
class SchoolTotals:
    school: object
    required: int = 0
    done: int = 0

    @property
    def outstanding(self):
        return self.required - self.done

    @property
    def percent(self):
        return round(100 * self.done / self.required) if self.required else None


def policy_report(policy, school=None):
    """Who must read the policy's counting version, and who has (optionally for one school).

    Returns (version, rows, totals by school id). A fixed number of queries."""
    if "versions" not in getattr(policy, "_prefetched_objects_cache", {}):
        policy = PolicyPage.objects.filter(pk=policy.pk).prefetch_related(versions_prefetch()).get()
    version = required_version(policy)
    if version is None or not version.requires_acknowledgement:
        return version, [], {}
    users = list(staff_queryset(school))
    audience = Audience(users)
    acks = acknowledgement_index([policy], users)
    rows, totals = [], {}
    for user in users:
        if not audience.must_read(user, policy, version):
            continue
        number, when = acks.get((policy.pk, user.pk), (None, None))
        done = number is not None and number >= version.number
        user_school = user.profile.school
        rows.append(ReportRow(user, user_school, done, number, when if done else None))
        totals.setdefault(user_school.pk if user_school else None, SchoolTotals(user_school))
        tot = totals[user_school.pk if user_school else None]
        tot.required += 1
        tot.done += int(done)
    return version, rows, totals


def trust_overview(policies, schools):
    """Every policy against every school: {policy_id: {school_id: SchoolTotals}}.

    `policies` must have versions prefetched (see visible_policies). Fixed number of queries."""
    users = list(staff_queryset(schools=schools))
    audience = Audience(users)
    acks = acknowledgement_index(policies, users)
    grid = {}
    for policy in policies:
        version = required_version(policy)
        cells = {s.pk: SchoolTotals(s) for s in schools}
        grid[policy.pk] = cells
        if version is None or not version.requires_acknowledgement:
            continue
        for user in users:
            school_id = user.profile.school_id
            if school_id not in cells or not audience.must_read(user, policy, version):
                continue
            number = acks.get((policy.pk, user.pk), (None, None))[0]
            cells[school_id].required += 1
            cells[school_id].done += int(number is not None and number >= version.number)
    return grid


# --- acknowledging ----------------------------------------------------------------------------


class NotAllowed(Exception):
    pass


class NothingPublished(NotAllowed):
    pass


def latest_version(policy):
    """The newest version, from the database (never a stale prefetch): what people are shown."""
    version = policy.versions.order_by("-number").first()
    if version is None:
        raise NothingPublished("This policy has no published version yet.")
    return version


def text_fingerprint(version):
    """A hash of exactly the text (and file) of a version: what an acknowledgement was for."""
    data = f"{version.body}\0{version.document_id or ''}"
    return hashlib.sha256(data.encode()).hexdigest()


def acknowledge(user, policy, version_number=None, fingerprint=None):
    """Record that `user` (always the signed-in person) read the policy's current version.

    `version_number` and `fingerprint`, when given, must be the current version's: people
    acknowledge what they were shown, never a newer text they have not seen."""
    if not PolicyAccess(user).can_acknowledge(policy):
        raise NotAllowed("You cannot acknowledge this policy.")
    version = latest_version(policy)
    stale = version_number is not None and version_number != version.number
    if stale or (fingerprint and fingerprint != text_fingerprint(version)):
        raise NotAllowed(
            "A newer version has been published since you opened the page. Please read it first."
        )
    return record_acknowledgement(user, version)


def record_acknowledgement(user, version, at=None):
    """The acknowledgement row itself, once per person and version (`at` for history only)."""
    defaults = {"fingerprint": text_fingerprint(version)}
    if at is not None:
        defaults["acknowledged_at"] = at
    try:
        with transaction.atomic():
            ack, created = Acknowledgement.objects.get_or_create(
                user=user, version=version, defaults=defaults
            )
    except IntegrityError:  # a double click racing itself
        return Acknowledgement.objects.get(user=user, version=version)
    if created:
        log(
            version.policy,
            "lte.policy.acknowledge",
            user=user,
            data={"version": version.number},
            timestamp=ack.acknowledged_at,
        )
    return ack


def user_policy_state(user, policy, ack_numbers=None):
    """(must_read, up_to_date, highest acknowledged version number) for one person."""
    version = required_version(policy)
    if ack_numbers is None:
        ack_numbers = list(
            Acknowledgement.objects.filter(user=user, version__policy=policy).values_list(
                "version__number", flat=True
            )
        )
    best = max(ack_numbers) if ack_numbers else None
    if version is None:
        return False, True, best
    profile = getattr(user, "profile", None)
    must = version.requires_acknowledgement and version.in_audience(profile)
    return must, best is not None and best >= version.number, best
