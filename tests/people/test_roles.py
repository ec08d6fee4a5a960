"""Working-group leads publish only in their own group's tree; teachers read; admins manage."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from pages.models import ContentPage, WorkingGroupPage
from people import roles
from tests.factories import ContentPageFactory, WorkingGroupPageFactory


@pytest.fixture
def groups(tree):
    maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    literacy = WorkingGroupPageFactory(parent=tree.groups, title="Literacy", slug="literacy")
    maths.refresh_from_db()
    literacy.refresh_from_db()
    return {
        "maths": maths,
        "literacy": literacy,
        "maths_page": ContentPageFactory(parent=maths, title="Calculation policy", slug="calc"),
        "literacy_page": ContentPageFactory(parent=literacy, title="Phonics", slug="phonics"),
    }


@pytest.fixture
def maths_lead(make_user, groups):
    user = make_user("lead.maths")
    user.groups.add(groups["maths"].lead_group)
    return user


def content_form(title, slug):
    return {
        "title": title,
        "slug": slug,
        "intro": "",
        "body-count": "0",
        "action-publish": "Publish",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


def test_a_new_working_group_gets_a_lead_role_scoped_to_its_tree(tree):
    science = WorkingGroupPageFactory(parent=tree.groups, title="Science", slug="science")
    science.refresh_from_db()
    assert science.lead_group.name == "Science leads"
    granted = set(
        GroupPagePermission.objects.filter(group=science.lead_group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert granted == {(science.pk, codename) for codename in roles.LEAD_PAGE_PERMISSIONS}
    assert science.lead_group.permissions.filter(codename="access_admin").exists()


def test_lead_can_publish_in_own_group(client, groups, maths_lead):
    client.force_login(maths_lead)
    parent = groups["maths"]
    response = client.post(
        f"/admin/pages/add/pages/contentpage/{parent.pk}/", content_form("Fluency", "fluency")
    )
    assert response.status_code == 302, response.content[:2000]
    page = ContentPage.objects.child_of(parent).get(slug="fluency")
    assert page.live


def test_lead_cannot_create_or_publish_under_another_group(client, groups, maths_lead):
    client.force_login(maths_lead)
    literacy = groups["literacy"]
    response = client.post(
        f"/admin/pages/add/pages/contentpage/{literacy.pk}/", content_form("Sneaky", "sneaky")
    )
    assert response.status_code in (302, 403)
    assert not ContentPage.objects.filter(slug="sneaky").exists()


def test_lead_cannot_edit_another_groups_page(client, groups, maths_lead):
    client.force_login(maths_lead)
    page = groups["literacy_page"]
    edit_url = f"/admin/pages/{page.pk}/edit/"
    get = client.get(edit_url)
    assert get.status_code in (302, 403)
    client.post(edit_url, content_form("Changed by maths", page.slug))
    page.refresh_from_db()
    assert page.title == "Phonics"
    assert not page.has_unpublished_changes
    # Nor may they unpublish, move or delete it.
    for url in (f"/admin/pages/{page.pk}/unpublish/", f"/admin/pages/{page.pk}/delete/"):
        client.post(url)
    page.refresh_from_db()
    assert page.live


def test_lead_can_edit_own_groups_page(client, groups, maths_lead):
    client.force_login(maths_lead)
    page = groups["maths_page"]
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_teacher_has_no_admin_access(teacher_client, groups):
    response = teacher_client.get("/admin/")
    assert response.status_code in (302, 403)
    response = teacher_client.get(f"/admin/pages/{groups['maths_page'].pk}/edit/")
    assert response.status_code in (302, 403)


def test_the_read_api_is_read_only_for_everyone(client, groups, maths_lead):
    client.force_login(maths_lead)
    page = groups["literacy_page"]
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            f"/api/v2/pages/{page.pk}/", {"title": "x"}, content_type="application/json"
        )
        assert response.status_code == 405
    page.refresh_from_db()
    assert page.title == "Phonics"


def test_admin_api_and_permission_checks_keep_leads_in_their_tree(client, groups, maths_lead):
    client.force_login(maths_lead)
    literacy = groups["literacy"]
    # The admin's own API only shows a lead the part of the tree they can work in.
    assert client.get(f"/admin/api/main/pages/{literacy.pk}/").status_code == 404
    assert client.get(f"/admin/api/main/pages/{groups['maths'].pk}/").status_code == 200
    assert not literacy.permissions_for_user(maths_lead).can_edit()
    assert not literacy.permissions_for_user(maths_lead).can_add_subpage()
    assert groups["maths"].permissions_for_user(maths_lead).can_publish()


def test_trust_admin_may_edit_anywhere(client, groups, make_user):
    admin = make_user("trust.admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    client.force_login(admin)
    assert client.get(f"/admin/pages/{groups['literacy_page'].pk}/edit/").status_code == 200
    assert client.get("/admin/users/").status_code == 200


def test_ensure_lead_role_is_idempotent(groups):
    maths = WorkingGroupPage.objects.get(pk=groups["maths"].pk)
    before = GroupPagePermission.objects.count()
    roles.ensure_lead_role(maths)
    roles.ensure_base_roles()
    roles.ensure_base_roles()
    assert GroupPagePermission.objects.count() == before


def test_trust_admin_sets_a_persons_school_and_role_in_the_admin(client, tree, make_user):
    from django.contrib.auth.models import Group

    from tests.factories import SchoolPageFactory

    school = SchoolPageFactory(parent=tree.schools, title="Hollyfield Primary School")
    admin = make_user("trust.admin")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    person = make_user("new.starter")
    client.force_login(admin)
    listing = client.get("/admin/staff_profiles/")
    assert listing.status_code == 200
    assert b"new.starter" in listing.content
    response = client.post(
        f"/admin/staff_profiles/edit/{person.profile.pk}/",
        {"user": person.pk, "school": school.pk, "job_role": "senco", "job_title": "SENCO"},
    )
    assert response.status_code == 302, response.content[:3000]
    person.profile.refresh_from_db()
    assert person.profile.school == school
    assert person.profile.job_role == "senco"


def test_teachers_cannot_reach_staff_profiles_admin(teacher_client, tree):
    assert teacher_client.get("/admin/staff_profiles/").status_code in (302, 403)
