"""pages/routing.py: one query finds the pages on a URL's way; Wagtail's answers are kept."""

import pytest

from tests.factories import ContentPageFactory, EventPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deep(tree):
    group = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    topic = ContentPageFactory(parent=group, title="Calculation", slug="calculation")
    leaf = ContentPageFactory(parent=topic, title="Written methods", slug="written-methods")
    return group, topic, leaf


def test_a_deep_page_is_found_with_its_breadcrumbs(teacher_client, deep):
    response = teacher_client.get("/groups/maths/calculation/written-methods/")
    assert response.status_code == 200
    trail = response.content.decode().split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    for title in ("Home", "Maths", "Calculation", "Written methods"):
        assert title in trail, title
    assert trail.index("Maths") < trail.index("Calculation") < trail.index("Written methods")


def test_an_unknown_slug_below_a_page_is_not_found(teacher_client, deep):
    assert teacher_client.get("/groups/maths/no-such-page/").status_code == 404
    assert teacher_client.get("/groups/maths/calculation/written-methods/extra/").status_code == 404


def test_a_draft_page_is_not_found_but_its_parent_is(teacher_client, deep):
    _group, topic, leaf = deep
    leaf.unpublish()
    assert teacher_client.get("/groups/maths/calculation/written-methods/").status_code == 404
    assert teacher_client.get("/groups/maths/calculation/").status_code == 200


def test_a_page_with_routes_answers_them_before_its_children(teacher_client, tree):
    # An event whose slug is one of the events index's own routes: Wagtail lets the route win.
    EventPageFactory(parent=tree.events, title="Feed the birds", slug="feed")
    response = teacher_client.get("/events/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
