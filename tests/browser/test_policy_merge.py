"""A headteacher takes the model's changes into their school's policy with the keyboard only:
from the alert to the merge page, one decision per change, until the base moves; axe-core finds
nothing on the way."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from policies import services
from policies.models import SchoolAdaptation
from tests.conftest import PASSWORD
from tests.factories import SchoolPageFactory, UserFactory
from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish

from .test_walkthrough import assert_accessible

V1 = "<h2>Reporting</h2><p>Tell the DSL by the end of the day.</p><p>Call 0121 1111.</p>"
V2 = "<h2>Reporting</h2><p>Tell the DSL at once.</p><p>Call CASS on 0121 303 1888.</p>"


@pytest.fixture
def merge_ready(transactional_db, tree):
    coppice = SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")
    head = UserFactory(username="head.coppice", first_name="Vicky", school=coppice)
    head.groups.add(Group.objects.get_or_create(name=roles.HEADTEACHERS)[0])
    index = PolicyIndexPageFactory(parent=tree.home)
    policy = publish(PolicyPageFactory(parent=index, title="Safeguarding", slug="safeguarding"))
    policy = publish(policy, body=V1, note="Plain text")
    services.save_adaptation(
        policy,
        coppice,
        text="## Reporting\n\nTell the DSL by the end of the day.\n\nCall Mrs Patel, then 0121 1111.",
        base=policy.versions.get(number=2),
    )
    return publish(policy, body=V2, note="Same-day reporting; CASS number")


def test_a_head_merges_the_models_changes_with_the_keyboard(page, live_server, merge_ready):
    page.goto(f"{live_server.url}/accounts/login/?next=/policies/")
    page.get_by_label("Username").fill("head.coppice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/policies/")
    assert page.get_by_text("2 changes to review").first.is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Safeguarding: Coppice Primary").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/schools/coppice/")
    assert_accessible(page)
    page.get_by_role("link", name="Review the changes").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/schools/coppice/merge/")
    assert_accessible(page)

    # Change 1 (the school left it alone): accept. Saved on its own: partial progress.
    page.get_by_role("group", name="Change 1 of 2").get_by_label(
        "Accept the model's change"
    ).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save decisions").focus()
    with page.expect_navigation():  # back to the same page, after the post
        page.keyboard.press("Enter")
    assert page.get_by_text("1 change to review").first.is_visible()
    assert SchoolAdaptation.objects.get().base_version.number == 2

    # Change 2 is a conflict: decline it, with the reason typed in.
    change = page.get_by_role("group", name="Change 2 of 2: conflict")
    change.get_by_role("radio", name="Decline it").focus()
    page.keyboard.press("Space")
    change.get_by_label("Why we decline it").focus()
    page.keyboard.type("Our DSL is named first")
    page.keyboard.press("Enter")  # submits the form from the text field
    page.wait_for_url("**/schools/coppice/")
    assert_accessible(page)
    adaptation = SchoolAdaptation.objects.get()
    assert adaptation.base_version.number == 3
    assert "Tell the DSL at once." in adaptation.text and "Mrs Patel" in adaptation.text
    assert page.get_by_text("declined: Our DSL is named first").is_visible()
