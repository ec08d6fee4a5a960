"""A small trust with one object at every visibility level, for the route x role x object tests.

Every object carries a marker word in its title (`t…`) and another only in its body or file
(`b…`): a role that may not see the object must never meet either marker, in any response of
any route. All bodies share `sharedword`, so one search finds everything a role may see; the
objects hidden from every tested role also share `hiddenonlyword`, and the Headteachers-only
ones `headsonlyword`, so a misspelt query can probe "did you mean" for an oracle."""

import datetime
import io
import string

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from hub.models import Resource
from hub.services import create_resource
from people import roles
from people.models import StaffProfile
from tests.factories import (
    ContentPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    SchoolPageFactory,
    UserFactory,
    WorkingGroupPageFactory,
)
from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish

ROLES = ["teacher_other_school", "lead_other_group", "headteacher", "office_staff"]
EVERYONE = frozenset(ROLES)
HEADS = frozenset({"headteacher"})
NOBODY = frozenset()


def _marker(prefix, n):
    letters = string.ascii_lowercase
    return f"{prefix}mk{letters[n // 26]}{letters[n % 26]}q"


class Item:
    def __init__(self, key, n, audience, kind):
        self.key, self.audience, self.kind = key, audience, kind
        self.title_marker = _marker("t", n)
        self.body_marker = _marker("b", n)
        self.obj = None

    @property
    def words(self):
        extra = []
        if self.audience == NOBODY:
            extra.append("hiddenonlyword")
        elif self.audience == HEADS:
            extra.append("headsonlyword")
        return " ".join([self.body_marker, "sharedword", *extra])

    def title(self, label):
        return f"{label} {self.title_marker}"


def _resource(item, label, **fields):
    text = f"{item.title(label)}\n{item.words}\n".encode()
    return create_resource(
        io.BytesIO(text), name=f"{item.key}.txt", kind="txt", title=item.title(label), **fields
    )


def _restrict(page, kind, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if groups:
        restriction.groups.set(groups)


def build_world(tree):
    """Returns an object with .users (role -> user), .items (key -> Item), .schools..."""
    w = type("World", (), {})()
    heads = Group.objects.get(name=roles.HEADTEACHERS)
    safeguarding = Group.objects.get(name="Safeguarding leads")
    w.school_a = SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")
    w.school_b = SchoolPageFactory(
        parent=tree.schools, title="Hollyfield Primary", slug="hollyfield"
    )
    w.maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    w.literacy = WorkingGroupPageFactory(parent=tree.groups, title="Literacy", slug="literacy")
    w.maths.refresh_from_db()
    w.literacy.refresh_from_db()
    w.policies = PolicyIndexPageFactory(parent=tree.home)

    def person(username, school, job_role="teacher", groups=()):
        user = UserFactory(username=username, school=school)
        StaffProfile.objects.filter(user=user).update(job_role=job_role)
        user.groups.add(Group.objects.get(name=roles.STAFF), *groups)
        return user

    w.owner = person("teacher.coppice", w.school_a)
    w.lead_maths = person("lead.maths", w.school_a, groups=[w.maths.lead_group])
    w.users = {
        "teacher_other_school": person("teacher.hollyfield", w.school_b),
        "lead_other_group": person("lead.literacy", w.school_b, groups=[w.literacy.lead_group]),
        "headteacher": person("head.hollyfield", w.school_b, "headteacher", groups=[heads]),
        "office_staff": person("office.hollyfield", w.school_b, "office"),
    }
    for user in w.users.values():
        user.profile.working_groups.add(w.maths, w.literacy)

    specs = [
        ("r_trust", EVERYONE, "resource"),
        ("r_school", NOBODY, "resource"),
        ("r_safeguarding", NOBODY, "resource"),
        ("r_heads", HEADS, "resource"),
        ("r_withdrawn", NOBODY, "resource"),
        ("news_heads", HEADS, "page"),
        ("event_heads", HEADS, "page"),
        ("content_heads", HEADS, "page"),
        ("policy_heads", HEADS, "page"),
        ("news_signed_in", EVERYONE, "page"),
        ("event_signed_in", EVERYONE, "page"),
        ("content_signed_in", EVERYONE, "page"),
        ("policy_signed_in", EVERYONE, "page"),
    ]
    w.items = {key: Item(key, n, audience, kind) for n, (key, audience, kind) in enumerate(specs)}
    i = w.items
    common = {"user": w.owner, "working_groups": [w.maths], "school": w.school_a}
    i["r_trust"].obj = _resource(i["r_trust"], "Trust plan", **common)
    i["r_school"].obj = _resource(
        i["r_school"], "Coppice minutes", visibility=Resource.SCHOOL, **common
    )
    i["r_safeguarding"].obj = _resource(
        i["r_safeguarding"],
        "Safeguarding flowchart",
        visibility=Resource.RESTRICTED,
        restricted_to=[safeguarding],
        **common,
    )
    i["r_heads"].obj = _resource(
        i["r_heads"],
        "Appraisal template",
        visibility=Resource.RESTRICTED,
        restricted_to=[heads],
        **common,
    )
    i["r_withdrawn"].obj = _resource(i["r_withdrawn"], "Old scheme", withdrawn=True, **common)
    # Tags show in facets and suggestions: a hidden resource's tag carries its marker.
    i["r_trust"].obj.tags.add("open")
    i["r_school"].obj.tags.add(f"minutes{i['r_school'].title_marker}")

    soon = timezone.now() + datetime.timedelta(days=2)
    for suffix, kind, groups in (
        ("heads", PageViewRestriction.GROUPS, [heads]),
        ("signed_in", PageViewRestriction.LOGIN, []),
    ):
        news = i[f"news_{suffix}"]
        news.obj = NewsArticlePageFactory(
            parent=tree.news,
            title=news.title("Staffing news"),
            intro=news.words,
            group=w.maths,
            school=w.school_a,
            date=timezone.localdate(),
        )
        event = i[f"event_{suffix}"]
        event.obj = EventPageFactory(
            parent=tree.events,
            title=event.title("Review meeting"),
            description=f"<p>{event.words}</p>",
            location=f"Room {event.body_marker}",
            start=soon,
            group=w.maths,
            school=w.school_a,
        )
        content = i[f"content_{suffix}"]
        content.obj = ContentPageFactory(
            parent=w.maths,
            title=content.title("Intervention notes"),
            intro=content.words,
            body=[("paragraph", RichText(f"<p>{content.words}</p>"))],
        )
        policy = i[f"policy_{suffix}"]
        policy.obj = publish(
            PolicyPageFactory(
                parent=w.policies,
                title=policy.title("Conduct policy"),
                summary=policy.words,
                body=f"<p>{policy.words}</p>",
            ),
            note=f"Changed {policy.body_marker}",
        )
        for item in (news, event, content, policy):
            _restrict(item.obj, kind, groups)

    # A page everyone may read that links every resource: the links to hidden ones must vanish.
    w.links_page = ContentPageFactory(
        parent=w.maths,
        title="Useful documents",
        body=[
            (
                "documents",
                {
                    "title": "Files",
                    "documents": [it.obj for it in i.values() if it.kind == "resource"],
                },
            )
        ],
    )
    return w


def hidden_from(world, role):
    """Items `role` may not see."""
    return [item for item in world.items.values() if role not in item.audience]


def forbidden_strings(world, role):
    strings = set()
    for item in hidden_from(world, role):
        strings |= {item.title_marker, item.body_marker}
    strings.add("hiddenonlyword")
    if role != "headteacher":
        strings.add("headsonlyword")
    return strings
