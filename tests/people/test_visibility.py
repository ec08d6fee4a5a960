"""The permission API's rules, one at a time (the route x role matrix checks every route)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from pages.models import EventPage, NewsArticlePage
from people import roles
from people.tokens import calendar_token
from people.visibility import PageAudience, can_view_page, viewer, visible_pages
from policies import services
from tests.factories import EventPageFactory, NewsArticlePageFactory, UserFactory
from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish

pytestmark = pytest.mark.django_db


def restrict(page, kind, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def heads():
    return Group.objects.get(name=roles.HEADTEACHERS)


def test_a_signed_in_restriction_hides_nothing_from_staff_and_everything_from_the_inactive(
    tree, teacher
):
    news = NewsArticlePageFactory(parent=tree.news, title="For staff only")
    restrict(news, PageViewRestriction.LOGIN)
    assert list(NewsArticlePage.objects.visible_to(teacher)) == [news]
    assert can_view_page(teacher, news)
    teacher.is_active = False
    teacher.save()
    assert not NewsArticlePage.objects.visible_to(teacher).exists()


def test_group_restrictions_hide_pages_and_their_descendants(tree, teacher, heads, make_user):
    restrict(tree.news, PageViewRestriction.GROUPS, [heads])
    article = NewsArticlePageFactory(parent=tree.news, title="Appraisal round")
    head = make_user("head.one")
    head.groups.add(heads)
    assert not visible_pages(teacher).filter(pk=article.pk).exists()
    assert visible_pages(head).filter(pk=article.pk).exists()
    superuser = make_user("root.user", is_superuser=True)
    assert can_view_page(superuser, article)


def test_password_restrictions_hide_pages_from_everyone_but_superusers(tree, teacher):
    article = NewsArticlePageFactory(parent=tree.news)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert restriction.pk and not can_view_page(teacher, article)


def test_changing_a_restriction_applies_at_once(tree, teacher, heads):
    article = NewsArticlePageFactory(parent=tree.news)
    assert can_view_page(teacher, article)  # the restriction list is now cached
    restriction = restrict(article, PageViewRestriction.GROUPS, [heads])
    assert not can_view_page(teacher, article)
    teacher.groups.add(heads)
    assert can_view_page(teacher, article)
    restriction.groups.set([])
    assert not can_view_page(teacher, article)
    restriction.delete()
    assert can_view_page(teacher, article)


def test_policy_audience_counts_everyone_under_a_signed_in_restriction(tree, make_user, heads):
    """The rule reports and reminders use is the same as the site's: a "signed-in users"
    restriction leaves every member of staff in the audience; a Headteachers one only heads."""
    index = PolicyIndexPageFactory(parent=tree.home)
    policy = publish(PolicyPageFactory(parent=index), note="First")
    staff = [make_user(f"staff{n}") for n in range(3)]
    head = make_user("head.audience")
    head.groups.add(heads)
    restrict(policy, PageViewRestriction.LOGIN)
    _version, rows, _totals = services.policy_report(policy)
    assert {row.user for row in rows} >= {*staff, head}
    restrict(policy, PageViewRestriction.GROUPS, [heads])
    _version, rows, _totals = services.policy_report(policy)
    assert {row.user for row in rows} == {head}
    audience = PageAudience([*staff, head])
    assert [u for u in [*staff, head] if audience.can_see(u, policy)] == [head]


def test_what_the_rules_know_about_a_person_is_loaded_once_per_request(
    tree, teacher_client, teacher
):
    NewsArticlePageFactory(parent=tree.news)
    EventPageFactory(parent=tree.events)
    with CaptureQueriesContext(connection) as ctx:
        assert teacher_client.get("/").status_code == 200
    # people.visibility's one query for the person (school and groups).
    lookups = [q for q in ctx.captured_queries if '"profile__school_id"' in q["sql"]]
    assert len(lookups) == 1, [q["sql"] for q in lookups]


def test_viewer_of_an_anonymous_or_inactive_user_sees_nothing(teacher):
    from django.contrib.auth.models import AnonymousUser

    assert not viewer(AnonymousUser()).signed_in
    teacher.is_active = False
    assert not viewer(teacher).signed_in


def test_restricted_events_stay_out_of_the_private_calendar_feed(client, tree, teacher, heads):
    EventPageFactory(parent=tree.events, title="Moderation day")
    secret = EventPageFactory(parent=tree.events, title="Heads appraisal meeting")
    restrict(secret, PageViewRestriction.GROUPS, [heads])
    response = client.get(f"/calendar/{calendar_token(teacher)}/lte-events.ics")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Moderation day"]
    assert EventPage.objects.visible_to(teacher).count() == 1
    head = UserFactory(username="head.feed")
    head.groups.add(heads)
    response = client.get(f"/calendar/{calendar_token(head)}/lte-events.ics")
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2
