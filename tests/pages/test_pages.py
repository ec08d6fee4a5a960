import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from pages.models import TermDate
from people.tokens import calendar_token, user_for_calendar_token
from tests.factories import (
    ContentPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    SchoolPageFactory,
    UserFactory,
    WorkingGroupPageFactory,
)


@pytest.fixture
def trust(tree):
    school = SchoolPageFactory(
        parent=tree.schools,
        title="Coppice Primary School",
        slug="coppice",
        headteacher="Vicky Hewitson",
        phone="0121 464 7022",
    )
    maths = WorkingGroupPageFactory(
        parent=tree.groups, title="Maths", slug="maths", meeting_schedule="Half-termly, Tuesdays"
    )
    maths.refresh_from_db()
    page = ContentPageFactory(parent=maths, title="Calculation policy", slug="calculation-policy")
    NewsArticlePageFactory(parent=tree.news, title="Four schools join", group=maths)
    EventPageFactory(
        parent=tree.events,
        title="Maths moderation",
        category="moderation",
        school=school,
        group=maths,
    )
    tree.school, tree.maths, tree.page = school, maths, page
    return tree


def test_every_page_type_renders_for_staff(teacher_client, trust):
    expectations = {
        "/": [b"Upcoming events", b"Maths moderation", b"Four schools join", b"Policies to read"],
        "/schools/": [b"Coppice Primary School", b"Vicky Hewitson"],
        "/schools/coppice/": [b"0121 464 7022", b"Headteacher"],
        "/groups/": [b"Maths", b"Half-termly, Tuesdays"],
        "/groups/maths/": [b"Calculation policy", b"Members by school", b"Maths moderation"],
        "/groups/maths/calculation-policy/": [b"Calculation policy", b"Breadcrumb"],
        "/news/": [b"Four schools join"],
        "/events/": [b"Maths moderation", b"Moderation meeting"],
        "/events/this-month/": [b"Events:"],
    }
    for url, snippets in expectations.items():
        response = teacher_client.get(url)
        assert response.status_code == 200, url
        for snippet in snippets:
            assert snippet in response.content, (url, snippet)


def test_group_page_lists_leads_and_members_by_school(client, trust):
    lead = UserFactory(
        username="lead.maths", first_name="Liam", last_name="Turner", school=trust.school
    )
    lead.groups.add(trust.maths.lead_group)
    member = UserFactory(
        username="member", first_name="Ella", last_name="Evans", school=trust.school
    )
    member.profile.working_groups.add(trust.maths)
    client.force_login(member)
    content = client.get("/groups/maths/").content.decode()
    assert "Liam Turner" in content
    assert "Ella Evans" in content
    assert "Coppice Primary School" in content
    # and the group shows on the member's dashboard
    assert "Maths" in client.get("/").content.decode().split("My working groups")[1]


def test_month_view_places_events_on_their_days(teacher_client, trust):
    day = timezone.localdate() + datetime.timedelta(days=40)
    EventPageFactory(
        parent=trust.events,
        title="Review day: Coppice",
        category="review",
        start=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))),
        end=None,
    )
    response = teacher_client.get(f"/events/{day.year}/{day.month}/")
    assert response.status_code == 200
    weeks = response.context["weeks"]
    cells = [cell for week in weeks for cell in week if cell["date"] == day]
    assert [e.title for e in cells[0]["events"]] == ["Review day: Coppice"]
    assert teacher_client.get("/events/2026/13/").status_code == 404


def test_events_list_filters_by_category(teacher_client, trust):
    EventPageFactory(parent=trust.events, title="Joint INSET day", category="inset")
    content = teacher_client.get("/events/?category=inset").content.decode()
    assert "Joint INSET day" in content
    assert "Maths moderation" not in content
    assert '<option value="inset" selected>INSET day</option>' in content
    # An unknown category is ignored, never an error.
    content = teacher_client.get("/events/?category=party").content.decode()
    assert "Joint INSET day" in content and "Maths moderation" in content


def test_month_view_marks_holidays_and_inset_days_in_words(teacher_client, trust):
    TermDate.objects.create(
        name="Christmas holiday",
        kind=TermDate.HOLIDAY,
        first_day=datetime.date(2026, 12, 19),
        last_day=datetime.date(2027, 1, 3),
    )
    TermDate.objects.create(
        name="INSET day",
        kind=TermDate.INSET,
        first_day=datetime.date(2027, 1, 4),
        last_day=datetime.date(2027, 1, 4),
    )
    december = teacher_client.get("/events/2026/12/")
    cells = {c["date"]: c for week in december.context["weeks"] for c in week}
    assert cells[datetime.date(2026, 12, 18)]["closure"] is None
    assert cells[datetime.date(2026, 12, 25)]["closure"].name == "Christmas holiday"
    html = december.content.decode()
    assert html.count('<span class="closure">Christmas holiday</span>') == 13  # 19th to 31st
    assert "Saturday 19 December to Sunday 3 January" in html
    january = teacher_client.get("/events/2027/1/").content.decode()
    assert '<span class="closure">INSET day</span>' in january
    assert "INSET day (no pupils)" in january  # the legend says what the tint means


@pytest.mark.parametrize("feed", ["events", "private"])
def test_calendar_feeds_open_in_a_second_parser_with_links_on_the_base_url(
    client, teacher, trust, settings, feed
):
    import vobject

    settings.WAGTAILADMIN_BASE_URL = "https://intranet.lte.example"
    if feed == "events":
        client.force_login(teacher)
        response = client.get("/events/feed/", HTTP_HOST="10.0.0.7")
    else:
        response = client.get(f"/calendar/{calendar_token(teacher)}/lte-events.ics")
    calendar = vobject.readOne(response.content.decode())
    [event] = calendar.vevent_list
    assert event.summary.value == "Maths moderation"
    assert event.url.value.startswith("https://intranet.lte.example/events/")
    assert client.get(event.url.value.removeprefix("https://intranet.lte.example")).status_code in (
        200,
        302,
    )


def test_subscription_addresses_are_on_the_base_url(teacher_client, teacher, trust, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://intranet.lte.example"
    expected = f"https://intranet.lte.example/calendar/{calendar_token(teacher)}/lte-events.ics"
    assert expected in teacher_client.get("/events/").content.decode()
    assert expected in teacher_client.get("/accounts/profile/").content.decode()


def test_ical_feed_has_every_event(teacher_client, trust):
    response = teacher_client.get("/events/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(c["summary"]) for c in calendar.walk("VEVENT")]
    assert summaries == ["Maths moderation"]
    event = calendar.walk("VEVENT")[0]
    assert str(event["location"]) == "Coppice Primary School"


def test_profile_page_lets_staff_choose_groups(teacher_client, teacher, trust):
    response = teacher_client.post(
        "/accounts/profile/",
        {
            "first_name": "Amira",
            "last_name": "Khan",
            "job_title": "Year 2 teacher",
            "working_groups": [trust.maths.pk],
        },
    )
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.first_name == "Amira"
    assert list(teacher.profile.working_groups.all()) == [trust.maths]


def test_profile_errors_keep_what_was_typed(teacher_client, trust):
    response = teacher_client.post(
        "/accounts/profile/", {"first_name": "", "last_name": "Khan", "job_title": "Year 2 teacher"}
    )
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert b"Year 2 teacher" in response.content


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url, grow",
    [
        ("/schools/", "schools"),
        ("/groups/", "groups"),
        ("/news/", "news"),
        ("/events/", "events"),
        ("/", "home"),
        ("/groups/maths/", "members"),
    ],
)
def test_list_pages_run_a_constant_number_of_queries(teacher_client, trust, url, grow):
    def add(n):
        for _ in range(n):
            if grow == "schools":
                SchoolPageFactory(parent=trust.schools)
            elif grow == "groups":
                WorkingGroupPageFactory(parent=trust.groups)
            elif grow == "news":
                NewsArticlePageFactory(parent=trust.news, group=trust.maths, school=trust.school)
            elif grow in ("events", "home"):
                EventPageFactory(parent=trust.events, school=trust.school, group=trust.maths)
                NewsArticlePageFactory(parent=trust.news, group=trust.maths, school=trust.school)
            elif grow == "members":
                user = UserFactory(school=trust.school)
                user.profile.working_groups.add(trust.maths)
                ContentPageFactory(parent=trust.maths)

    add(3)
    _queries(teacher_client, url)  # warm caches (site root paths, content types)
    few = _queries(teacher_client, url)
    add(9)
    many = _queries(teacher_client, url)
    assert many == few, (url, few, many)


def test_calendar_subscription_works_without_a_session_and_only_with_a_valid_token(
    client, teacher, trust
):
    token = calendar_token(teacher)
    response = client.get(f"/calendar/{token}/lte-events.ics")
    assert response.status_code == 200
    assert b"Maths moderation" in response.content
    assert client.get(f"/calendar/{token}x/lte-events.ics").status_code == 404
    assert client.get("/calendar/not-a-token/lte-events.ics").status_code == 404
    other_user = f"{teacher.pk + 1000}-{token.partition('-')[2]}"
    assert client.get(f"/calendar/{other_user}/lte-events.ics").status_code == 404
    teacher.is_active = False
    teacher.save()
    assert client.get(f"/calendar/{token}/lte-events.ics").status_code == 404


def test_calendar_address_is_stable_whatever_the_clock_says(teacher):
    with time_machine.travel("2026-09-01 08:00", tick=False):
        first = calendar_token(teacher)
    with time_machine.travel("2027-07-20 23:59:59", tick=False):
        assert calendar_token(teacher) == first
        assert user_for_calendar_token(first) == teacher


def test_events_page_offers_the_private_subscription_address(teacher_client, teacher, trust):
    content = teacher_client.get("/events/").content.decode()
    assert f"/calendar/{calendar_token(teacher)}/lte-events.ics" in content


def test_staff_can_reset_their_calendar_address(teacher_client, teacher, trust):
    old = calendar_token(teacher)
    assert old in teacher_client.get("/accounts/profile/").content.decode()
    assert teacher_client.get("/accounts/profile/calendar/reset/").status_code == 405
    response = teacher_client.post("/accounts/profile/calendar/reset/")
    assert response.status_code == 302
    teacher.profile.refresh_from_db()
    new = calendar_token(teacher)
    assert new != old
    assert teacher_client.get(f"/calendar/{old}/lte-events.ics").status_code == 404
    assert teacher_client.get(f"/calendar/{new}/lte-events.ics").status_code == 200
    assert new in teacher_client.get("/accounts/profile/").content.decode()


def test_a_password_change_ends_the_old_calendar_address(client, teacher, trust):
    old = calendar_token(teacher)
    teacher.set_password("a-new-password-for-term")
    teacher.save()
    assert client.get(f"/calendar/{old}/lte-events.ics").status_code == 404
    assert client.get(f"/calendar/{calendar_token(teacher)}/lte-events.ics").status_code == 200


def test_content_page_renders_every_block(teacher_client, trust):
    from wagtail.rich_text import RichText

    page = ContentPageFactory(
        parent=trust.maths,
        slug="blocks",
        body=[
            ("heading", {"text": "Written methods", "level": "h2"}),
            ("paragraph", RichText("<p>Same progression everywhere.</p>")),
            (
                "callout",
                {"style": "warning", "title": "Deadline", "text": RichText("<p>Friday</p>")},
            ),
            (
                "table",
                {
                    "data": [["Year", "Addition"], ["Year 1", "Number lines"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "Methods",
                },
            ),
        ],
    )
    content = teacher_client.get(page.url).content.decode()
    assert "<h2>Written methods</h2>" in content
    assert "Same progression everywhere." in content
    assert 'class="callout callout--warning"' in content and "Deadline" in content
    assert '<th scope="col">Addition</th>' in content
    assert '<th scope="row">Year 1</th>' in content
    assert "<td>Number lines</td>" in content


def test_group_page_lists_its_latest_resources_the_viewer_may_see(
    client, trust, settings, tmp_path
):
    from django.contrib.auth.models import Group

    from tests.hub.factories import ResourceFactory

    settings.MEDIA_ROOT = tmp_path
    ResourceFactory(title="Fractions unit plan", working_groups=[trust.maths], kind="txt")
    senco = Group.objects.get(name="SENCOs")
    ResourceFactory(
        title="Confidential SEND register",
        working_groups=[trust.maths],
        visibility="restricted",
        restricted_to=[senco],
        kind="txt",
    )
    ResourceFactory(title="Phonics tracker", kind="txt")  # another group's resource
    teacher = UserFactory(username="t", school=trust.school)
    client.force_login(teacher)
    content = client.get("/groups/maths/").content.decode()
    assert "Fractions unit plan" in content
    assert "Confidential SEND register" not in content
    assert "Phonics tracker" not in content


def test_leads_may_add_and_choose_documents_in_the_admin(trust):
    from wagtail.documents.permissions import permission_policy

    lead = UserFactory(username="lead.maths.docs")
    lead.groups.add(trust.maths.lead_group)
    assert permission_policy.user_has_permission(lead, "add")
    assert permission_policy.user_has_permission(lead, "choose")


def test_the_cached_menu_follows_publishing_and_visibility(teacher_client, trust):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    assert "Projects" not in teacher_client.get("/").content.decode()
    section = ContentPageFactory(parent=trust.home, title="Projects", show_in_menus=True)
    section.save_revision().publish()
    nav = teacher_client.get("/").content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert "Projects" in nav
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Headteachers")])
    nav = teacher_client.get("/").content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert "Projects" not in nav
    restriction.delete()
    section.unpublish()
    nav = teacher_client.get("/").content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert "Projects" not in nav
