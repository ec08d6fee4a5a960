import datetime

from django.template.loader import render_to_string

from policies import services
from policies.models import PolicyPage

from .factories import PolicyPageFactory, publish


def test_index_filters(client, policy_index, schools, teacher):
    publish(PolicyPageFactory(parent=policy_index, title="Safe Alpha", area="safeguarding"))
    publish(
        PolicyPageFactory(
            parent=policy_index, title="Zebra rules", area="curriculum", statutory=False
        )
    )
    old = PolicyPageFactory(
        parent=policy_index,
        title="Old one",
        area="hr",
        statutory=False,
        approval_date=datetime.date(2020, 1, 1),
    )
    publish(old)
    client.force_login(teacher)
    html = lambda q: client.get(policy_index.url + q).content.decode()  # noqa: E731
    assert "Safe Alpha" in html("") and "Zebra rules" in html("")
    page = html("?area=curriculum")
    assert "Zebra rules" in page and "Safe Alpha" not in page
    assert "Zebra rules" not in html("?statutory=yes")
    page = html("?review=overdue")
    assert "Old one" in page and "Zebra rules" not in page
    assert "Not yet" in html("?school=coppice")


def test_review_dashboard_for_admins_only(client, policy_index, trust_admin, teacher, make_user):
    owner = make_user("owner.one", first_name="Olive", last_name="Owner")
    publish(
        PolicyPageFactory(
            parent=policy_index,
            title="Late policy",
            owner_user=owner,
            approval_date=datetime.date(2020, 1, 1),
        )
    )
    publish(PolicyPageFactory(parent=policy_index, title="Fresh policy"))
    client.force_login(teacher)
    assert client.get(policy_index.url + "review/").status_code == 403
    client.force_login(trust_admin)
    html = client.get(policy_index.url + "review/").content.decode()
    assert "Olive Owner" in html and "Late policy" in html and "Overdue" in html
    assert "Fresh policy" not in html


def test_every_page_renders_for_each_role(
    client, policy, schools, head_of, trust_admin, make_staff
):
    coppice, _ = schools
    [teacher] = make_staff(coppice, 1)
    head = head_of(coppice)
    client.force_login(head)
    client.post(policy.url + "adapt/", {"text": "Our own text.", "note": "Ours"})
    policy = publish(policy, body="<p>Version two.</p>", note="Two")
    index = policy.get_parent()
    urls = [
        index.url,
        index.url + "to-read/",
        index.url + "updates/",
        policy.url,
        policy.url + "versions/1/",
        policy.url + "versions/2/",
        policy.url + "schools/coppice/",
    ]
    for user in (teacher, head, trust_admin):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 200, (user, url)
    client.force_login(head)
    for url in (
        policy.url + "adapt/",
        policy.url + "acknowledgements/",
        index.url + "acknowledgements/",
    ):
        assert client.get(url).status_code == 200, url
    assert b"School adaptations to check (1)" in client.get(index.url).content
    client.force_login(trust_admin)
    for url in (
        policy.url + "acknowledgements/",
        policy.url + "acknowledgements/?school=coppice",
        index.url + "review/",
        policy.url + "adapt/?school=langley",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(policy.url + "versions/9/").status_code == 404
    assert client.get(policy.url + "schools/langley/").status_code == 404


def test_home_panels_template(policy, schools, head_of):
    coppice, _ = schools
    head = head_of(coppice)
    html = render_to_string("policies/includes/home_panels.html", services.home_panels(head))
    assert "Policies to read" in html and policy.title in html and policy.url in html
    assert "Policy updates" in html


def test_policy_page_is_in_the_tree(policy_index, policy):
    assert PolicyPage.objects.child_of(policy_index).count() == 1
    assert policy_index.url.endswith("/policies/")


def test_index_ignores_filter_values_it_does_not_know(client, policy_index, schools, teacher):
    publish(PolicyPageFactory(parent=policy_index, title="Safe Alpha"))
    client.force_login(teacher)
    response = client.get(policy_index.url + "?area=nope&statutory=maybe&review=x&school=atlantis")
    assert response.status_code == 200
    assert "Safe Alpha" in response.content.decode()
    # A bad value in one filter does not lose a good one in another.
    response = client.get(policy_index.url + "?area=nope&school=coppice")
    assert "Not yet" in response.content.decode()
