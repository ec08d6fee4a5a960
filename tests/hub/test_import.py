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


def test_unknown_school_imports_the_file_without_it_and_warns(folder, tmp_path, capsys):
    csv_path = write_csv(tmp_path / "meta.csv", "path,school\ntracker.xlsx,atlantis\n")
    call_command("import_resources", str(folder), metadata=csv_path, visibility="trust", quiet=True)
    out = capsys.readouterr().out
    assert (
        "warning tracker.xlsx (CSV line 2): unknown school 'atlantis': imported without it" in out
    )
    resource = Resource.objects.get(file_type="xlsx")
    assert resource.school is None and resource.visibility == "trust"


def test_school_visibility_without_a_known_school_still_skips(folder, tmp_path, capsys):
    # Guessing who may see it could show it to the wrong people.
    csv_path = write_csv(
        tmp_path / "meta.csv", "path,school,visibility\ntracker.xlsx,atlantis,school\n"
    )
    call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    out = capsys.readouterr().out
    assert "skipped tracker.xlsx (CSV line 2): visibility 'school' needs a school" in out
    assert not Resource.objects.filter(file_type="xlsx").exists()


def test_vocabulary_matches_by_slug_name_prefix_and_school_spellings(folder, tmp_path, capsys):
    rows = [
        "path,title,resource_type,key_stages,groups,uploaded_by",
        "maths/fractions.pdf,One,training,KS 2;Yr 4;year 3,Maths,nobody",
        "tracker.xlsx,Two,Training / CPD,ks1;Key Stage 2;whole school,MATHS,lead.maths",
    ]
    csv_path = write_csv(tmp_path / "meta.csv", "\n".join(rows) + "\n")
    call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    out = capsys.readouterr().out
    one, two = Resource.objects.get(title="One"), Resource.objects.get(title="Two")
    assert one.resource_type.slug == two.resource_type.slug == "training-cpd"
    assert sorted(one.key_stages.values_list("code", flat=True)) == ["KS2", "Y3", "Y4"]
    assert sorted(two.key_stages.values_list("code", flat=True)) == ["KS1", "KS2", "whole-school"]
    assert [g.slug for g in one.working_groups.all()] == ["maths"]
    assert one.uploaded_by_user is None
    assert "unknown user 'nobody': imported without an uploader" in out


def test_unknown_or_ambiguous_values_leave_the_field_empty(folder, tmp_path, capsys):
    rows = ["path,title,resource_type,key_stages", "tracker.xlsx,Three,p,KS9;KS2"]
    csv_path = write_csv(tmp_path / "meta.csv", "\n".join(rows) + "\n")
    call_command("import_resources", str(folder), metadata=csv_path, quiet=True)
    out = capsys.readouterr().out
    three = Resource.objects.get(title="Three")
    assert three.resource_type is None  # policy, planning, presentation: which one?
    assert list(three.key_stages.values_list("code", flat=True)) == ["KS2"]
    assert "ambiguous type 'p': imported without it" in out
    assert "unknown key stage 'KS9': imported without it" in out
