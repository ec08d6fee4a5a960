def test_editors_can_open_the_policy_forms_in_the_admin(client, policy, make_user):
    admin = make_user("super.user", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{policy.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="ack_job_roles"' in html and 'name="change_note"' in html
    index = policy.get_parent()
    assert client.get(f"/admin/pages/add/policies/policypage/{index.pk}/").status_code == 200
    assert client.get("/admin/snippets/policies/policydelegate/").status_code == 200


def test_publishing_from_the_admin_records_a_minor_version(client, policy, make_user):
    from wagtail.test.utils.form_data import rich_text

    from policies.models import PolicyPage

    admin = make_user("super.user", is_superuser=True, is_staff=True)
    client.force_login(admin)
    data = {
        "title": policy.title,
        "slug": policy.slug,
        "area": "safeguarding",
        "statutory": "on",
        "summary": "Summary",
        "body": rich_text("<p>Corrected a typo.</p>"),
        "approval_date": "2026-01-01",
        "review_cycle_months": "12",
        "change_note": "Typo",
        # material_change left unticked: a minor edit
        "ack_job_roles": ["teacher", "senco"],
        "action-publish": "action-publish",
    }
    response = client.post(f"/admin/pages/{policy.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    policy = PolicyPage.objects.get(pk=policy.pk)
    assert policy.ack_job_roles == ["teacher", "senco"]
    latest = policy.versions.order_by("-number").first()
    assert latest.number == 2 and not latest.material and latest.change_note == "Typo"
    assert latest.published_by == admin and latest.audience_job_roles == ["teacher", "senco"]
