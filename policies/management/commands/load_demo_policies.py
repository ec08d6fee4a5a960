"""Demo policies: model policies with version histories, school adaptations (one based on an
older version, to show the alert) and partial acknowledgements, so every report has numbers.

Idempotent: policies are found by slug; a policy that already exists keeps its versions (its
history is only written the first time), and adaptations, acknowledgements and preferences are
keyed on (school, policy) / (user, version) / user."""

import datetime
import zlib

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pages.models import HomePage, SchoolPage
from policies import demo_data as data
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

# Share of the people asked who have acknowledged, so reports show partial completion.
ACK_PERCENT = 65


def chosen(*keys, percent=ACK_PERCENT):
    """A stable yes/no per key (the same on every run and every database)."""
    return zlib.crc32(":".join(keys).encode()) % 100 < percent


class Command(BaseCommand):
    help = "Create or update the demo trust's policies (run by load_demo_trust)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        say = (lambda *a: None) if quiet else self.stdout.write
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py load_demo_trust` first.")
        with transaction.atomic():
            index = self.index(home)
            policies = {spec[0]: self.policy(index, spec) for spec in data.DEMO_POLICIES}
            self.adaptations(policies)
            acks = self.acknowledgements(policies)
            users = get_user_model().objects
            for username in ("teacher.coppice", "head.coppice"):
                user = users.filter(username=username).first()
                if user:
                    DigestPreference.objects.update_or_create(
                        user=user, defaults={"weekly_digest": True}
                    )
        say(
            f"Demo policies ready: {len(policies)} policies, "
            f"{PolicyVersion.objects.count()} versions, {SchoolAdaptation.objects.count()} "
            f"school adoptions/adaptations, {acks} acknowledgements."
        )

    def index(self, home):
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

    def policy(self, index, spec):
        (slug, title, area, statutory, owner, summary, cycle, months_ago, audience, versions) = spec
        existing = PolicyPage.objects.child_of(index).filter(slug=slug).first()
        if existing is not None and existing.versions.exists():
            return existing
        today = timezone.localdate()
        owner_user = get_user_model().objects.filter(username=owner).first()
        schools = list(SchoolPage.objects.filter(slug__in=audience.get("schools", [])))
        fields = {
            "title": title,
            "area": area,
            "statutory": statutory,
            "owner_user": owner_user,
            "summary": summary,
            "review_cycle_months": cycle,
            "approval_date": today - relativedelta(months=months_ago),
            "ack_all_staff": bool(audience.get("all")),
            "ack_job_roles": audience.get("roles", []),
        }
        page = existing
        for days_ago, material, note, body in versions:
            if page is None:
                page = PolicyPage(slug=slug, body=body, change_note=note, **fields)
                index.add_child(instance=page)
            page.body, page.change_note, page.material_change = body, note, material
            page.ack_schools.set(schools)
            page.save_revision().publish()
            page = PolicyPage.objects.get(pk=page.pk)
            # Back-date the version just written, so the history looks lived in.
            latest = page.versions.order_by("-number").first()
            PolicyVersion.objects.filter(pk=latest.pk).update(
                published_at=timezone.now() - datetime.timedelta(days=days_ago)
            )
        return page

    def adaptations(self, policies):
        schools = {s.slug: s for s in SchoolPage.objects.all()}
        for school_slug, policy_slug, base_number, note, edit in data.ADAPTATIONS:
            school, policy = schools.get(school_slug), policies[policy_slug]
            if school is None:
                continue
            base = policy.versions.get(number=base_number)
            SchoolAdaptation.objects.get_or_create(
                policy=policy,
                school=school,
                defaults={
                    "status": SchoolAdaptation.ADAPTED,
                    "base_version": base,
                    "text": edit(html_to_text(base.body)),
                    "note": note,
                },
            )
        for school_slug, slugs in data.ADOPTIONS.items():
            school = schools.get(school_slug)
            if school is None:
                continue
            for slug in slugs:
                SchoolAdaptation.objects.get_or_create(
                    policy=policies[slug],
                    school=school,
                    defaults={
                        "status": SchoolAdaptation.ADOPTED,
                        "base_version": policies[slug].versions.order_by("-number").first(),
                    },
                )

    def acknowledgements(self, policies):
        """Acknowledge a stable share of each policy's readers; for policies that changed
        materially, some people read only the earlier version (so they show as outstanding)."""
        now = timezone.now()
        for policy in policies.values():
            policy = PolicyPage.objects.prefetch_related(services.versions_prefetch()).get(
                pk=policy.pk
            )
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
                    Acknowledgement.objects.get_or_create(
                        user=row.user,
                        version=version,
                        defaults={
                            "acknowledged_at": min(
                                now, version.published_at + datetime.timedelta(days=days, hours=3)
                            )
                        },
                    )
        return Acknowledgement.objects.count()
