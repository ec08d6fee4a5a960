"""Every route refuses (404) a resource the user may not see, and no list, count or search lets
them learn its title."""

import pytest
from django.contrib.auth.models import Group

from hub.models import Resource
from people.visibility import can_view_resource, visible_resources
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory

from .factories import ResourceFactory


@pytest.fixture
def world(tree, make_user):
    class World:
        pass

    w = World()
    w.school_a = SchoolPageFactory(parent=tree.schools, title="Alpha Primary", slug="alpha")
    w.school_b = SchoolPageFactory(parent=tree.schools, title="Beta Primary", slug="beta")
    w.group = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    w.sencos = Group.objects.get(name="SENCOs")
    w.teacher_a = make_user("teacher.a", school=w.school_a)
    w.teacher_b = make_user("teacher.b", school=w.school_b)
    w.senco_b = make_user("senco.b", school=w.school_b)
    w.senco_b.groups.add(w.sencos)
    w.admin = make_user("admin.user", is_superuser=True)
    w.trust = ResourceFactory(
        title="Quokka trust handbook",
        lines=["quokka words"],
        working_groups=[w.group],
        school=w.school_a,
        uploaded_by_user=w.teacher_a,
    )
    w.school_only = ResourceFactory(
        title="Narwhal school-only plan",
        visibility=Resource.SCHOOL,
        school=w.school_a,
        working_groups=[w.group],
        lines=["narwhal words"],
        uploaded_by_user=w.teacher_a,
    )
    w.restricted = ResourceFactory(
        title="Axolotl SENCO notes",
        visibility=Resource.RESTRICTED,
        restricted_to=[w.sencos],
        school=w.school_b,
        working_groups=[w.group],
        lines=["axolotl words"],
        uploaded_by_user=w.senco_b,
        tags=["confidential-tag"],
    )
    w.withdrawn = ResourceFactory(
        title="Pangolin withdrawn guide",
        withdrawn=True,
        school=w.school_a,
        working_groups=[w.group],
        lines=["pangolin words"],
        uploaded_by_user=w.teacher_a,
    )
    return w


CASES = [
    ("school_only", "teacher_b"),
    ("restricted", "teacher_a"),
    ("restricted", "teacher_b"),
    ("withdrawn", "teacher_b"),
    ("withdrawn", "senco_b"),
]


def urls_for(resource):
    return [
        resource.get_absolute_url(),
        resource.get_download_url(),
        f"/hub/{resource.pk}-{resource.slug}/versions/1/download/",
        f"/hub/{resource.pk}-{resource.slug}/preview.png",
        f"/hub/{resource.pk}-{resource.slug}/edit/",
        f"/hub/{resource.pk}-{resource.slug}/versions/new/",
        f"/hub/{resource.pk}-{resource.slug}/withdraw/",
        f"/api/v2/resources/{resource.pk}/",
        f"/documents/{resource.pk}/{resource.filename}",
    ]


@pytest.mark.parametrize("resource_name,user_name", CASES)
def test_hidden_resource_is_404_everywhere(client, world, resource_name, user_name):
    resource = getattr(world, resource_name)
    client.force_login(getattr(world, user_name))
    for url in urls_for(resource):
        response = client.get(url)
        assert response.status_code == 404, url
        assert resource.title.encode() not in response.content, url
    resource.refresh_from_db()
    assert resource.download_count == 0


@pytest.mark.parametrize("resource_name,user_name", CASES)
def test_hidden_resource_absent_from_lists_search_and_facets(
    client, world, resource_name, user_name
):
    resource = getattr(world, resource_name)
    word = resource.title.split()[0]
    client.force_login(getattr(world, user_name))
    pages = [
        "/hub/",
        f"/hub/?q={word}",
        f"/hub/?q={word.lower()}+words",
        "/hub/?group=maths",
        "/hub/?tag=confidential-tag",
        "/api/v2/resources/",
        f"/api/v2/resources/?search={word}",
        world.group.url if hasattr(world.group, "url") else "/",
    ]
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert resource.title.encode() not in response.content, url
    response = client.get("/hub/?group=maths")
    visible = visible_resources(getattr(world, user_name)).filter(withdrawn=False)
    maths_count = dict((slug, n) for slug, _label, n in response.context["facets"]["group"])
    assert maths_count.get("maths") == visible.filter(working_groups=world.group).count()
    assert response.context["page_obj"].paginator.count == maths_count["maths"]
    tags = [label for _v, label, _n in response.context["facets"]["tag"]]
    if resource_name == "restricted":
        assert "confidential-tag" not in tags


def test_each_level_visible_to_its_audience(client, world):
    assert can_view_resource(world.teacher_b, world.trust)
    assert can_view_resource(world.teacher_a, world.school_only)
    assert not can_view_resource(world.teacher_b, world.school_only)
    assert can_view_resource(world.senco_b, world.restricted)
    assert not can_view_resource(world.teacher_b, world.restricted)
    assert can_view_resource(world.teacher_a, world.withdrawn)  # the uploader
    assert can_view_resource(world.admin, world.withdrawn)
    client.force_login(world.senco_b)
    response = client.get(world.restricted.get_absolute_url())
    assert response.status_code == 200
    assert b"Axolotl SENCO notes" in response.content
    response = client.get(f"/documents/{world.restricted.pk}/{world.restricted.filename}")
    assert response.status_code == 302
    assert response["Location"] == world.restricted.get_download_url()


def test_anonymous_sees_nothing(client, world):
    assert not visible_resources(type("Anon", (), {"is_authenticated": False})()).exists()
    response = client.get(world.trust.get_download_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_search_composes_with_visibility(world):
    found = {r.pk for r in visible_resources(world.teacher_b).search("axolotl")}
    assert world.restricted.pk not in found
    found = {r.pk for r in visible_resources(world.senco_b).search("axolotl")}
    assert world.restricted.pk in found
