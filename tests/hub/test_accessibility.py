"""The accessibility checker on files with and without each problem, and what the hub does with
its findings."""

import io

import pytest

from hub.accessibility import check_docx, check_file, check_pdf, check_pptx

from . import documents


def codes(findings):
    return {f["code"] for f in findings}


def check_bytes(tmp_path, data, kind):
    path = tmp_path / f"file.{kind}"
    path.write_bytes(data)
    return {"pdf": check_pdf, "docx": check_docx, "pptx": check_pptx}[kind](str(path))


def test_accessible_pdf_has_no_findings(tmp_path):
    assert check_bytes(tmp_path, documents.make_pdf(), "pdf") == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"tagged": False}, "pdf-untagged"),
        ({"title": ""}, "no-title"),
        ({"lang": ""}, "no-language"),
        ({"heading": False}, "no-headings"),
        ({"scanned": True}, "scanned-pages"),
    ],
)
def test_pdf_problem_found(tmp_path, options, code):
    findings = check_bytes(tmp_path, documents.make_pdf(**options), "pdf")
    assert code in codes(findings)
    found = next(f for f in findings if f["code"] == code)
    assert found["problem"] and found["fix"]


def test_accessible_docx_has_no_findings(tmp_path):
    assert check_bytes(tmp_path, documents.make_docx(), "docx") == []
    assert check_bytes(tmp_path, documents.make_docx(image_alt=False), "docx") == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"title": ""}, "no-title"),
        ({"lang": ""}, "no-language"),
        ({"heading": False}, "no-headings"),
        ({"image_alt": None}, "images-without-alt"),
    ],
)
def test_docx_problem_found(tmp_path, options, code):
    assert codes(check_bytes(tmp_path, documents.make_docx(**options), "docx")) == {code}


def test_accessible_pptx_has_no_findings(tmp_path):
    assert check_bytes(tmp_path, documents.make_pptx(), "pptx") == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"title": ""}, "no-title"),
        ({"lang": ""}, "no-language"),
        ({"slide_title": False}, "no-headings"),
        ({"image_alt": None}, "images-without-alt"),
    ],
)
def test_pptx_problem_found(tmp_path, options, code):
    assert codes(check_bytes(tmp_path, documents.make_pptx(**options), "pptx")) == {code}


def test_other_kinds_are_not_checked(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    assert check_file(str(path), "txt") is None


def test_broken_file_raises_for_the_caller(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 nothing")
    with pytest.raises(Exception):  # noqa: B017 - extraction turns any failure into "unchecked"
        check_pdf(str(path))


@pytest.fixture
def people(tree, make_user):
    from tests.factories import SchoolPageFactory

    school = SchoolPageFactory(parent=tree.schools, title="Coppice", slug="coppice")
    return make_user("t1.coppice", school=school), make_user("t2.coppice", school=school)


def _share(uploader, data, name):
    from hub.services import create_resource

    kind = name.rsplit(".", 1)[1]
    return create_resource(
        io.BytesIO(data),
        name=name,
        kind=kind,
        user=uploader,
        title=name,
        school=uploader.profile.school,
    )


def test_findings_stored_at_extraction_and_shown_to_the_uploader(people, client):
    from hub.models import Resource

    uploader, colleague = people
    resource = _share(uploader, documents.make_docx(title=""), "plan.docx")
    resource.refresh_from_db()
    assert resource.accessible is False
    assert codes(resource.accessibility_findings) == {"no-title"}
    client.force_login(uploader)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Make it accessible" in page and "File › Info › Properties" in page
    client.force_login(colleague)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Make it accessible" not in page
    assert "1 thing to fix" in page
    good = _share(uploader, documents.make_pdf(), "good.pdf")
    good.refresh_from_db()
    assert good.accessible is True
    assert "tag--accessible" in client.get(good.get_absolute_url()).content.decode()
    assert list(Resource.objects.accessible()) == [good]
    assert list(Resource.objects.accessible(False)) == [resource]
    text = _share(uploader, b"notes", "notes.txt")
    text.refresh_from_db()
    assert text.accessible is None


def test_trust_admins_see_the_share_of_accessible_documents_per_school(people, make_user, client):
    uploader, colleague = people
    from hub.services import count_download

    good = _share(uploader, documents.make_pdf(), "good.pdf")
    _share(uploader, documents.make_docx(lang=""), "no-lang.docx")
    count_download(good, colleague)
    count_download(good, uploader)  # same school: still one resource used
    _share(uploader, b"notes", "notes.txt")  # not a checked kind
    client.force_login(colleague)
    assert client.get("/admin/reports/accessible-documents/").status_code in {302, 403}
    client.force_login(make_user("admin.user", is_superuser=True))
    response = client.get("/admin/reports/accessible-documents/")
    assert response.status_code == 200
    school = uploader.profile.school
    assert response.context["rows"] == [
        {
            "school_id": school.pk,
            "school": "Coppice",
            "checked": 2,
            "accessible": 1,
            "percent": 50,
            "used": 1,
        }
    ]
    assert "language is not set" in response.content.decode()
