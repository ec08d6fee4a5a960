"""Sharing by drag-and-drop: a dropped file is sent at once with a progress bar, the hub says
when the same file is already there, groups are suggested from the file's words (not from the
sharer's own groups), and the form then shares it. axe finds nothing on the way."""

import pytest

from hub.models import Resource
from tests.hub.factories import file_bytes

from .test_walkthrough import assert_accessible, demo, sign_in  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True)

DROP = """([name, bytes, mime]) => {
  const data = new DataTransfer();
  data.items.add(new File([new Uint8Array(bytes)], name, {type: mime}));
  return data;
}"""


def drop(page, name, content, mime="text/plain"):
    files = page.evaluate_handle(DROP, [name, list(content), mime])
    for event in ("dragenter", "dragover", "drop"):
        page.dispatch_event("[data-dropzone]", event, {"dataTransfer": files})


def test_drop_a_file_then_share_it(page, live_server, demo):  # noqa: F811 - fixture
    sign_in(page, live_server, "/hub/share/")
    page.wait_for_url(f"{live_server.url}/hub/share/")
    assert page.locator(".dropzone--enhanced").count() == 1
    uploads = page.locator("[data-upload-list] li")

    # The same bytes as a resource already in the hub: pointed out, with a link to it.
    same = file_bytes(
        "pdf", "Year 4 fractions unit plan", ["Fractions of amounts with bar models."]
    )
    assert Resource.objects.get(pk=demo.resource.pk).file_size == len(same)
    drop(page, "fractions.pdf", same, "application/pdf")
    first = uploads.nth(0)
    first.filter(has_text="uploaded.").wait_for()
    assert "Already in the hub as" in first.inner_text()
    assert first.get_by_role("link", name="Year 4 fractions unit plan", exact=True).is_visible()
    assert "Nearly the same text" not in first.inner_text()  # said once, as the same file
    first.get_by_role("button", name="Remove fractions.pdf").click()
    assert uploads.count() == 0

    # A new file about maths: sent at once, kept for the form, its group suggested.
    text = file_bytes("txt", "Times tables", ["Times tables and multiplication facts practice."])
    drop(page, "times-tables.txt", text)
    uploads.nth(0).filter(has_text="uploaded.").wait_for()
    assert page.locator("[data-upload-list] input[name=keep]").count() == 1
    assert_accessible(page)
    page.get_by_label("Title").fill("Times tables practice")
    before = Resource.objects.count()
    page.get_by_role("button", name="Share").click()
    page.wait_for_load_state()
    assert Resource.objects.count() == before + 1
    shared = Resource.objects.latest("pk")
    assert shared.title == "Times tables practice"
    assert shared.file_size == len(text)
