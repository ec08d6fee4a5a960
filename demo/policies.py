"""Demo policies (demo/data/policies.yaml, adaptations.yaml): model policies with version
histories, school adaptations (one based on an older version, to show the alert), adoptions,
and partial acknowledgements, so every report has numbers. Adopting, adapting and
acknowledging go through policies.services, as the pages do.

Idempotent: policies are found by slug; a policy that already exists keeps its versions (its
history is only written the first time), and adaptations, acknowledgements and preferences are
keyed on (school, policy) / (user, version) / user."""

import datetime
import zlib

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from pages.models import SchoolPage
from policies import services
from policies.models import (
    Acknowledgement,
    DigestPreference,
    PolicyIndexPage,
    PolicyPage,
    PolicyVersion,
    SchoolAdaptation,
)
from policies.textdiff import html_to_text

from .people import account
from .records import apply_changes, load

# Share of the people asked who have acknowledged, so reports show partial completion.
ACK_PERCENT = 65
DIGEST_READERS = ["teacher.coppice", "head.coppice"]


def chosen(*keys, percent=ACK_PERCENT):
    """A stable yes/no per key (the same on every run and every database)."""
    return zlib.crc32(":".join(keys).encode()) % 100 < percent


def policy_index(home):
    index = PolicyIndexPage.objects.child_of(home).filter(slug="policies").first()
    if index is None:
        index = PolicyIndexPage(
            title="Policies",
            slug="policies",
            show_in_menus=True,
            intro="<p>The trust's model policies, each school's adaptations, and the "
            "policies you are asked to read.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def version_bodies(record):
    """Each version's full text: the first as written, each later one as changes to it."""
    body = record["versions"][0]["body"]
    for version in record["versions"]:
        body = apply_changes(body, version.get("changes", []))
        yield version, body


def write_policy(index, record):
    existing = PolicyPage.objects.child_of(index).filter(slug=record["slug"]).first()
    if existing is not None and existing.versions.exists():
        return existing
    must_read = record["must_read"]
    fields = {
        "title": record["title"],
        "area": record["area"],
        "statutory": record["statutory"],
        "owner_user": account(record["owner"]),
        "summary": record["summary"],
        "review_cycle_months": record["review_cycle_months"],
        "approval_date": timezone.localdate() - relativedelta(months=record["approved_months_ago"]),
        "ack_all_staff": bool(must_read.get("all")),
        "ack_job_roles": must_read.get("roles", []),
    }
    page = existing
    for version, body in version_bodies(record):
        if page is None:
            page = PolicyPage(slug=record["slug"], body=body, change_note=version["note"], **fields)
            index.add_child(instance=page)
        page.body, page.change_note, page.material_change = (
            body,
            version["note"],
            version["material"],
        )
        page.save_revision().publish()
        page = PolicyPage.objects.get(pk=page.pk)
        # Back-date the version just written, so the history looks lived in.
        PolicyVersion.objects.filter(pk=page.versions.order_by("-number").first().pk).update(
            published_at=timezone.now() - datetime.timedelta(days=version["days_ago"])
        )
    return page


def adaptations(policies):
    data = load("adaptations")
    schools = {s.slug: s for s in SchoolPage.objects.all()}
    done = set(SchoolAdaptation.objects.values_list("school__slug", "policy__slug"))
    for record in data["adaptations"]:
        school, policy = schools[record["school"]], policies[record["policy"]]
        if (school.slug, policy.slug) in done:
            continue
        base = policy.versions.get(number=record["base_version"])
        text = apply_changes(html_to_text(base.body), record.get("changes", []))
        if record.get("append"):
            text += "\n\n" + record["append"].rstrip("\n")
        services.save_adaptation(
            policy,
            school,
            text=text,
            note=record["note"],
            user=account(f"head.{school.slug}"),
            base=base,
        )
    for record in data["adaptations"]:
        if record.get("merge_decisions"):
            merge_decisions(policies[record["policy"]], schools[record["school"]], record)
    for school_slug, policy_slugs in data["adoptions"].items():
        for slug in policy_slugs:
            if (school_slug, slug) not in done:
                services.adopt(
                    policies[slug], schools[school_slug], user=account(f"head.{school_slug}")
                )


def merge_decisions(policy, school, record):
    """A merge in progress: decisions on the model's later changes, found by a phrase of the
    model's text; changes not named stay open (so the alert and the drift view show them)."""
    policy = PolicyPage.objects.prefetch_related(services.versions_prefetch()).get(pk=policy.pk)
    adaptation = SchoolAdaptation.objects.select_related("base_version", "school").get(
        policy=policy, school=school
    )
    proposal = services.proposal(policy, adaptation)
    if proposal is None:
        return
    decisions = {}
    for wanted in record["merge_decisions"]:
        item = next((i for i in proposal.items if wanted["match"] in i.model_text), None)
        if item is None:
            raise ValueError(f"Demo data: no change of {policy.slug} has {wanted['match']!r}")
        decisions[item.key] = services.Decision(
            wanted["decision"], wanted.get("text", ""), " ".join(wanted.get("reason", "").split())
        )
    services.resolve(policy, school, decisions, user=account(f"head.{school.slug}"))


def acknowledgements(policies):
    """Acknowledge a stable share of each policy's readers; for policies that changed
    materially, some people read only the earlier version (so they show as outstanding)."""
    now = timezone.now()
    for policy in policies.values():
        policy = PolicyPage.objects.prefetch_related(services.versions_prefetch()).get(pk=policy.pk)
        _version, rows, _totals = services.policy_report(policy)
        versions = sorted(policy.versions.all(), key=lambda v: v.number)
        for row in rows:
            username = row.user.get_username()
            if not chosen(username, policy.slug):
                continue
            # Older versions first: those who read only them now need to re-read.
            read = [
                v for v in versions if chosen(username, policy.slug, str(v.number), percent=50)
            ] or versions[-1:]
            if chosen(username, policy.slug, "up to date", percent=70):
                read = sorted({*read, versions[-1]}, key=lambda v: v.number)
            for version in read:
                days = zlib.crc32(f"{username}{version.pk}".encode()) % 10
                when = version.published_at + datetime.timedelta(days=days, hours=3)
                services.record_acknowledgement(row.user, version, at=min(now, when))


def load_policies(home):
    """Returns a one-line summary of what is there."""
    index = policy_index(home)
    policies = {r["slug"]: write_policy(index, r) for r in load("policies")["policies"]}
    adaptations(policies)
    acknowledgements(policies)
    for username in DIGEST_READERS:
        user = account(username)
        if user:
            DigestPreference.objects.update_or_create(user=user, defaults={"weekly_digest": True})
    return (
        f"Demo policies ready: {len(policies)} policies, "
        f"{PolicyVersion.objects.count()} versions, {SchoolAdaptation.objects.count()} "
        f"school adoptions/adaptations, {Acknowledgement.objects.count()} acknowledgements."
    )
