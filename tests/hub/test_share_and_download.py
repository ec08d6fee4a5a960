import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import samples
from hub.models import Resource, ResourceType
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory

from .factories import ResourceFactory


@pytest.fixture
def staff(tree, make_user, client):
    school = SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")
    group = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    user = make_user("teacher.coppice", school=school)
    user.profile.working_groups.add(group)
    client.force_login(user)
    return type("Staff", (), {"user": user, "school": school, "group": group, "client": client})


def pdf_upload(name="plan.pdf", title="Fractions plan"):
    return SimpleUploadedFile(name, samples.make_pdf(title, ["bar models"]), "application/pdf")


def test_share_form_defaults_to_own_school_but_not_own_groups(staff):
    response = staff.client.get("/hub/share/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["school"] == staff.school.pk
    # Groups are suggested from each file, never pre-ticked from the sharer's memberships.
    assert "working_groups" not in form.initial


def test_share_several_files(staff):
    kind = ResourceType.objects.get(slug="planning")
    response = staff.client.post(
        "/hub/share/",
        {
            "files": [pdf_upload(), SimpleUploadedFile("tracker.xlsx", samples.make_xlsx("T"))],
            "visibility": "trust",
            "resource_type": kind.pk,
            "school": staff.school.pk,
            "working_groups": [staff.group.pk],
            "tags": "fractions, year 4",
        },
    )
    assert response.status_code == 302
    assert Resource.objects.count() == 2
    resource = Resource.objects.get(file_type="pdf")
    assert resource.file.name.startswith("resources/")
    assert resource.uploaded_by_user == staff.user
    assert resource.preview_status == Resource.PREVIEW_READY
    assert "bar models" in resource.extracted_text
    assert set(resource.tags.names()) == {"fractions", "year 4"}
    assert list(resource.working_groups.all()) == [staff.group]


@pytest.mark.parametrize(
    "header", [b"\x7fELF\x02\x01\x01\x00" + b"\0" * 64, b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 64]
)
def test_disguised_executable_is_rejected_and_the_rest_kept(staff, header):
    response = staff.client.post(
        "/hub/share/",
        {
            "files": [SimpleUploadedFile("lesson.pdf", header), pdf_upload()],
            "visibility": "trust",
            "school": staff.school.pk,
        },
    )
    assert response.status_code == 200
    assert "lesson.pdf" in response.content.decode()
    assert "not a file type the hub accepts" in response.content.decode()
    assert list(Resource.objects.values_list("file_type", flat=True)) == ["pdf"]


def test_extension_must_match_content(staff):
    response = staff.client.post(
        "/hub/share/",
        {
            "files": [SimpleUploadedFile("notes.docx", samples.make_pdf("x"))],
            "visibility": "trust",
        },
    )
    assert "its content is a PDF file" in response.content.decode()
    assert not Resource.objects.exists()


def test_oversized_file_is_rejected(staff, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 500
    response = staff.client.post("/hub/share/", {"files": [pdf_upload()], "visibility": "trust"})
    assert response.status_code == 200
    assert "the largest file you can share is 500" in response.content.decode()
    assert not Resource.objects.exists()


def test_metadata_error_keeps_good_files(staff):
    response = staff.client.post(
        "/hub/share/", {"files": [pdf_upload()], "visibility": "restricted"}
    )
    assert response.status_code == 200
    staged = response.context["staged"]
    assert [s["name"] for s in staged] == ["plan.pdf"]
    assert not Resource.objects.exists()
    response = staff.client.post(
        "/hub/share/",
        {
            "keep": [staged[0]["token"]],
            "visibility": "trust",
            "title": "Kept plan",
        },
    )
    assert response.status_code == 302
    assert Resource.objects.get().title == "Kept plan"


def test_download_counts_each_person_once_a_day_and_sends_safe_headers(
    staff, make_user, school_day
):
    resource = ResourceFactory(title="Counting plan")
    for _ in range(3):  # reloading, retrying, a double click
        response = staff.client.get(resource.get_download_url())
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    resource.refresh_from_db()
    assert resource.download_count == 1
    colleague = make_user("colleague", school=staff.school)
    staff.client.force_login(colleague)
    staff.client.get(resource.get_download_url())
    school_day.shift(datetime.timedelta(days=1))
    staff.client.force_login(colleague)  # yesterday's session has expired
    staff.client.get(resource.get_download_url())
    resource.refresh_from_db()
    assert resource.download_count == 3
    assert set(resource.downloads.values_list("school_id", flat=True)) == {staff.school.pk}


def test_new_version_keeps_old_and_url(staff):
    resource = ResourceFactory(
        title="Versioned plan", uploaded_by_user=staff.user, lines=["old words"]
    )
    url = resource.get_absolute_url()
    response = staff.client.post(
        f"/hub/{resource.pk}-{resource.slug}/versions/new/",
        {
            "file": SimpleUploadedFile("v2.docx", samples.make_docx("Versioned", ["new words"])),
            "change_note": "Rewritten for September",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url
    resource.refresh_from_db()
    assert resource.file_type == "docx"
    assert "new words" in resource.extracted_text
    assert list(resource.versions.values_list("number", flat=True)) == [2, 1]
    old = staff.client.get(f"/hub/{resource.pk}-{resource.slug}/versions/1/download/")
    assert b"".join(old.streaming_content).startswith(b"%PDF-")
    new = staff.client.get(resource.get_download_url())
    assert b"".join(new.streaming_content).startswith(b"PK")
    page = staff.client.get(url).content.decode()
    assert "Rewritten for September" in page and "Download version 1" in page


def test_only_uploader_and_group_leads_edit(staff, make_user):
    resource = ResourceFactory(title="Someone else's", working_groups=[staff.group])
    edit = f"/hub/{resource.pk}-{resource.slug}/edit/"
    assert staff.client.get(edit).status_code == 403
    lead = make_user("lead.maths")
    lead.groups.add(staff.group.lead_group)
    staff.client.force_login(lead)
    assert staff.client.get(edit).status_code == 200
    response = staff.client.post(
        f"/hub/{resource.pk}-{resource.slug}/withdraw/", {"action": "withdraw"}
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.withdrawn


def test_detail_shows_pdf_preview(staff):
    resource = ResourceFactory(title="Previewed plan")
    page = staff.client.get(resource.get_absolute_url())
    assert b"preview.png" in page.content
    image = staff.client.get(f"/hub/{resource.pk}-{resource.slug}/preview.png")
    assert image.status_code == 200
    assert image.content.startswith(b"\x89PNG")


def test_private_media_route_refuses_resources(staff):
    resource = ResourceFactory(title="Direct path")
    assert staff.client.get(f"/media/{resource.file.name}").status_code == 404


def test_group_page_panel_lists_the_groups_latest_resources(staff):
    ResourceFactory(title="Group latest", working_groups=[staff.group])
    ResourceFactory(title="Withdrawn latest", working_groups=[staff.group], withdrawn=True)
    content = staff.client.get(staff.group.url).content.decode()
    assert "Group latest" in content
    assert "Withdrawn latest" not in content


def test_api_lists_and_searches_resources(staff):
    ResourceFactory(title="Wombat API plan", lines=["wombat"])
    data = staff.client.get("/api/v2/resources/?search=wombat").json()
    assert [item["title"] for item in data["items"]] == ["Wombat API plan"]


def test_bytes_helper_roundtrip():
    assert io.BytesIO(samples.make_pdf("x")).read(5) == b"%PDF-"


def test_image_preview_and_wagtail_serve_counts(staff):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
        b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
        b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    response = staff.client.post(
        "/hub/share/",
        {
            "files": [SimpleUploadedFile("chart.png", png)],
            "visibility": "trust",
            "title": "Chart",
        },
    )
    assert response.status_code == 302
    resource = Resource.objects.get(title="Chart")
    image = staff.client.get(f"/hub/{resource.pk}-{resource.slug}/preview.png")
    assert image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"
    served = staff.client.get(f"/documents/{resource.pk}/{resource.filename}", follow=True)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    resource.refresh_from_db()
    assert resource.download_count == 1


def test_rich_text_links_open_the_resource_page_by_id_only(staff, tree, make_user):
    from django.contrib.auth.models import Group
    from wagtail.rich_text import expand_db_html

    secret = ResourceFactory(
        title="Appraisal notes",
        visibility="restricted",
        restricted_to=[Group.objects.get(name="Headteachers")],
    )
    html = expand_db_html(f'<p><a linktype="document" id="{secret.pk}">the notes</a></p>')
    assert html == f'<p><a href="/hub/{secret.pk}/">the notes</a></p>'
    assert staff.client.get(f"/hub/{secret.pk}/").status_code == 404
    assert staff.client.get(f"/documents/{secret.pk}/x.pdf").status_code == 404
    mine = ResourceFactory(title="Fractions plan")
    response = staff.client.get(f"/hub/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == mine.get_absolute_url()


def test_hub_text_search_ranks_title_matches_first_and_keeps_filters(client, tree, make_user):
    from hub.models import ResourceType
    from tests.hub.factories import ResourceFactory

    planning = ResourceType.objects.get(slug="planning")
    ResourceFactory(title="Times tables practice", kind="txt", lines=["Includes fractions."])
    ResourceFactory(title="Fractions unit plan", kind="txt", resource_type=planning)
    ResourceFactory(title="Fractions assessment", kind="txt")
    client.force_login(make_user("searcher"))
    titles = [r.title for r in client.get("/hub/?q=fractions").context["items"]]
    assert titles[-1] == "Times tables practice"
    assert set(titles[:2]) == {"Fractions unit plan", "Fractions assessment"}
    filtered = client.get("/hub/?q=fractions&type=planning").context["items"]
    assert [r.title for r in filtered] == ["Fractions unit plan"]
    by_title = client.get("/hub/?q=fractions&sort=title").context["items"]
    assert [r.title for r in by_title] == sorted(titles)


def test_staff_share_only_for_their_own_school(staff, tree):
    other = SchoolPageFactory(parent=tree.schools, title="Langley", slug="langley")
    response = staff.client.get("/hub/share/")
    assert list(response.context["form"].fields["school"].queryset) == [staff.school]
    response = staff.client.post(
        "/hub/share/",
        {"files": [pdf_upload()], "visibility": "trust", "school": other.pk, "title": "Plan"},
    )
    assert response.status_code == 200
    assert "school" in response.context["form"].errors
    assert not Resource.objects.filter(school=other).exists()
    staff.client.post(
        "/hub/share/", {"files": [pdf_upload()], "visibility": "trust", "title": "Mine"}
    )
    assert Resource.objects.get(title="Mine").school == staff.school


def test_trust_administrators_share_for_any_school(client, staff, tree, make_user):
    from django.contrib.auth.models import Group

    from people import roles

    other = SchoolPageFactory(parent=tree.schools, title="Langley", slug="langley")
    admin = make_user("admin.share")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    client.force_login(admin)
    client.post(
        "/hub/share/",
        {"files": [pdf_upload()], "visibility": "trust", "school": other.pk, "title": "Theirs"},
    )
    assert Resource.objects.get(title="Theirs").school == other


def test_an_overlong_tag_is_a_clear_form_error_that_keeps_the_file(staff):
    response = staff.client.post(
        "/hub/share/",
        {"files": [pdf_upload()], "visibility": "trust", "tags": "maths, " + "x" * 150},
    )
    assert response.status_code == 200
    assert "under 100 characters" in response.content.decode()
    assert [s["name"] for s in response.context["staged"]] == ["plan.pdf"]
    assert not Resource.objects.exists()
