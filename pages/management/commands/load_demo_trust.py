"""Build (or bring up to date) the demo trust: pages, people, roles, news and events.

Idempotent: every object is found by a stable key (slug, username) and updated in place."""

import datetime
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from pages import demo_data as data
from pages.models import (
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    Partner,
    PartnersPage,
    SchoolIndexPage,
    SchoolPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from people import roles
from people.models import StaffProfile


def upsert_child(parent, model, slug, **fields):
    """Find the child page of `parent` with `slug`, or create it; then set `fields` and publish."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def stream(blocks):
    out = []
    for kind, value in blocks:
        if kind == "heading":
            out.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            out.append(("paragraph", RichText(value)))
        elif kind == "callout":
            style, title, text = value
            out.append(("callout", {"style": style, "title": title, "text": RichText(text)}))
        elif kind == "table":
            out.append(
                (
                    "table",
                    {
                        "data": value,
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                    },
                )
            )
    return out


def academic_year_start(today):
    year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(year, 9, 1)


def at(day, hour=9, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Command(BaseCommand):
    help = "Create or update the demo Learning Trust for Excellence (pages, users, news, events)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        password = os.environ.get("DEMO_PASSWORD") or settings.DEMO_PASSWORD_DEFAULT
        if not settings.DEBUG and password == settings.DEMO_PASSWORD_DEFAULT:
            raise CommandError(
                "Refusing to create demo users with the published default password while DEBUG "
                "is off. Set DEMO_PASSWORD to a password of your own, or run with DEBUG=1."
            )
        self.password = password
        self.say = (lambda *a: None) if quiet else self.stdout.write
        with transaction.atomic():
            self.build()
            # Features with demo content of their own add it through their own command.
            for command in ("load_demo_resources", "load_demo_policies"):
                if command in get_commands():
                    call_command(command, quiet=quiet, stdout=self.stdout)
        self.say(self.style.SUCCESS("Demo trust ready."))
        self.say(
            "Demo sign-ins (password: %s): admin, teacher.coppice, lead.maths, head.coppice "
            "(and teacher./head.<school>, lead.<group>)" % password
        )

    def build(self):
        roles.ensure_base_roles()
        home = self.home_page()
        schools = self.schools(home)
        self.partners(home)
        groups = self.groups(home)
        self.people(schools, groups)
        self.news(home, schools, groups)
        self.events(home, schools, groups)
        upsert_child(
            home,
            ContentPage,
            "accessibility",
            title="Accessibility statement",
            show_in_menus=False,
            intro="How accessible this intranet is and how to report a problem.",
            body=stream(
                [
                    (
                        "paragraph",
                        "<p>The LTE Intranet aims to meet WCAG 2.2 level AA. It works on phones at 320 pixels wide, with a keyboard, and with screen readers.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Documents in the resource hub are shared by staff and may not all be accessible. If you need a document in another format, contact the trust's business manager.</p>",
                    ),
                ]
            ),
        )

    def home_page(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(title="LTE Intranet", slug="lte-home")
            root.add_child(instance=home)
        home.intro = (
            "<p>The staff intranet of the Learning Trust for Excellence: eleven Sutton Coldfield "
            "schools working together.</p>"
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="LTE Intranet"
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "LTE Intranet"
            site.save()
            if old_root.specific_class is Page and old_root.depth == 2:
                old_root.delete()  # Wagtail's "Welcome" placeholder
        return HomePage.objects.get(pk=home.pk)

    def schools(self, home):
        index = upsert_child(
            home,
            SchoolIndexPage,
            "schools",
            title="Schools",
            show_in_menus=True,
            intro="<p>The eleven schools of the trust: seven founders and four that joined later.</p>",
        )
        schools = {}
        for (
            slug,
            title,
            short,
            address,
            postcode,
            phone,
            email,
            head,
            phase,
            kind,
            founding,
        ) in data.SCHOOLS:
            schools[slug] = upsert_child(
                index,
                SchoolPage,
                slug,
                title=title,
                short_name=short,
                address=address,
                postcode=postcode,
                phone=phone,
                email=email,
                headteacher=head,
                phase=phase,
                provider_type=kind,
                founding_member=founding,
                joined=data.FOUNDED if founding else data.JOINED_LATER,
                intro=f"<p>{title} is {'a founding' if founding else 'a'} member of the trust.</p>",
            )
        return schools

    def partners(self, home):
        page = upsert_child(
            home,
            PartnersPage,
            "partners",
            title="Partners",
            show_in_menus=True,
            intro="<p>Key partners support the trust's vision with their experience and expertise.</p>",
        )
        Partner.objects.filter(page=page).delete()
        for order, (name, kind, description) in enumerate(data.PARTNERS):
            Partner.objects.create(
                page=page, sort_order=order, name=name, kind=kind, description=description
            )

    def groups(self, home):
        index = upsert_child(
            home,
            WorkingGroupIndexPage,
            "groups",
            title="Working groups",
            show_in_menus=True,
            intro="<p>Teachers across the trust meet regularly to plan, moderate and share.</p>",
        )
        groups = {}
        for slug, title, purpose, schedule, _lead_school, _members in data.GROUPS:
            group = upsert_child(
                index,
                WorkingGroupPage,
                slug,
                title=title,
                purpose=f"<p>{purpose}</p>",
                meeting_schedule=schedule,
            )
            roles.ensure_lead_role(group)
            groups[slug] = WorkingGroupPage.objects.get(pk=group.pk)
            for page_slug, page_title, intro, blocks in data.GROUP_PAGES.get(slug, []):
                upsert_child(
                    group,
                    ContentPage,
                    page_slug,
                    title=page_title,
                    intro=intro,
                    body=stream(blocks),
                )
        return groups

    def user(
        self,
        username,
        first,
        last,
        school,
        job_role,
        job_title,
        django_groups=(),
        working_groups=(),
        superuser=False,
    ):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@lte.education"
        user.is_superuser = user.is_staff = superuser
        if created or not user.check_password(self.password):
            user.set_password(self.password)
        user.save()
        user.groups.add(Group.objects.get(name=roles.STAFF), *django_groups)
        profile, _ = StaffProfile.objects.get_or_create(user=user)
        profile.school, profile.job_role, profile.job_title = school, job_role, job_title
        profile.save()
        profile.working_groups.add(*working_groups)
        return user

    def people(self, schools, groups):
        names = iter(
            (
                data.FIRST_NAMES[i % len(data.FIRST_NAMES)],
                data.LAST_NAMES[(i * 7) % len(data.LAST_NAMES)],
            )
            for i in range(1000)
        )
        heads = Group.objects.get(name=roles.HEADTEACHERS)
        admins = Group.objects.get(name=roles.TRUST_ADMINS)
        self.user(
            "admin",
            "Trust",
            "Administrator",
            None,
            "trust_central",
            "Trust strategic business manager",
            [admins],
            superuser=True,
        )
        forum = groups["headteachers-forum"]
        for slug, *_rest in data.SCHOOLS:
            school = schools[slug]
            head_first, _, head_last = (school.headteacher or "Alex Morgan").partition(" ")
            self.user(
                f"head.{slug}",
                head_first,
                head_last or "Morgan",
                school,
                "headteacher",
                "Headteacher",
                [heads],
                [forum],
            )
        group_members = {}
        for slug, *_rest, member_schools in data.GROUPS:
            for member_school in member_schools:
                group_members.setdefault(member_school, []).append(groups[slug])
        for slug, *_rest in data.SCHOOLS:
            first, last = next(names)
            self.user(
                f"teacher.{slug}",
                first,
                last,
                schools[slug],
                "teacher",
                "Class teacher",
                working_groups=group_members.get(slug, [])[:2],
            )
        for slug, title, _p, _s, lead_school, _m in data.GROUPS:
            group = groups[slug]
            if slug == "headteachers-forum":
                first, last, job_role, job_title = (
                    "Vicky",
                    "Hewitson",
                    "headteacher",
                    "Chair of the forum",
                )
            else:
                (first, last), job_role, job_title = next(names), "teacher", f"{title} lead"
            lead = self.user(
                f"lead.{slug}",
                first,
                last,
                schools[lead_school],
                job_role,
                job_title,
                [group.lead_group],
                [group],
            )
            lead.groups.add(group.lead_group)
        senco = Group.objects.get(name="SENCOs")
        safeguarding = Group.objects.get(name="Safeguarding leads")
        first, last = next(names)
        self.user(
            "senco.langley",
            first,
            last,
            schools["langley"],
            "senco",
            "SENCO",
            [senco],
            [groups["send"]],
        )
        first, last = next(names)
        self.user(
            "dsl.coppice",
            first,
            last,
            schools["coppice"],
            "deputy",
            "Designated safeguarding lead",
            [safeguarding],
        )
        first, last = next(names)
        self.user(
            "office.coppice", first, last, schools["coppice"], "office", "School business manager"
        )

    def news(self, home, schools, groups):
        index = upsert_child(
            home,
            NewsIndexPage,
            "news",
            title="News",
            show_in_menus=True,
            intro="<p>News from across the trust and its working groups.</p>",
        )
        today = timezone.localdate()
        for slug, title, group, school, days, intro, body in data.NEWS:
            upsert_child(
                index,
                NewsArticlePage,
                slug,
                title=title,
                date=today + datetime.timedelta(days=days),
                group=groups.get(group),
                school=schools.get(school),
                intro=intro,
                body=stream([("paragraph", body)]),
            )

    def events(self, home, schools, groups):
        index = upsert_child(
            home,
            EventIndexPage,
            "events",
            title="Events",
            show_in_menus=True,
            intro="<p>INSET days, moderation meetings, review days and the Headteachers' Forum.</p>",
        )
        start = academic_year_start(timezone.localdate())
        school_slugs = [s[0] for s in data.SCHOOLS]
        events = []
        # Joint INSET days at the start of each term.
        for month_offset, name in [(0, "Autumn"), (4, "Spring"), (7, "Summer")]:
            month = (start.month - 1 + month_offset) % 12 + 1
            year = start.year + (start.month - 1 + month_offset) // 12
            day = datetime.date(year, month, 1)
            while day.weekday() != 0:
                day += datetime.timedelta(days=1)
            events.append(
                (
                    f"inset-{name.lower()}",
                    f"Joint INSET day: {name} term",
                    "inset",
                    at(day, 9),
                    at(day, 15, 30),
                    True,
                    schools["coppice"],
                    None,
                )
            )
        # Headteachers' Forum every six weeks (Thursdays).
        day = start + datetime.timedelta(days=(3 - start.weekday()) % 7 + 7)
        for n in range(1, 8):
            host = schools[school_slugs[(n - 1) % len(school_slugs)]]
            events.append(
                (
                    f"headteachers-forum-{n}",
                    f"Headteachers' Forum ({n} of 7)",
                    "forum",
                    at(day, 9),
                    at(day, 12),
                    False,
                    host,
                    groups["headteachers-forum"],
                )
            )
            day += datetime.timedelta(weeks=6)
        # Moderation meetings and working-group meetings, half-termly.
        for n, slug in enumerate(["maths", "literacy", "year-6", "eyfs", "send", "ict"]):
            for half_term in range(6):
                day = start + datetime.timedelta(weeks=3 + half_term * 6 + n % 3, days=1 + n % 3)
                host = schools[school_slugs[(n + half_term) % len(school_slugs)]]
                category = (
                    "moderation"
                    if slug in {"maths", "literacy", "year-6"} and half_term % 2
                    else "group"
                )
                label = "moderation" if category == "moderation" else "group meeting"
                events.append(
                    (
                        f"{slug}-{label.replace(' ', '-')}-{half_term + 1}",
                        f"{groups[slug].title} {label}",
                        category,
                        at(day, 16),
                        at(day, 17, 30),
                        False,
                        host,
                        groups[slug],
                    )
                )
        # Review days: six heads visit the seventh school.
        for n, slug in enumerate(school_slugs):
            day = start + datetime.timedelta(weeks=5 + n * 3, days=2)
            events.append(
                (
                    f"review-day-{slug}",
                    f"Review day: {schools[slug].short_name}",
                    "review",
                    at(day, 8, 30),
                    at(day, 15, 30),
                    False,
                    schools[slug],
                    groups["headteachers-forum"],
                )
            )
        for slug, title, category, begins, ends, all_day, school, group in events:
            upsert_child(
                index,
                EventPage,
                slug,
                title=title,
                category=category,
                start=begins,
                end=ends,
                all_day=all_day,
                school=school,
                group=group,
                location="" if school else "Online",
                description=f"<p>{title}. Please tell your school office if you cannot attend.</p>",
            )
