"""Staged uploads: kept across tries of the share form, deleted when dropped or done."""

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import samples
from hub.staging import SESSION_KEY, StagedUploads


def upload(name):
    return SimpleUploadedFile(name, samples.make_pdf(name, ["staged"]), "application/pdf")


def test_kept_files_stay_and_dropped_files_are_deleted(db):
    session = {}
    staged = StagedUploads(session)
    staged.add(upload("one.pdf"), "pdf")
    staged.add(upload("two.pdf"), "pdf")
    one, two = staged
    assert [item["name"] for item in session[SESSION_KEY]] == ["one.pdf", "two.pdf"]
    assert all(default_storage.exists(item["path"]) for item in (one, two))

    again = StagedUploads(session)  # the next request reads the same session
    again.keep_only([two["token"]])
    assert not default_storage.exists(one["path"]) and default_storage.exists(two["path"])
    [(handle, name, kind)] = again.files()
    with handle:
        assert handle.read(5) == b"%PDF-" and (name, kind) == ("two.pdf", "pdf")

    again.clear()
    assert session[SESSION_KEY] == [] and not default_storage.exists(two["path"])


def test_unknown_tokens_keep_nothing(db):
    session = {}
    staged = StagedUploads(session)
    staged.add(upload("one.pdf"), "pdf")
    staged.keep_only(["forged-token", "../../etc/passwd"])
    assert len(staged) == 0 and session[SESSION_KEY] == []
