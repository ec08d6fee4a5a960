"""Backups that restore: `manage.py backup DIR` and `manage.py restore DIR`.

A backup folder holds
- `types.json` and `data.json`: every row, as Django's dumpdata JSON, which loads into SQLite or PostgreSQL
  alike. Primary keys are kept, content types and permissions included with theirs, so every
  reference (and every resource and page address) is the same after a restore. Not natural
  keys: Wagtail's log entries may point at pages deleted since, which a natural key would have
  to look up.
- `media/`: a copy of every stored file (local storage), or `media-keys.txt`: the list of S3
  keys with their sizes (the bucket has its own versioning and replication; copying it is S3's
  job, not ours).
- `manifest.json`: row counts per model and the sha256 of both dumps and of every file, which
  `restore` checks before loading anything and again afterwards.

Left out, because they are rebuilt or do not matter once restored: sessions, the job queue, sign-in attempt logs, editing
sessions, and the search index (rebuilt by `update_index` at the end of the restore)."""

import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
TYPES = ["contenttypes", "auth.permission"]
DUMPS = ["types.json", "data.json"]
EXCLUDED = [
    "sessions",
    "django_tasks_database",
    "axes",
    "wagtailadmin.editingsession",
    "wagtailsearch",
    "intranet_search.term",
]


class BackupError(Exception):
    pass


def sha256_of(handle):
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def stored_files(storage=default_storage, folder=""):
    """Every file name in the storage, recursively, sorted."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # local storage that has never stored anything
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for directory in directories:
        names.extend(stored_files(storage, f"{folder}/{directory}" if folder else directory))
    return sorted(names)


def is_local(storage=default_storage):
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def backed_up_models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in excluded_apps or meta.label_lower in excluded_models:
            continue
        yield model


def row_counts():
    return {model._meta.label_lower: model._default_manager.count() for model in backed_up_models()}


def media_hashes(storage=default_storage):
    hashes = {}
    for name in stored_files(storage):
        with storage.open(name, "rb") as handle:
            hashes[name] = sha256_of(handle)
    return hashes


def backup(target):
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: back up into a new folder.")
    target.mkdir(parents=True, exist_ok=True)
    # One read-only snapshot for the counts and the dump (PostgreSQL's REPEATABLE READ would be
    # better still; a transaction keeps SQLite's view consistent too).
    with transaction.atomic():
        counts = row_counts()
        # Content types and permissions in a file of their own, loaded first: loading any
        # other row may look a content type up, which would create it under a new id.
        call_command(
            "dumpdata",
            *TYPES,
            output=str(target / "types.json"),
            format="json",
            verbosity=0,
        )
        call_command(
            "dumpdata",
            exclude=EXCLUDED + TYPES,
            output=str(target / "data.json"),
            format="json",
            verbosity=0,
        )
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "counts": counts,
        "dumps": {name: sha256_of((target / name).open("rb")) for name in DUMPS},
    }
    if is_local():
        media = target / "media"
        files = {}
        for name in stored_files():
            destination = media / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, destination.open("wb") as copy:
                for chunk in iter(lambda source=source: source.read(1024 * 1024), b""):
                    copy.write(chunk)
            files[name] = sha256_of(destination.open("rb"))
        manifest["media"] = {"kind": "copy", "files": files}
    else:
        keys = [(name, default_storage.size(name)) for name in stored_files()]
        (target / "media-keys.txt").write_text(
            "".join(f"{name}\t{size}\n" for name, size in keys), encoding="utf-8"
        )
        manifest["media"] = {"kind": "s3-keys", "keys": {name: size for name, size in keys}}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def read_manifest(source):
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"No readable manifest.json in {source}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}")
    for name in DUMPS:
        path = source / name
        if not path.is_file() or sha256_of(path.open("rb")) != manifest["dumps"].get(name):
            raise BackupError(f"{name} is missing or does not match its hash in the manifest")
    if manifest["media"]["kind"] == "copy":
        for name, digest in manifest["media"]["files"].items():
            path = source / "media" / name
            if not path.is_file() or sha256_of(path.open("rb")) != digest:
                raise BackupError(f"media/{name} is missing or does not match its hash")
    return manifest


def check_pending_constraints():
    """PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending
    in the transaction (when restore runs inside a larger one): run them now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def database_is_empty():
    user_model = apps.get_model("auth", "User")
    resource = apps.get_model("hub", "Resource")
    return not user_model.objects.exists() and not resource.objects.exists()


def restore(source, *, replace=False, rebuild_index=True):
    """Load a backup into this (migrated) database and storage; returns the manifest after
    checking that counts and file hashes are those of the backup."""
    source = Path(source)
    manifest = read_manifest(source)
    if not replace and not database_is_empty():
        raise BackupError("The database already has users or resources: restore into an empty one.")
    with transaction.atomic():
        # Rows that migrations seeded (content types, Wagtail's root page and site,
        # vocabularies) are in the dump too, with the ids other rows point at: start from no
        # rows at all, and let nothing recreate them before the load.
        check_pending_constraints()
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        for name in DUMPS:
            call_command("loaddata", str(source / name), verbosity=0)
        ContentType.objects.clear_cache()
        if row_counts() != manifest["counts"]:
            raise BackupError("Row counts after loading differ from the manifest")
    if manifest["media"]["kind"] == "copy":
        for name in manifest["media"]["files"]:
            if default_storage.exists(name):
                default_storage.delete(name)
            with (source / "media" / name).open("rb") as handle:
                saved = default_storage.save(name, handle)
            if saved != name:
                raise BackupError(f"Storage renamed {name} to {saved}")
        if media_hashes() != manifest["media"]["files"]:
            raise BackupError("Stored files after restoring differ from the manifest")
    else:
        missing = [name for name in manifest["media"]["keys"] if not default_storage.exists(name)]
        if missing:
            raise BackupError(f"{len(missing)} S3 keys are missing, e.g. {missing[0]}")
    # Content types and permissions of models newer than the backup.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    if rebuild_index:
        call_command("update_index", verbosity=0)
    return manifest


def describe(manifest):
    media = manifest["media"]
    files = len(media.get("files") or media.get("keys") or {})
    rows = sum(manifest["counts"].values())
    return f"{rows} rows in {len(manifest['counts'])} tables, {files} files ({media['kind']})"


__all__ = ["BackupError", "backup", "describe", "restore"]
