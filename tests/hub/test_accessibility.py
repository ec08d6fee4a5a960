"""The accessibility checker on files with and without each problem, and what the hub does with
its findings."""

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
