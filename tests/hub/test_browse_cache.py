"""Browse answers are reused only while nothing they depend on has changed (hub.browse_cache):
a change to the hub, to the viewer's school or groups, or another viewer, is a fresh answer;
and the rows shown are asked of the visibility rules even when the ids came from the cache."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub import browse_cache
from hub.models import Resource
from people.models import StaffProfile
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory
from tests.hub.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(tree, make_user):
    class H:
        pass

    h = H()
    h.coppice = SchoolPageFactory(parent=tree.schools, slug="coppice", title="Coppice")
    h.other = SchoolPageFactory(parent=tree.schools, slug="other", title="Other School")
    h.maths = WorkingGroupPageFactory(parent=tree.groups, slug="maths", title="Maths")
    h.teacher = make_user("teacher.cache", school=h.coppice)
    h.outsider = make_user("teacher.elsewhere", school=h.other)
    h.shared = ResourceFactory(title="Shared fractions", working_groups=[h.maths], kind="txt")
    return h


def titles(client, user, url="/hub/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return [r.title for r in response.context["items"]], response.context["page_obj"]


def test_a_new_resource_shows_at_once(client, hub):
    assert titles(client, hub.teacher)[0] == ["Shared fractions"]
    ResourceFactory(title="Brand new planning", working_groups=[hub.maths], kind="txt")
    shown, page = titles(client, hub.teacher)
    assert "Brand new planning" in shown
    assert page.paginator.count == 2


def test_viewers_never_share_an_answer(client, hub):
    ResourceFactory(
        title="Coppice only", school=hub.coppice, visibility=Resource.SCHOOL, kind="txt"
    )
    assert "Coppice only" in titles(client, hub.teacher)[0]
    shown, page = titles(client, hub.outsider)
    assert "Coppice only" not in shown
    assert page.paginator.count == 1


def test_a_visibility_change_hides_at_once(client, hub):
    assert "Shared fractions" in titles(client, hub.outsider)[0]
    hub.shared.visibility, hub.shared.school = Resource.SCHOOL, hub.coppice
    hub.shared.save()
    shown, page = titles(client, hub.outsider)
    assert shown == [] and page.paginator.count == 0


def test_rows_are_checked_even_when_a_change_bypassed_the_signals(client, hub):
    assert "Shared fractions" in titles(client, hub.outsider)[0]
    # A bulk update sends no signal: the cached ids are stale, the rows shown are not.
    Resource.objects.filter(pk=hub.shared.pk).update(visibility=Resource.SCHOOL, school=hub.coppice)
    assert titles(client, hub.outsider)[0] == []


def test_joining_a_group_shows_its_restricted_resources(client, hub):
    sencos = Group.objects.create(name="Cache test readers")
    ResourceFactory(
        title="EHCP template", visibility=Resource.RESTRICTED, restricted_to=[sencos], kind="txt"
    )
    assert "EHCP template" not in titles(client, hub.teacher)[0]
    hub.teacher.groups.add(sencos)
    assert "EHCP template" in titles(client, hub.teacher)[0]


def test_moving_school_changes_what_is_counted(client, hub):
    ResourceFactory(
        title="Other school's plan", school=hub.other, visibility=Resource.SCHOOL, kind="txt"
    )
    assert titles(client, hub.teacher)[1].paginator.count == 1
    StaffProfile.objects.filter(user=hub.teacher).update(school=hub.other)
    assert "Other school's plan" in titles(client, hub.teacher)[0]


def test_tagging_updates_the_tag_facet(client, hub):
    client.force_login(hub.teacher)
    facets = client.get("/hub/").context["facets"]
    assert not any(label == "Mental maths" for _v, label, _n in facets["tag"])
    hub.shared.tags.add("Mental maths")
    facets = client.get("/hub/").context["facets"]
    assert ("mental-maths", "Mental maths", 1) in facets["tag"]


def test_withdrawing_removes_from_the_counts(client, hub):
    ResourceFactory(title="Second", working_groups=[hub.maths], kind="txt")
    assert titles(client, hub.teacher)[1].paginator.count == 2
    hub.shared.withdrawn = True
    hub.shared.save()
    shown, page = titles(client, hub.teacher)
    assert shown == ["Second"] and page.paginator.count == 1


@pytest.mark.parametrize("seconds, count_after", [(120, 1), (0, 0)])
def test_only_the_cache_keeps_a_count_a_bulk_update_bypassed(
    client, hub, settings, seconds, count_after
):
    settings.HUB_BROWSE_CACHE_SECONDS = seconds
    assert titles(client, hub.outsider)[1].paginator.count == 1
    Resource.objects.filter(pk=hub.shared.pk).update(visibility=Resource.SCHOOL, school=hub.coppice)
    assert titles(client, hub.outsider)[1].paginator.count == count_after


def test_teachers_of_one_school_share_an_answer(client, hub, make_user):
    colleague = make_user("teacher.colleague", school=hub.coppice)
    ResourceFactory(
        title="Coppice only", school=hub.coppice, visibility=Resource.SCHOOL, kind="txt"
    )
    first, _ = titles(client, hub.teacher)
    client.force_login(colleague)
    client.get("/hub/")  # the session and site caches, as for any request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/hub/")
    assert sorted(r.title for r in response.context["items"]) == sorted(first)
    assert not any("AS MATERIALIZED" in q["sql"] for q in ctx.captured_queries)


def test_an_uploader_who_alone_sees_their_upload_shares_with_nobody(client, hub, make_user):
    colleague = make_user("teacher.colleague", school=hub.coppice)
    private = Group.objects.create(name="Cache test private")
    ResourceFactory(
        title="Only for the named group",
        visibility=Resource.RESTRICTED,
        restricted_to=[private],
        uploaded_by_user=hub.teacher,
        kind="txt",
    )
    # The colleague asks first; the uploader must not be given the colleague's answer...
    shown, page = titles(client, colleague)
    assert "Only for the named group" not in shown and page.paginator.count == 1
    shown, page = titles(client, hub.teacher)
    assert "Only for the named group" in shown and page.paginator.count == 2
    # ...nor the colleague the uploader's.
    shown, page = titles(client, colleague)
    assert "Only for the named group" not in shown and page.paginator.count == 1


def test_rebuilding_the_index_by_hand_forgets_cached_answers(client, hub):
    version = browse_cache._version()
    call_command("update_index", verbosity=0)
    assert browse_cache._version() != version
