import pytest
from django.core.management import CommandError, call_command

from demo import samples
from hub.models import Resource
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory


@pytest.fixture
def folder(tmp_path, tree, make_user):
    SchoolPageFactory(parent=tree.schools, slug="coppice")
    WorkingGroupPageFactory(parent=tree.groups, slug="maths")
    make_user("lead.maths")
    root = tmp_path / "import"
    (root / "maths").mkdir(parents=True)
    (root / "maths" / "fractions.pdf").write_bytes(samples.make_pdf("Fractions", ["okapi"]))
    (root / "maths" / "z-copy-of-fractions.pdf").write_bytes(
        samples.make_pdf("Fractions", ["okapi"])
    )
    (root / "tracker.xlsx").write_bytes(samples.make_xlsx("Tracker", [["a", 1]]))
    (root / "virus.pdf").write_bytes(b"MZ\x90\x00" + b"\0" * 100)
    (root / ".hidden.txt").write_text("ignored")
    return root


def write_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_twice_creates_no_duplicates(folder, tmp_path, capsys):
    csv_path = write_csv(
        tmp_path / "meta.csv",
        (
            "path,title,resource_type,groups,key_stages,school,visibility,tags,uploaded_by\n"
            "maths/fractions.pdf,Y4 fractions,planning,maths,KS2;Y4,coppice,school,frac;y4,"
            "lead.maths\n"
        ),
    )
    call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    out = capsys.readouterr().out
    assert Resource.objects.count() == 2
    assert "virus.pdf" in out and "already in the hub" in out
    resource = Resource.objects.get(title="Y4 fractions")
    assert resource.visibility == "school"
    assert resource.school.slug == "coppice"
    assert resource.uploaded_by_user.username == "lead.maths"
    assert sorted(resource.key_stages.values_list("code", flat=True)) == ["KS2", "Y4"]
    assert "okapi" in resource.extracted_text
    call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    assert Resource.objects.count() == 2
    assert "Imported 0 file(s)" in capsys.readouterr().out


def test_unknown_column_is_rejected_with_line(folder, tmp_path):
    csv_path = write_csv(tmp_path / "bad.csv", "path,colour\nx.pdf,red\n")
    with pytest.raises(CommandError, match="line 1: unknown column"):
        call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    assert not Resource.objects.exists()


def test_bad_row_value_skips_file_and_reports_line(folder, tmp_path, capsys):
    csv_path = write_csv(tmp_path / "meta.csv", "path,school\ntracker.xlsx,atlantis\n")
    call_command("import_resources", str(folder), metadata=csv_path, visibility="trust", quiet=True)
    out = capsys.readouterr().out
    assert "tracker.xlsx (CSV line 2): unknown school 'atlantis'" in out
    assert not Resource.objects.filter(file_type="xlsx").exists()
