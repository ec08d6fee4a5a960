import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from policies import services
from policies.models import Acknowledgement

from .factories import PolicyPageFactory, publish


def ack_url(policy):
    return policy.url + "acknowledge/"


def test_acknowledging_records_user_time_and_exact_version(client, policy, teacher):
    client.force_login(teacher)
    response = client.post(ack_url(policy), {"version": "1"})
    assert response.status_code == 302
    ack = Acknowledgement.objects.get()
    assert ack.user == teacher and ack.version.number == 1 and ack.acknowledged_at
    # Twice is still one acknowledgement (unique per user and version).
    client.post(ack_url(policy), {"version": "1"})
    assert Acknowledgement.objects.count() == 1


def test_cannot_acknowledge_for_someone_else(client, policy, teacher, make_user):
    other = make_user("other.person")
    client.force_login(teacher)
    client.post(ack_url(policy), {"version": "1", "user": other.pk, "user_id": other.pk})
    assert list(Acknowledgement.objects.values_list("user_id", flat=True)) == [teacher.pk]


def test_get_does_not_acknowledge(client, policy, teacher):
    client.force_login(teacher)
    assert client.get(ack_url(policy)).status_code == 405
    assert not Acknowledgement.objects.exists()


def test_stale_version_is_refused(client, policy, teacher):
    policy = publish(policy, body="<p>Completely new.</p>", note="New")
    client.force_login(teacher)
    client.post(ack_url(policy), {"version": "1"})
    assert not Acknowledgement.objects.exists()


def test_cannot_acknowledge_a_policy_one_may_not_see(client, policy_index, teacher):
    secret = publish(PolicyPageFactory(parent=policy_index, title="Heads only"))
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Headteachers"))
    client.force_login(teacher)
    response = client.post(ack_url(secret), {"version": "1"})
    assert response.status_code in (302, 403, 404)
    assert not Acknowledgement.objects.exists()
    with pytest.raises(services.NotAllowed):
        services.acknowledge(teacher, secret)
    assert services.home_panels(teacher)["policy_tasks"] == []


def test_material_version_resets_and_minor_does_not(policy, teacher):
    services.acknowledge(teacher, policy)
    assert services.home_panels(teacher)["policy_tasks"] == []
    policy = publish(policy, body="<p>Typo fixed.</p>", note="Typo", material=False)
    assert services.home_panels(teacher)["policy_tasks"] == []
    policy = publish(policy, body="<p>New duty.</p>", note="New duty", material=True)
    tasks = services.home_panels(teacher)["policy_tasks"]
    assert [(t.title, t.version) for t in tasks] == [(policy.title, 3)]
    assert tasks[0].url == policy.url and tasks[0].published_at
    services.acknowledge(teacher, policy)
    assert services.home_panels(teacher)["policy_tasks"] == []
    assert sorted(
        Acknowledgement.objects.filter(user=teacher).values_list("version__number", flat=True)
    ) == [1, 3]


def test_audience_by_job_role_and_school(policy_index, schools, make_staff):
    coppice, langley = schools
    [teacher] = make_staff(coppice, 1)
    [senco] = make_staff(langley, 1, job_role="senco")
    [other] = make_staff(langley, 1)
    policy = PolicyPageFactory(parent=policy_index, ack_all_staff=False, ack_job_roles=["senco"])
    policy.save_revision().publish()
    policy.refresh_from_db()
    assert not services.home_panels(teacher)["policy_tasks"]
    assert services.home_panels(senco)["policy_tasks"]
    policy.ack_schools.add(coppice)
    publish(policy, body="<p>Now for Coppice too.</p>", ack_schools=[coppice])
    assert services.home_panels(teacher)["policy_tasks"]
    assert not services.home_panels(other)["policy_tasks"]


def test_to_read_page_lists_tasks_and_history(client, policy, teacher):
    client.force_login(teacher)
    index = policy.get_parent()
    response = client.get(index.url + "to-read/")
    assert policy.title.encode() in response.content
    services.acknowledge(teacher, policy)
    response = client.get(index.url + "to-read/")
    assert b"Nothing waiting for you" in response.content


@pytest.mark.parametrize("version", ["abc", "1.5", "-1", "9" * 40])
def test_a_malformed_version_gets_a_message_not_an_error(client, policy, teacher, version):
    client.force_login(teacher)
    response = client.post(ack_url(policy), {"version": version}, follow=True)
    assert response.status_code == 200
    assert "version number was not valid" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_the_control_follows_the_text_and_records_the_texts_fingerprint(client, policy, teacher):
    client.force_login(teacher)
    html = client.get(policy.url).content.decode()
    assert html.index("Second paragraph about reporting.") < html.index(
        "I have read and understood"
    )
    version = policy.versions.get()
    fingerprint = services.text_fingerprint(version)
    assert f'name="fingerprint" value="{fingerprint}"' in html
    # A text other than the one shown is refused, even with the right version number.
    client.post(ack_url(policy), {"version": "1", "fingerprint": "0" * 64})
    assert not Acknowledgement.objects.exists()
    client.post(ack_url(policy), {"version": "1", "fingerprint": fingerprint})
    assert Acknowledgement.objects.get().fingerprint == fingerprint
