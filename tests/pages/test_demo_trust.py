import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Site

from pages.models import EventPage, SchoolPage, WorkingGroupPage

pytestmark = pytest.mark.usefixtures("school_day")


def counts():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "memberships": get_user_model().groups.through.objects.count(),
        "events": EventPage.objects.count(),
    }


@pytest.mark.django_db
def test_demo_trust_twice_gives_the_same_trust(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo_trust", quiet=True)
    first = counts()
    call_command("load_demo_trust", quiet=True)
    assert counts() == first

    assert SchoolPage.objects.live().count() == 11
    assert set(WorkingGroupPage.objects.values_list("slug", flat=True)) == {
        "maths",
        "literacy",
        "send",
        "eyfs",
        "ict",
        "year-6",
        "headteachers-forum",
    }
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"
    User = get_user_model()
    for slug in SchoolPage.objects.values_list("slug", flat=True):
        teacher = User.objects.get(username=f"teacher.{slug}")
        assert teacher.profile.school.slug == slug
        assert teacher.check_password(settings.DEMO_PASSWORD_DEFAULT)
        assert User.objects.get(username=f"head.{slug}").groups.filter(name="Headteachers").exists()
    lead = User.objects.get(username="lead.maths")
    maths = WorkingGroupPage.objects.get(slug="maths")
    assert maths.permissions_for_user(lead).can_publish()
    assert not WorkingGroupPage.objects.get(slug="literacy").permissions_for_user(lead).can_edit()
    assert User.objects.get(username="admin").is_superuser
    # Forum every six weeks
    forum = list(EventPage.objects.filter(category="forum").order_by("start"))
    gaps = {(b.start_date - a.start_date).days for a, b in zip(forum, forum[1:], strict=False)}
    assert gaps == {42}


@pytest.mark.django_db
def test_demo_refuses_the_published_password_when_debug_is_off(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo_trust", quiet=True)
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_demo_uses_an_operator_password_when_debug_is_off(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", "an-operator-chosen-passphrase")
    call_command("load_demo_trust", quiet=True)
    assert (
        get_user_model()
        .objects.get(username="teacher.coppice")
        .check_password("an-operator-chosen-passphrase")
    )
