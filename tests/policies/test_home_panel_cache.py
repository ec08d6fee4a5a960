"""The home page's policy panels are kept per person (policies/services/panels.py) and never
outlive what they show: each case opens the home page, changes something, and opens it again."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from people.models import StaffProfile
from people.roles import HEADTEACHERS
from policies import services
from policies.models import PolicyDelegate
from tests.factories import UserFactory

from .factories import PolicyPageFactory, publish


def panels(client):
    html = client.get("/").content.decode()
    start = html.index('id="policy-tasks"')
    return html[start : html.index('id="policy-updates"', start)]


def test_acknowledging_takes_the_policy_off_my_list_only(client, policy, schools):
    reader, colleague = UserFactory(school=schools[0]), UserFactory(school=schools[0])
    client.force_login(colleague)
    assert policy.title in panels(client)
    client.force_login(reader)
    assert policy.title in panels(client)
    client.post(policy.url + "acknowledge/", {"version": "1"})
    assert policy.title not in panels(client)
    client.force_login(colleague)
    assert policy.title in panels(client)


def test_a_new_material_version_reaches_everyone_already_cached(client, policy, schools):
    reader = UserFactory(school=schools[0])
    services.acknowledge(reader, policy)
    client.force_login(reader)
    assert policy.title not in panels(client)
    publish(policy, body="<p>A new duty.</p>", note="New duty", material=True)
    assert policy.title in panels(client)


def test_a_new_job_role_or_school_changes_what_i_must_read(client, policy_index, schools):
    coppice, langley = schools
    only_sencos = publish(
        PolicyPageFactory(
            parent=policy_index, title="SEND register", ack_all_staff=False, ack_job_roles=["senco"]
        )
    )
    for_langley = PolicyPageFactory(parent=policy_index, title="Langley site", ack_all_staff=False)
    for_langley.ack_schools.add(langley)
    publish(for_langley, ack_schools=[langley])
    reader = UserFactory(school=coppice)
    client.force_login(reader)
    shown = panels(client)
    assert only_sencos.title not in shown and "Langley site" not in shown
    profile = StaffProfile.objects.get(user=reader)
    profile.job_role = "senco"
    profile.save()
    assert only_sencos.title in panels(client)
    StaffProfile.objects.filter(user=reader).update(school=langley)
    assert "Langley site" in panels(client)


def test_a_new_restriction_hides_the_policy_at_once(client, policy, schools):
    reader = UserFactory(school=schools[0])
    client.force_login(reader)
    assert policy.title in panels(client)
    restriction = PageViewRestriction.objects.create(
        page=policy, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=HEADTEACHERS))
    assert policy.title not in panels(client)


def test_a_headteacher_is_told_when_the_model_moves_on(client, policy, schools, head_of):
    head = head_of(schools[0])
    client.force_login(head)
    client.post(
        policy.url + "adapt/", {"school": "coppice", "text": "<p>Ours.</p>", "note": "Ours"}
    )
    assert "School policies to check" not in client.get("/").content.decode()
    publish(policy, body="<p>Changed.</p>", note="Changed", material=True)
    assert "School policies to check" in client.get("/").content.decode()


def test_the_panels_cost_nothing_the_second_time(client, policy, schools):
    client.force_login(UserFactory(school=schools[0]))
    with CaptureQueriesContext(connection) as first:
        client.get("/")
    with CaptureQueriesContext(connection) as second:
        client.get("/")
    versions = [q for q in second.captured_queries if "policies_policyversion" in q["sql"]]
    assert versions == [] and len(second) < len(first)


def test_a_new_delegate_sees_the_schools_policies_to_check(client, policy, schools, head_of):
    head = head_of(schools[0])
    deputy = UserFactory(school=schools[0])
    client.force_login(head)
    client.post(
        policy.url + "adapt/", {"school": "coppice", "text": "<p>Ours.</p>", "note": "Ours"}
    )
    publish(policy, body="<p>Changed.</p>", note="Changed", material=True)
    client.force_login(deputy)
    assert "School policies to check" not in client.get("/").content.decode()
    PolicyDelegate.objects.create(user=deputy, school=schools[0])
    assert "School policies to check" in client.get("/").content.decode()
