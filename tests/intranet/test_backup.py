"""backup -> wipe -> restore gives the same rows and the same files (SQLite, and PostgreSQL
when DATABASE_URL points at one)."""

import json
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from hub.models import Resource
from intranet.backup import check_pending_constraints, media_hashes, row_counts
from tests.factories import SchoolPageFactory
from tests.hub.factories import ResourceFactory


@pytest.fixture(autouse=True)
def fresh_content_types():
    """Flushing gives content types new ids; after the rollback the old ones are back, and no
    later test may see the ids this process cached in between."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_round_trip_keeps_counts_ids_and_file_hashes(db, tree, make_user, media, tmp_path):
    school = SchoolPageFactory(parent=tree.schools, title="Coppice Primary", slug="coppice")
    user = make_user("teacher.coppice", school=school)
    kept = [
        ResourceFactory(title="Fractions", kind="pdf", uploaded_by_user=user),
        ResourceFactory(title="Phonics", kind="docx", uploaded_by_user=user),
    ]
    counts, hashes = row_counts(), media_hashes()
    assert (
        counts["hub.resource"] == 2 and len(hashes) == 3
    )  # 2 files (shared by version 1) and the PDF's preview

    target = tmp_path / "backup"
    call_command("backup", str(target), verbosity=0)
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["counts"] == counts
    assert manifest["media"]["files"] == hashes

    # Wipe: no rows, no files.
    check_pending_constraints()
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert not get_user_model().objects.exists()

    call_command("restore", str(target), "--no-index", verbosity=0)
    assert row_counts() == counts
    assert media_hashes() == hashes
    restored = Resource.objects.get(pk=kept[0].pk)
    assert restored.title == "Fractions" and restored.uploaded_by_user.username == user.username
    with restored.file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_restore_refuses_a_database_with_data_and_a_tampered_backup(db, make_user, media, tmp_path):
    make_user("someone")
    target = tmp_path / "backup"
    call_command("backup", str(target), verbosity=0)
    with pytest.raises(CommandError, match="empty"):
        call_command("restore", str(target), "--no-index", verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(target), verbosity=0)
    (target / "data.json").write_text("[]")
    with pytest.raises(CommandError, match="hash"):
        call_command("restore", str(target), "--replace", "--no-index", verbosity=0)
