"""Hub filters in a browser at phone width, by keyboard: "Filters (n)" opens above the results,
a ticked group applies at once (static JS, no Apply), its chip removes it, axe finds nothing."""

import pytest

from .test_walkthrough import assert_accessible, demo, sign_in  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_filters_by_keyboard_at_320px(page, live_server, demo):  # noqa: F811 - fixture
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, live_server, "/hub/")
    page.wait_for_url(f"{live_server.url}/hub/")
    summary = page.locator("details.hub-filters > summary")
    results = page.locator("#results-heading")
    # On a phone the filters come first, closed, above the results.
    assert summary.bounding_box()["y"] < results.bounding_box()["y"]
    assert not page.locator("details.hub-filters").evaluate("d => d.open")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.hub-filters").evaluate("d => d.open")
    assert_accessible(page)
    maths = page.get_by_label("Maths")
    maths.focus()
    with page.expect_navigation():
        page.keyboard.press("Space")  # applies on change: no Apply button needed
    assert "group=maths" in page.url
    assert "Filters (1)" in summary.inner_text()
    # Focus comes back to the box that was ticked.
    assert page.evaluate("document.activeElement.name") == "group"
    chip = page.get_by_role("link", name="Remove filter Working group: Maths")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    chip.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "group=maths" not in page.url
