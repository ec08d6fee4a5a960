"""A teacher signs in and walks home -> group -> content page; every page type passes axe-core
(WCAG 2.2 A/AA) with zero violations, at desktop and phone widths."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.conftest import PASSWORD
from tests.factories import (
    ContentPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    SchoolPageFactory,
    UserFactory,
    WorkingGroupPageFactory,
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
axe = Axe()


def assert_accessible(page):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture
def demo(transactional_db, tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    school = SchoolPageFactory(
        parent=tree.schools,
        title="Coppice Primary School",
        slug="coppice",
        headteacher="Vicky Hewitson",
        address="Trinity Road\nFour Oaks",
        postcode="B75 6TJ",
        email="enquiries@coppice.example",
        founding_member=True,
    )
    maths = WorkingGroupPageFactory(
        parent=tree.groups,
        title="Maths",
        slug="maths",
        meeting_schedule="Half-termly, Tuesdays 4–5.30pm",
    )
    maths.refresh_from_db()
    ContentPageFactory(
        parent=maths,
        title="Calculation policy",
        slug="calculation-policy",
        body=[
            ("heading", {"text": "Progression in written methods", "level": "h2"}),
            ("paragraph", RichText("<p>All schools follow the same progression.</p>")),
            (
                "callout",
                {"style": "action", "title": "Review due", "text": RichText("<p>Summer term.</p>")},
            ),
            (
                "table",
                {
                    "data": [["Year", "Addition"], ["Year 1", "Number lines"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "Methods by year",
                },
            ),
        ],
    )
    tree.article = NewsArticlePageFactory(
        parent=tree.news, title="Maths moderation dates", group=maths
    )
    tree.event = EventPageFactory(
        parent=tree.events,
        title="Maths moderation",
        category="moderation",
        school=school,
        group=maths,
        start=timezone.now() + datetime.timedelta(days=2),
    )
    from pages.models import Partner, PartnersPage

    partners = PartnersPage(title="Partners", slug="partners", show_in_menus=True)
    tree.home.add_child(instance=partners)
    Partner.objects.create(
        page=partners,
        name="Rotary",
        kind="community",
        description="Community partner.",
        website="https://www.rotarygbi.org/",
        contact_name="Geoff Turner",
        contact_role="Youth and schools officer",
        contact_phone="0121 496 0169",
    )
    from pages.models import TermDate

    first_of_month = timezone.localdate().replace(day=1)
    TermDate.objects.create(
        name="Half term",
        kind=TermDate.HOLIDAY,
        first_day=first_of_month,
        last_day=first_of_month + datetime.timedelta(days=1),
    )
    inset = first_of_month + datetime.timedelta(days=2)
    TermDate.objects.create(name="INSET day", kind=TermDate.INSET, first_day=inset, last_day=inset)
    teacher = UserFactory(username="teacher.coppice", first_name="Amira", school=school)
    teacher.profile.working_groups.add(maths)
    from tests.hub.factories import ResourceFactory
    from tests.policies.factories import PolicyIndexPageFactory, PolicyPageFactory, publish

    tree.resource = ResourceFactory(
        title="Year 4 fractions unit plan",
        working_groups=[maths],
        school=school,
        uploaded_by_user=teacher,
        lines=["Fractions of amounts with bar models."],
    )
    policies = PolicyIndexPageFactory(parent=tree.home)
    tree.policy = publish(
        PolicyPageFactory(parent=policies, title="Safeguarding", slug="safeguarding"),
        note="First version",
    )
    return tree


def sign_in(page, live_server, next_path="/"):
    page.goto(f"{live_server.url}{next_path}")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    page.get_by_label("Username").fill("teacher.coppice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_teacher_walks_from_home_to_a_group_page(page, live_server, demo):
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name="Upcoming events").is_visible()
    assert page.get_by_role("link", name="Maths moderation").first.is_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Working groups").click()
    page.wait_for_url("**/groups/")
    assert_accessible(page)
    page.get_by_role("link", name="Maths").first.click()
    page.wait_for_url("**/groups/maths/")
    assert page.get_by_role("heading", name="Members by school").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Calculation policy").click()
    page.wait_for_url("**/groups/maths/calculation-policy/")
    assert page.get_by_role("navigation", name="Breadcrumb").is_visible()
    table = page.get_by_role("table", name="Methods by year")
    assert table.get_by_role("columnheader", name="Addition").is_visible()
    assert table.get_by_role("rowheader", name="Year 1").is_visible()
    assert table.get_by_role("cell", name="Number lines").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_every_page_type_passes_axe(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    for path in [
        "/",
        "/schools/",
        "/schools/coppice/",
        "/partners/",
        "/groups/",
        "/groups/maths/",
        "/groups/maths/calculation-policy/",
        "/news/",
        "/events/",
        "/events/this-month/",
        "/accounts/profile/",
        "/search/?q=maths",
        "/search/?q=calulation",
        demo.article.url,
        demo.event.url,
        "/hub/",
        "/hub/?q=fractions",
        "/hub/share/",
        demo.resource.get_absolute_url(),
        "/policies/",
        demo.policy.url,
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
        # Nothing overflows sideways on a phone.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, width, overflow)


def test_skip_link_is_first_and_moves_focus(page, live_server, demo):
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_from_the_header_with_keyboard_autocomplete(page, live_server, demo):
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    box = page.get_by_role("combobox", name="Search the intranet")
    box.fill("fract")
    option = page.get_by_role("option", name="Year 4 fractions unit plan")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.fill("fractions bar models")
    box.press("Enter")
    page.wait_for_url("**/search/?q=fractions*")
    result = page.get_by_role("link", name="Year 4 fractions unit plan")
    assert result.is_visible()
    # the snippet marks where the words matched inside the file's text
    marked = [m.lower() for m in page.locator("mark").all_inner_texts()]
    assert "bar" in marked and "models" in marked, marked
    assert_accessible(page)


def test_autocomplete_ends_with_a_row_for_all_results(page, live_server, demo):
    sign_in(page, live_server)
    page.wait_for_url(f"{live_server.url}/")
    box = page.get_by_role("combobox", name="Search the intranet")
    box.fill("fractions")
    see_all = page.get_by_role("option", name="See all results for \u201cfractions\u201d")
    see_all.wait_for()
    options = page.get_by_role("option")
    assert options.nth(options.count() - 1).inner_text().startswith("See all results")
    # the keyboard reaches it: Down through every row ends on it
    for _ in range(options.count()):
        box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == see_all.get_attribute("id")
    box.press("Enter")
    page.wait_for_url("**/search/?q=fractions")
    assert page.get_by_role("link", name="Year 4 fractions unit plan").is_visible()


def test_headteacher_pages_pass_axe(page, live_server, demo):
    from django.contrib.auth.models import Group

    from people import roles

    school = demo.schools.get_children().first().specific
    head = UserFactory(username="head.coppice", first_name="Vicky", school=school)
    head.groups.add(Group.objects.get(name=roles.HEADTEACHERS))
    type(head.profile).objects.filter(user=head).update(job_role="headteacher")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("head.coppice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    for path in [f"{demo.policy.url}acknowledgements/", f"{demo.policy.url}adapt/"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert_accessible(page)
