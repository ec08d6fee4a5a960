"""The demo trust as `load_demo_trust` builds it: built once for this module (the `demo_trust`
fixture), on a frozen school day, and read by every test here."""

import datetime
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site

from hub.models import Resource
from pages.models import EventPage, Partner, SchoolCalendar, SchoolPage, TermDate, WorkingGroupPage
from people.models import UsernameAlias
from policies import services
from policies.models import (
    Acknowledgement,
    PolicyIndexPage,
    PolicyPage,
    PolicyVersion,
    SchoolAdaptation,
)
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_trust", "school_day")]
User = get_user_model()

SCHOOLS = {
    "coppice",
    "four-oaks",
    "hollyfield",
    "langley",
    "little-sutton",
    "moor-hall",
    "whitehouse-common",
    "court-farm",
    "the-deanery",
    "maney-hill",
    "wylde-green",
}
GROUPS = {"maths", "literacy", "send", "eyfs", "ict", "year-6", "headteachers-forum"}


def sign_in(client, username, password=DEMO_PASSWORD):
    """Through the sign-in page (django-axes needs the request); True if it let them in."""
    client.logout()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def counts():
    models = (
        Page,
        User,
        Group,
        GroupPagePermission,
        User.groups.through,
        EventPage,
        TermDate,
        Partner,
        UsernameAlias,
        Resource,
        PolicyIndexPage,
        PolicyVersion,
        SchoolAdaptation,
        Acknowledgement,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_loading_again_gives_the_same_trust():
    first = counts()
    call_command("load_demo_trust", quiet=True)
    assert counts() == first


def test_schools_groups_and_site():
    assert set(SchoolPage.objects.live().values_list("slug", flat=True)) == SCHOOLS
    assert set(WorkingGroupPage.objects.values_list("slug", flat=True)) == GROUPS
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"


def test_every_school_has_a_headteacher_and_a_phone_and_shows_its_type_once(client):
    for school in SchoolPage.objects.all():
        assert school.headteacher and school.phone and school.address, school.slug
        head = User.objects.get(username=f"head.{school.slug}")
        assert head.get_full_name() == school.headteacher
    client.force_login(User.objects.get(username="teacher.langley"))
    listing = client.get("/schools/").content.decode()
    assert "Special · Special" not in listing and "Primary · Special" in listing
    page = client.get("/schools/langley/").content.decode()
    assert page.count(">Special<") == 1


def test_partners_have_a_website_and_a_contact(client):
    partners = list(Partner.objects.all())
    assert len(partners) == 7
    for partner in partners:
        assert partner.website.startswith("https://") and partner.contact_name, partner.name
        assert partner.contact_phone.startswith("0121 496 0"), partner.name  # Ofcom's drama range
    client.force_login(User.objects.get(username="teacher.coppice"))
    html = client.get("/partners/").content.decode()
    assert "Helen Marsh" in html and 'href="tel:01214960104"' in html


def test_demo_users_sign_in_with_the_operators_password(client):
    for slug in SCHOOLS:
        teacher = User.objects.get(username=f"teacher.{slug}")
        assert teacher.profile.school.slug == slug
        assert teacher.check_password(DEMO_PASSWORD)
        assert User.objects.get(username=f"head.{slug}").groups.filter(name="Headteachers").exists()
    assert User.objects.get(username="admin").is_superuser
    for username in ("admin", "lead.maths", "senco.langley", "dsl.coppice", "office.coppice"):
        assert sign_in(client, username), username


def test_leads_publish_in_their_own_group_only():
    lead = User.objects.get(username="lead.maths")
    assert WorkingGroupPage.objects.get(slug="maths").permissions_for_user(lead).can_publish()
    assert not WorkingGroupPage.objects.get(slug="literacy").permissions_for_user(lead).can_edit()


def test_one_account_per_person_and_every_lead_username_signs_in(client):
    names = Counter(User.objects.exclude(username="admin").values_list("first_name", "last_name"))
    assert [name for name, n in names.items() if n > 1] == []
    assert not User.objects.filter(username="lead.headteachers-forum").exists()
    head = User.objects.get(username="head.coppice")
    forum = WorkingGroupPage.objects.get(slug="headteachers-forum")
    assert forum.permissions_for_user(head).can_publish()
    assert head.groups.filter(name="Headteachers").exists()
    for group in GROUPS:
        assert sign_in(client, f"lead.{group}"), group
    assert sign_in(client, "lead.headteachers-forum")
    assert client.get("/accounts/profile/").context["user"] == head
    assert not sign_in(client, "lead.headteachers-forum", "not-the-password")


def test_term_dates_for_the_demo_year():
    # SCHOOL_DAY is in the 2026-27 academic year.
    dates = list(TermDate.objects.filter(first_day__gte=datetime.date(2026, 9, 1)))
    assert sum(t.kind == TermDate.INSET for t in dates) == 5
    christmas = next(t for t in dates if t.name == "Christmas holiday")
    assert christmas.first_day <= datetime.date(2026, 12, 24)
    assert christmas.last_day >= datetime.date(2027, 1, 1)


def test_events_fall_on_school_days_only():
    events = list(EventPage.objects.all())
    calendar = SchoolCalendar(datetime.date(2026, 9, 1), datetime.date(2027, 8, 31))
    assert len(events) > 50
    for event in events:
        day = event.start_date
        if event.category == "inset":
            assert calendar.closure(day).kind == TermDate.INSET, event.title
        else:
            assert calendar.is_school_day(day), (event.title, day)
        assert not (datetime.date(2026, 12, 24) <= day <= datetime.date(2027, 1, 1))
    review_days = [e.start_date for e in events if e.category == "review"]
    assert len(review_days) == len(set(review_days)) == 11


def test_the_forum_meets_on_thursdays_about_every_six_weeks():
    forum = list(EventPage.objects.filter(category="forum").order_by("start"))
    assert len(forum) == 7
    assert {e.start_date.weekday() for e in forum} == {3}
    gaps = [(b.start_date - a.start_date).days for a, b in zip(forum, forum[1:], strict=False)]
    assert all(42 <= gap <= 56 for gap in gaps), gaps


def test_december_month_view_marks_the_holiday_in_words(client):
    client.force_login(User.objects.get(username="teacher.coppice"))
    html = client.get("/events/2026/12/").content.decode()
    assert html.count('<span class="closure">Christmas holiday</span>') >= 9
    assert "School holidays and INSET days" in html
    assert "Saturday 19 December to Sunday 3 January" in html
    september = client.get("/events/2026/9/").content.decode()
    assert '<span class="closure">INSET day</span>' in september


def test_hub_resources_are_varied_real_files():
    resources = Resource.objects.all()
    assert resources.count() >= 50
    assert set(resources.values_list("file_type", flat=True)) >= {"pdf", "docx", "pptx", "xlsx"}
    assert set(resources.values_list("visibility", flat=True)) == {"trust", "school", "restricted"}
    assert resources.filter(preview_status="ready").count() == resources.count()
    assert "Year 4 fractions unit plan" in [r.title for r in Resource.objects.search("bar models")]
    # Resources of the forum are shared by its chair, through the alias of her lead username.
    forum_resources = resources.filter(working_groups__slug="headteachers-forum")
    assert set(forum_resources.values_list("uploaded_by_user__username", flat=True)) <= {
        "head.coppice",
        *[f"teacher.{slug}" for slug in SCHOOLS],
    }


def test_policies_give_every_report_real_numbers():
    assert PolicyIndexPage.objects.count() == 1 and PolicyPage.objects.count() >= 10
    assert SchoolAdaptation.objects.filter(status="adapted").count() >= 4
    head = User.objects.get(username="head.coppice")
    panels = services.home_panels(head)
    # Coppice's safeguarding adaptation, on version 1.
    [alert] = [a for a in panels["adaptation_alerts"] if a.title.startswith("Safeguarding")]
    assert alert.pending == 1, "one conflict left open; the other changes decided"
    policy = PolicyPage.objects.get(slug="safeguarding-and-child-protection")
    adaptation = SchoolAdaptation.objects.get(policy=policy, school__slug="coppice")
    merge = services.proposal(policy, adaptation)
    assert [i.conflict for i in merge.pending] == [True]
    declined = [i.review.reason for i in merge.items if i.review and i.review.decision == "decline"]
    assert len(declined) == 1 and "blue form" in declined[0]
    assert panels["policy_updates"]
    assert services.home_panels(User.objects.get(username="teacher.coppice"))["policy_tasks"]
    policy = PolicyPage.objects.get(slug="safeguarding-and-child-protection")
    _version, rows, _totals = services.policy_report(policy)
    done = sum(r.done for r in rows)
    assert 0 < done < len(rows)
    # One person, one row: the forum's chair is not counted twice.
    assert len({r.user.get_full_name() for r in rows}) == len(rows)


def test_history_is_back_dated():
    versions = PolicyVersion.objects.filter(policy__slug="safeguarding-and-child-protection")
    ages = sorted(
        round((timezone.now() - v.published_at) / datetime.timedelta(days=1)) for v in versions
    )
    assert ages == [20, 200, 400]
    assert not Acknowledgement.objects.filter(acknowledged_at__gt=timezone.now()).exists()
