"""Bringing a school's adaptation up to a newer model version, change by change: the merge
proposal, decisions (accept / adapt / decline with a reason), partial progress, the alert, and
who may decide (services.merging and the merge page)."""

import pytest

from policies import services
from policies.models import PolicyChangeReview, SchoolAdaptation

from .factories import publish

V1 = (
    "<h2>Our commitment</h2><p>We keep children safe.</p>"
    "<p>Call the children's trust on 0121 1111.</p><h2>Training</h2><p>Yearly training.</p>"
)
V2 = (
    "<h2>Our commitment</h2><p>We keep children safe, as KCSIE 2025 says.</p>"
    "<p>Call CASS on 0121 303 1888.</p><h2>Online safety</h2><p>Filtering is checked.</p>"
    "<h2>Training</h2><p>Yearly training.</p>"
)
SCHOOL = (
    "## Our commitment\n\nWe keep children safe.\n\n"
    "Call Mrs Patel, our DSL, then the children's trust on 0121 1111.\n\n"
    "## Training\n\nYearly training.\n\n## At Coppice\n\nConcerns go on the blue form."
)


@pytest.fixture
def moved(policy, schools):
    """Coppice adapted version 1; the model then moved to version 2 with three changes."""
    coppice, _ = schools
    policy = publish(policy, body=V1, note="v1 text")
    services.save_adaptation(policy, coppice, text=SCHOOL, base=policy.versions.get(number=2))
    policy = publish(policy, body=V2, note="KCSIE 2025")
    return policy


def adaptation():
    """Coppice's adaptation."""
    adaptations = SchoolAdaptation.objects.select_related("base_version", "school")
    return adaptations.get(school__slug="coppice")


def test_the_proposal_lists_every_change_in_reading_order(moved):
    merge = services.proposal(moved, adaptation())
    assert [i.conflict for i in merge.items] == [False, True, False]
    commitment, phone, online = merge.items
    assert "KCSIE 2025" in commitment.model_text
    assert "Mrs Patel" in phone.school_text and "0121 303 1888" in phone.model_text
    assert "Filtering is checked." in online.model_text
    assert merge.pending_count == 3
    # Proposed: clean changes applied, the conflict keeps the school's words, nothing lost.
    text = merge.text()
    assert "as KCSIE 2025 says" in text and "Filtering is checked." in text
    assert "Mrs Patel" in text and "blue form" in text and "303 1888" not in text


def test_non_overlapping_changes_apply_without_losing_the_schools_text(moved, schools):
    coppice, _ = schools
    merge = services.proposal(moved, adaptation())
    accept = services.Decision("accept")
    keep = services.Decision("decline", reason="Our DSL is named first")
    done = services.resolve(
        moved,
        coppice,
        {merge.items[0].key: accept, merge.items[1].key: keep, merge.items[2].key: accept},
    )
    assert done.merged
    text = adaptation().text
    assert "as KCSIE 2025 says" in text and "Filtering is checked." in text
    assert "Mrs Patel" in text and "## At Coppice" in text and "blue form" in text


def test_the_base_moves_only_when_every_change_is_decided(moved, schools, head_of):
    coppice, _ = schools
    head = head_of(coppice)
    merge = services.proposal(moved, adaptation())
    first = services.resolve(
        moved, coppice, {merge.items[0].key: services.Decision("accept")}, head
    )
    assert not first.merged and adaptation().base_version.number == 2
    [alert] = services.home_panels(head)["adaptation_alerts"]
    assert alert.pending == 2 and "2 changes to review" in alert.summary
    again = services.proposal(moved, adaptation())
    assert again.items[0].review.decision == "accept"  # partial progress kept
    adapted = services.Decision("adapt", text="Call Mrs Patel, then CASS on 0121 303 1888.")
    services.resolve(moved, coppice, {again.items[1].key: adapted}, head)
    assert adaptation().base_version.number == 2
    done = services.resolve(moved, coppice, {again.items[2].key: services.Decision("accept")}, head)
    assert done.merged and adaptation().base_version.number == 3
    assert "Call Mrs Patel, then CASS on 0121 303 1888." in adaptation().text
    assert services.home_panels(head)["adaptation_alerts"] == []
    assert PolicyChangeReview.objects.filter(merged_into__number=3).count() == 3


def test_declines_need_and_keep_a_reason(moved, schools, client, trust_admin):
    coppice, _ = schools
    merge = services.proposal(moved, adaptation())
    with pytest.raises(services.MergeError):
        services.resolve(moved, coppice, {merge.items[2].key: services.Decision("decline")})
    decisions = {i.key: services.Decision("accept") for i in merge.items}
    decisions[merge.items[2].key] = services.Decision("decline", reason="Covered by our ICT policy")
    assert services.resolve(moved, coppice, decisions).merged
    review = PolicyChangeReview.objects.get(decision="decline")
    assert review.reason == "Covered by our ICT policy" and "Filtering" in review.model_text
    assert "Filtering is checked." not in adaptation().text
    client.force_login(trust_admin)
    page = client.get(moved.url + "schools/coppice/").content.decode()
    assert "declined: Covered by our ICT policy" in page


def test_the_head_walks_the_merge_page(moved, schools, client, head_of):
    coppice, _ = schools
    client.force_login(head_of(coppice))
    page = client.get(moved.url + "schools/coppice/merge/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "3 changes to review" in html and "conflict" in html and "Mrs Patel" in html
    keys = [i.key for i in services.proposal(moved, adaptation()).items]
    # A decline without a reason comes back with the error; nothing saved.
    response = client.post(moved.url + "schools/coppice/merge/", {f"decision-{keys[0]}": "decline"})
    assert response.status_code == 200 and "Say why you decline" in response.content.decode()
    assert not PolicyChangeReview.objects.exists()
    response = client.post(moved.url + "schools/coppice/merge/", {f"decision-{keys[0]}": "accept"})
    assert response.status_code == 302 and adaptation().base_version.number == 2
    assert "2 changes to review" in client.get(moved.url + "schools/coppice/").content.decode()
    data = {f"decision-{keys[1]}": "decline", f"reason-{keys[1]}": "Our DSL first"}
    data |= {f"decision-{keys[2]}": "accept"}
    response = client.post(moved.url + "schools/coppice/merge/", data)
    assert response.status_code == 302 and adaptation().base_version.number == 3


def test_another_schools_head_cannot_resolve_coppices_changes(
    moved, schools, client, head_of, make_staff
):
    _, langley = schools
    keys = [i.key for i in services.proposal(moved, adaptation()).items]
    data = {f"decision-{k}": "accept" for k in keys}
    [teacher] = make_staff(schools[0], 1)
    for user in (head_of(langley), teacher):
        client.force_login(user)
        assert client.get(moved.url + "schools/coppice/merge/").status_code == 403
        assert client.post(moved.url + "schools/coppice/merge/", data).status_code == 403
    assert not PolicyChangeReview.objects.exists()
    assert adaptation().base_version.number == 2


def test_the_trust_drift_view_counts_match_the_adaptations(
    moved, schools, client, trust_admin, head_of, make_staff
):
    coppice, langley = schools
    services.adopt(moved, langley)
    index = moved.get_parent().url
    client.force_login(trust_admin)
    page = client.get(index + "drift/").content.decode()
    assert "3 changes to review" in page and "Adopted as is" in page
    merge = services.proposal(moved, adaptation())
    services.resolve(moved, coppice, {merge.items[0].key: services.Decision("accept")})
    csv = client.get(index + "drift/csv/").content.decode().splitlines()
    rows = {line.split(",")[3]: line for line in csv[1:]}
    assert rows["Coppice Primary"].split(",")[4:7] == ["2 changes to review", "2", "2"]
    assert rows["Langley School"].split(",")[4] == "Adopted as is"
    decisions = {i.key: services.Decision("accept") for i in merge.items[1:]}
    decisions[merge.items[2].key] = services.Decision("decline", reason="Not for us")
    services.resolve(moved, coppice, decisions)
    page = client.get(index + "drift/").content.decode()
    assert "1 declined change" in page and "declined: Not for us" in page
    # A head sees their own school only; a teacher is refused.
    client.force_login(head_of(langley))
    page = client.get(index + "drift/").content.decode()
    assert "Adopted as is" in page and "Not for us" not in page and "Coppice" not in page
    [teacher] = make_staff(coppice, 1)
    client.force_login(teacher)
    assert client.get(index + "drift/").status_code == 403
    assert client.get(index + "drift/csv/").status_code == 403


def test_the_print_view_names_school_version_and_approval(moved, schools, client, teacher):
    client.force_login(teacher)
    response = client.get(moved.url + "schools/coppice/print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Coppice Primary" in html and "adaptation of model version 2" in html
    assert moved.approval_date.strftime("%Y") in html and "Mrs Patel" in html
    assert "## " not in html
    assert client.get(moved.url + "schools/langley/print/").status_code == 404
