from policies import services
from policies.models import PolicyVersion

from .factories import publish


def test_publishing_records_numbered_versions(policy):
    assert [v.number for v in policy.versions.all()] == [1]
    v1 = policy.versions.get()
    assert v1.material and v1.audience_all_staff
    policy = publish(policy, body="<p>New text.</p>", note="Rewritten", material=False)
    assert PolicyVersion.objects.filter(policy=policy).count() == 2
    v2 = policy.versions.get(number=2)
    assert v2.change_note == "Rewritten" and not v2.material
    # Earlier versions stay readable.
    assert "First paragraph" in policy.versions.get(number=1).body


def test_publishing_unchanged_text_adds_no_version(policy):
    publish(policy, note="Nothing really")
    assert policy.versions.count() == 1


def test_next_review_date_is_computed(policy):
    import datetime

    policy.approval_date = datetime.date(2025, 1, 31)
    policy.review_cycle_months = 24
    policy.save()
    assert policy.next_review_date == datetime.date(2027, 1, 31)


def test_page_and_versions_render(client, policy, make_user):
    user = make_user("reader")
    client.force_login(user)
    policy = publish(
        policy,
        body="<p>First paragraph of the policy.</p><p>Changed.</p>",
        note="Clarified reporting",
    )
    response = client.get(policy.url)
    assert response.status_code == 200
    assert b"I have read and understood version 2" in response.content
    response = client.get(policy.url + "versions/2/")
    assert response.status_code == 200
    assert b"<ins>" in response.content and b"<del>" in response.content
    response = client.get(policy.url + "versions/1/")
    assert b"earlier version" in response.content
    assert services.current_version(policy).number == 2


def test_review_date_of_a_month_end_stays_in_its_month(policy):
    import datetime

    policy.approval_date = datetime.date(2024, 2, 29)
    policy.review_cycle_months = 12
    policy.save()
    assert policy.next_review_date == datetime.date(2025, 2, 28)
