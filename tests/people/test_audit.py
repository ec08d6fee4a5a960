"""The audit trail: what is recorded, by whom, and who may read and export it."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry, PageLogEntry

from hub.models import Resource
from hub.services import set_withdrawn, update_resource
from people import roles
from policies.services import acknowledge, save_adaptation
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory
from tests.hub.factories import ResourceFactory
from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def school(tree):
    return SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")


@pytest.fixture
def admin_user(make_user, home):
    user = make_user("admin.trust")
    user.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    return user


def entries(action, model=ModelLogEntry):
    return list(model.objects.filter(action=action).order_by("timestamp", "pk"))


def resource_fields(resource, **changes):
    fields = {
        "title": resource.title,
        "description": resource.description,
        "resource_type": resource.resource_type,
        "subject": resource.subject,
        "school": resource.school,
        "visibility": resource.visibility,
        "review_date": resource.review_date,
        "working_groups": list(resource.working_groups.all()),
        "key_stages": list(resource.key_stages.all()),
        "restricted_to": list(resource.restricted_to.all()),
        "tags": [],
    }
    fields.update(changes)
    return fields


# --- what is recorded -------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_download_and_withdrawal_are_recorded_with_who(client, school, make_user):
    teacher = make_user("teacher.coppice", school=school)
    resource = ResourceFactory(title="Fractions plan", uploaded_by_user=teacher)
    [upload] = entries("lte.upload")
    assert (upload.user, upload.object_id, upload.label) == (
        teacher,
        str(resource.pk),
        "Fractions plan",
    )

    client.force_login(teacher)
    client.get(resource.get_download_url())
    client.get(resource.get_download_url())
    downloads = entries("lte.download")
    assert len(downloads) == 2  # every download, though the count is once a day
    assert {d.user for d in downloads} == {teacher}

    client.post(f"/hub/{resource.pk}-{resource.slug}/withdraw/", {"action": "withdraw"})
    client.post(f"/hub/{resource.pk}-{resource.slug}/withdraw/", {"action": "restore"})
    assert [e.user for e in entries("lte.withdraw")] == [teacher]
    assert [e.user for e in entries("lte.restore")] == [teacher]


@pytest.mark.django_db
def test_visibility_and_details_changes_say_what_changed(school, make_user):
    teacher = make_user("teacher.coppice", school=school)
    resource = ResourceFactory(title="Plan", uploaded_by_user=teacher)
    sencos = Group.objects.get(name="SENCOs")
    update_resource(
        resource,
        user=teacher,
        withdrawn=False,
        **resource_fields(
            resource,
            title="Plan for SENCOs",
            visibility=Resource.RESTRICTED,
            restricted_to=[sencos],
        ),
    )
    [seen_by] = entries("lte.visibility")
    assert seen_by.user == teacher
    assert seen_by.data["visibility"] == [Resource.TRUST, Resource.RESTRICTED]
    assert seen_by.data["restricted_to"] == ["", "SENCOs"]
    [details] = entries("lte.metadata")
    assert details.data == {"title": ["Plan", "Plan for SENCOs"]}
    # Saving again without changes records nothing more.
    update_resource(resource, user=teacher, withdrawn=False, **resource_fields(resource))
    assert len(entries("lte.visibility")) == 1 and len(entries("lte.metadata")) == 1


@pytest.mark.django_db
def test_role_group_and_profile_changes_are_recorded(tree, school, make_user, admin_user):
    teacher = make_user("teacher.coppice")
    with LogContext(user=admin_user):  # as Wagtail's admin sets it
        teacher.groups.add(Group.objects.get(name=roles.HEADTEACHERS))
        teacher.groups.remove(Group.objects.get(name=roles.HEADTEACHERS))
        profile = teacher.profile
        profile.school = school
        profile.job_role = "headteacher"
        profile.save()
        maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
        profile.working_groups.add(maths)
    added, removed = [e for e in entries("lte.groups") if e.object_id == str(teacher.pk)]
    assert added.data == {"added": [roles.HEADTEACHERS]} and added.user == admin_user
    assert removed.data == {"removed": [roles.HEADTEACHERS]}
    assert added.object_id == str(teacher.pk)
    changed, joined = entries("lte.profile")[-2:]
    assert changed.data["changed"]["job_role"] == ["teacher", "headteacher"]
    assert changed.user == admin_user
    assert joined.data == {"joined": ["Maths"]}


@pytest.mark.django_db
def test_policy_publication_adaptation_and_acknowledgement_are_recorded(
    home, school, make_user, admin_user
):
    policies = PolicyIndexPageFactory(parent=home)
    policy = publish(PolicyPageFactory(parent=policies, title="Safeguarding"), user=admin_user)
    [published] = entries("lte.policy.publish", PageLogEntry)
    assert (published.page_id, published.user, published.data["version"]) == (
        policy.pk,
        admin_user,
        1,
    )
    head = make_user("head.coppice", school=school)
    save_adaptation(policy, school, text="Our own text", user=head)
    [adapted] = entries("lte.policy.adapt", PageLogEntry)
    assert adapted.data == {"school": "Coppice Primary", "version": 1}
    acknowledge(head, policy)
    acknowledge(head, policy)  # once only
    [read] = entries("lte.policy.acknowledge", PageLogEntry)
    assert read.user == head and read.data == {"version": 1}


# --- reading and exporting -------------------------------------------------------------------


@pytest.mark.django_db
def test_trust_administrators_read_filter_and_export_the_trail(client, school, admin_user):
    teacher_name = "=HYPERLINK(evil)"
    first = ResourceFactory(title="@SUM(1+1)", uploaded_by_user=admin_user)
    set_withdrawn(first, True, user=admin_user)
    ResourceFactory(title="Another", uploaded_by_user=admin_user, school=school)
    admin_user.first_name = teacher_name
    admin_user.save()
    client.force_login(admin_user)

    page = client.get("/admin/reports/audit-trail/")
    assert page.status_code == 200
    assert b"Audit trail" in page.content and b"Another" in page.content

    filtered = client.get("/admin/reports/audit-trail/?label=another")
    assert b"Another" in filtered.content and b"SUM(1+1)" not in filtered.content
    by_action = client.get("/admin/reports/audit-trail/?action=lte.withdraw")
    assert b"SUM(1+1)" in by_action.content and b"Another" not in by_action.content

    export = client.get("/admin/reports/audit-trail/?export=csv&action=lte.upload")
    assert export["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:3] == ["When", "Action", "Action code"]
    assert sorted(row[5] for row in rows[1:]) == ["'@SUM(1+1)", "Another"]
    assert all(row[2] == "lte.upload" for row in rows[1:])
    assert all(not row[6].startswith("=") for row in rows[1:])


@pytest.mark.django_db
def test_nobody_else_reaches_the_trail_and_nobody_edits_it(client, tree, make_user, admin_user):
    lead = make_user("lead.maths")
    maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    lead.groups.add(maths.lead_group)
    teacher = make_user("teacher.one")
    for user in (lead, teacher):
        client.force_login(user)
        for url in ["/admin/reports/audit-trail/", "/admin/reports/audit-trail/?export=csv"]:
            assert client.get(url).status_code in {302, 403}, (user, url)
    client.force_login(admin_user)
    assert client.post("/admin/reports/audit-trail/").status_code == 405
