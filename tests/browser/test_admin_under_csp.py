"""A working-group lead edits their group's page in Wagtail's admin under the site's
Content-Security-Policy and the admin guard: the editor loads, the page chooser opens, a draft
saves, and nothing is blocked (the `no_csp_violations` fixture watches the console)."""

import pytest

from tests.conftest import PASSWORD
from tests.factories import ContentPageFactory, UserFactory, WorkingGroupPageFactory


@pytest.fixture
def lead(transactional_db, tree):
    maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    maths.refresh_from_db()
    page = ContentPageFactory(parent=maths, title="Calculation policy", slug="calculation")
    user = UserFactory(username="lead.maths")
    user.groups.add(maths.lead_group)
    return user, page


def test_a_lead_edits_a_group_page_in_the_admin(page, live_server, lead):
    user, content = lead
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{content.pk}/edit/")
    title = page.get_by_role("textbox", name="Title")
    title.wait_for()
    title.fill("Calculation policy 2027")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("has been updated").first.wait_for()
    content.refresh_from_db()
    assert content.get_latest_revision().content["title"] == "Calculation policy 2027"
    # Reports are for trust administrators.
    response = page.goto(f"{live_server.url}/admin/reports/site-history/")
    assert response.status == 403
