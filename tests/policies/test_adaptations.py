from policies import services
from policies.models import SchoolAdaptation

from .factories import publish

SCHOOL_TEXT = (
    "First paragraph of the policy.\n\n"
    "Second paragraph about reporting to our DSL, Mrs Patel.\n\n"
    "Coppice also tells parents by text message."
)


def adapt(client, policy, school, text=SCHOOL_TEXT):
    return client.post(
        policy.url + "adapt/", {"school": school.slug, "text": text, "note": "Our DSL named"}
    )


def test_headteacher_adapts_for_own_school_and_sees_the_difference(
    client, policy, schools, head_of
):
    coppice, _ = schools
    client.force_login(head_of(coppice))
    form = client.get(policy.url + "adapt/")
    assert form.status_code == 200
    assert b"Second paragraph about reporting." in form.content  # starts from the model text
    assert adapt(client, policy, coppice).status_code == 302
    adaptation = SchoolAdaptation.objects.get()
    assert adaptation.school == coppice and adaptation.base_version.number == 1
    assert adaptation.status == "adapted"
    page = client.get(policy.url + "schools/coppice/")
    html = page.content.decode()
    assert "<ins>" in html and "<del>" in html and "[added: </span>" in html
    assert "Mrs Patel" in html
    # The model page lists the schools' statuses.
    listing = client.get(policy.url).content.decode()
    assert "Adapted" in listing and "Not yet" in listing


def test_only_heads_of_that_school_or_admins_adapt(
    client, policy, schools, head_of, teacher, trust_admin
):
    coppice, langley = schools
    client.force_login(teacher)
    assert adapt(client, policy, coppice).status_code == 403
    client.force_login(head_of(langley))
    assert adapt(client, policy, coppice).status_code == 403
    assert client.post(policy.url + "adopt/", {"school": "coppice"}).status_code == 403
    assert not SchoolAdaptation.objects.exists()
    client.force_login(trust_admin)
    assert adapt(client, policy, coppice).status_code == 302
    assert client.post(policy.url + "adopt/", {"school": "langley"}).status_code == 302
    assert dict(SchoolAdaptation.objects.values_list("school__slug", "status")) == {
        "coppice": "adapted",
        "langley": "adopted",
    }


def test_material_version_raises_alert_minor_does_not_and_only_the_merge_clears_it(
    client, policy, schools, head_of
):
    coppice, _ = schools
    head = head_of(coppice)
    client.force_login(head)
    adapt(client, policy, coppice)
    assert services.home_panels(head)["adaptation_alerts"] == []
    policy = publish(policy, body=policy.body + "<p>A typo fixed.</p>", material=False, note="Typo")
    assert services.home_panels(head)["adaptation_alerts"] == []
    policy = publish(
        policy,
        body="<p>First paragraph of the policy.</p><p>Report to the DSL the same day.</p>",
        note="Same-day reporting",
    )
    [alert] = services.home_panels(head)["adaptation_alerts"]
    assert alert.title == policy.title and alert.school == coppice
    assert alert.url == policy.url + "schools/coppice/"
    assert "version 1" in alert.summary and "Same-day reporting" in alert.summary
    assert alert.pending == 1 and "1 change to review" in alert.summary
    page = client.get(alert.url).content.decode()
    assert "The model policy has changed" in page and "1 change to review" in page
    # The old relabel is gone: its address leads to the merge and moves nothing.
    response = client.post(policy.url + "schools/coppice/rebase/")
    assert response.status_code == 302 and response.url.endswith("schools/coppice/merge/")
    assert SchoolAdaptation.objects.get().base_version.number == 1
    assert services.home_panels(head)["adaptation_alerts"] != []


def test_teacher_gets_no_adaptation_alerts_and_cannot_rebase(
    client, policy, schools, head_of, make_staff
):
    coppice, _ = schools
    client.force_login(head_of(coppice))
    adapt(client, policy, coppice)
    publish(policy, body="<p>All new.</p>", note="New")
    [teacher] = make_staff(coppice, 1)
    assert services.home_panels(teacher)["adaptation_alerts"] == []
    client.force_login(teacher)
    assert client.post(policy.url + "schools/coppice/rebase/").status_code == 403


def test_adopt_as_is(client, policy, schools, head_of):
    coppice, _ = schools
    client.force_login(head_of(coppice))
    assert client.post(policy.url + "adopt/").status_code == 302
    adaptation = SchoolAdaptation.objects.get()
    assert adaptation.status == "adopted" and adaptation.base_version.number == 1
    assert client.get(policy.url + "schools/coppice/").status_code == 200


def test_a_named_delegate_may_adapt_for_that_school_only(client, policy, schools, make_staff):
    from policies.models import PolicyDelegate

    coppice, langley = schools
    [deputy] = make_staff(coppice, 1, job_role="deputy")
    PolicyDelegate.objects.create(school=coppice, user=deputy)
    client.force_login(deputy)
    assert adapt(client, policy, coppice).status_code == 302
    assert adapt(client, policy, langley).status_code == 403
    assert client.get(policy.url + "acknowledgements/").status_code == 200


def test_the_text_is_edited_as_headed_parts_without_markup(client, policy, schools, head_of):
    coppice, _ = schools
    client.force_login(head_of(coppice))
    services.save_adaptation(policy, coppice, text="## Reporting\n\nTell the DSL.\n\n- Blue form")
    html = client.get(policy.url + "adapt/?school=coppice").content.decode()
    assert "## " not in html and "- Blue form" not in html
    assert 'value="h2" selected' in html and ">Reporting</textarea>" in html
    data = {"school": "coppice", "note": "Moved", "blocks-TOTAL_FORMS": "4"}
    data |= {
        "blocks-INITIAL_FORMS": "3",
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "1000",
    }
    parts = [("h2", "Reporting", "1"), ("p", "Tell the DSL at once.", "3"), ("li", "", "2")]
    parts.append(("h3", "Recording", "2"))  # a new part, moved before the paragraph
    for n, (kind, text, order) in enumerate(parts):
        data |= {f"blocks-{n}-kind": kind, f"blocks-{n}-text": text, f"blocks-{n}-ORDER": order}
    assert client.post(policy.url + "adapt/", data).status_code == 302
    saved = SchoolAdaptation.objects.get()
    assert saved.text == "## Reporting\n\n### Recording\n\nTell the DSL at once."
