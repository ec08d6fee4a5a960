"""The home page carries each person's policy tasks from the policies feature."""

from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish


def test_home_lists_policies_to_read_until_acknowledged(teacher_client, tree):
    index = PolicyIndexPageFactory(parent=tree.home)
    policy = publish(
        PolicyPageFactory(parent=index, title="Safeguarding and child protection"),
        note="New KCSIE guidance",
    )
    home = teacher_client.get("/").content.decode()
    to_read = home.split('id="policy-tasks"')[1].split("</section>")[0]
    assert "Safeguarding and child protection" in to_read
    assert "New KCSIE guidance" in home  # the "what changed" feed

    version = policy.versions.order_by("-number").first()
    response = teacher_client.post(f"{policy.url}acknowledge/", {"version": version.number})
    assert response.status_code in (302, 303)
    home = teacher_client.get("/").content.decode()
    to_read = home.split('id="policy-tasks"')[1].split("</section>")[0]
    assert "Safeguarding and child protection" not in to_read
