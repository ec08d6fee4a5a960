import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo import samples
from hub import browse_cache
from hub.extraction import extract_resource_text
from hub.models import Resource
from hub.services import create_resource
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory

from .factories import ResourceFactory, file_bytes


@pytest.mark.parametrize("kind", ["pdf", "docx", "pptx", "xlsx", "odt", "txt"])
def test_extraction_finds_text_of_each_format(db, home, kind):
    resource = ResourceFactory(
        title=f"Sample {kind}", kind=kind, lines=[f"capybara{kind} appears here"]
    )
    resource.refresh_from_db()
    assert f"capybara{kind}" in resource.extracted_text
    assert resource.preview_status == Resource.PREVIEW_READY
    found = [r.pk for r in Resource.objects.search(f"capybara{kind}")]
    assert found == [resource.pk]
    if kind == "pdf":
        assert resource.page_count == 1


def test_pdf_page_cap(db, home, settings):
    settings.HUB_EXTRACT_MAX_PAGES = 2
    resource = create_resource(
        io.BytesIO(samples.make_pdf("Long", ["x"], pages=5)),
        name="long.pdf",
        kind="pdf",
        title="Long",
    )
    resource.refresh_from_db()
    assert resource.page_count == 5
    assert "Page 2 of 5" in resource.extracted_text
    assert "Page 3 of 5" not in resource.extracted_text


@pytest.mark.parametrize(
    "data,kind",
    [
        (samples.make_zip_bomb(), "docx"),
        (b"%PDF-1.4\nthis is not really a pdf", "pdf"),
        (samples.make_docx("x")[:200], "docx"),
    ],
)
def test_bombs_and_broken_files_get_no_preview(db, home, data, kind):
    resource = create_resource(io.BytesIO(data), name=f"bad.{kind}", kind=kind, title="Bad")
    resource.refresh_from_db()
    assert resource.preview_status == Resource.PREVIEW_NONE
    assert resource.extracted_text == ""
    # Running the task again directly must not raise either.
    extract_resource_text.call(resource.pk)


def test_zip_bomb_upload_is_refused(teacher_client, tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = teacher_client.post(
        "/hub/share/",
        {
            "files": [SimpleUploadedFile("bomb.docx", samples.make_zip_bomb())],
            "visibility": "trust",
        },
    )
    assert "could not be accepted" in response.content.decode()
    assert not Resource.objects.exists()


def make_many(n, school, group, uploader, start=0):
    for i in range(start, start + n):
        ResourceFactory(
            title=f"Bulk {i}",
            school=school,
            working_groups=[group],
            uploaded_by_user=uploader,
            tags=[f"t{i % 3}"],
            kind="txt",
            visibility=[Resource.TRUST, Resource.SCHOOL][i % 2],
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/hub/", "/hub/?group=maths&sort=downloads", "/hub/?q=bulk"])
def test_browse_query_count_is_constant(client, tree, make_user, url):
    school = SchoolPageFactory(parent=tree.schools, slug="coppice")
    group = WorkingGroupPageFactory(parent=tree.groups, slug="maths")
    user = make_user("teacher.q", school=school)
    client.force_login(user)
    make_many(5, school, group, user)
    client.get(url)  # warm caches (content types, site)
    browse_cache.bump()  # but not the browse answer: both counts below compute it
    small = count_queries(client, url)
    make_many(25, school, group, user, start=5)
    large = count_queries(client, url)
    assert small == large


def test_detail_and_download_query_counts_are_small(client, tree, make_user):
    user = make_user("teacher.d")
    client.force_login(user)
    resource = ResourceFactory(title="Counted")
    client.get(resource.get_absolute_url())
    assert count_queries(client, resource.get_absolute_url()) < 25


def test_file_bytes_makers_produce_their_kind(db):
    from hub.filetypes import sniff

    for kind in ["pdf", "docx", "pptx", "xlsx", "odt"]:
        assert sniff(io.BytesIO(file_bytes(kind, "x", ["y"]))) == kind
