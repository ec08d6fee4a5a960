"""Creating resources and versions, shared by the share form, new versions, import and demo."""

import datetime
import hashlib
import os

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log
from wagtail.utils.file import hash_filelike

from people.jobs import enqueue_after_commit
from people.visibility import viewer

from .extraction import extract_resource_text
from .models import Download, Resource, ResourceVersion
from .signals import resource_text_changed

# The hub's entries in the audit trail (people/audit.py); registered by hub/wagtail_hooks.py.
AUDIT_ACTIONS = {
    "lte.upload": ("Upload", "Uploaded"),
    "lte.new_version": ("New version", "Uploaded a new version"),
    "lte.download": ("Download", "Downloaded"),
    "lte.metadata": ("Details changed", "Changed the details"),
    "lte.visibility": ("Visibility changed", "Changed who may see it"),
    "lte.withdraw": ("Withdraw", "Withdrawn"),
    "lte.restore": ("Restore", "Restored"),
}


def file_metadata(fileobj):
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    digest = hash_filelike(fileobj)
    fileobj.seek(0)
    return size, digest


def sha256_of(fileobj):
    """SHA-256 of a file object, read in chunks, leaving it rewound."""
    fileobj.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def _as_file(fileobj, name):
    return fileobj if isinstance(fileobj, File) else File(fileobj, name=name)


@transaction.atomic
def create_resource(
    fileobj,
    *,
    name,
    kind,
    user=None,
    working_groups=(),
    key_stages=(),
    restricted_to=(),
    tags=(),
    **fields,
):
    """Store a checked file as a new resource with version 1; extraction is queued."""
    size, digest = file_metadata(fileobj)
    resource = Resource(
        file_type=kind,
        uploaded_by_user=user,
        file_size=size,
        file_hash=digest,
        sha256=sha256_of(fileobj),
        **fields,
    )
    resource.file.save(os.path.basename(name), _as_file(fileobj, name), save=False)
    resource.save()
    resource.working_groups.set(working_groups)
    resource.key_stages.set(key_stages)
    resource.restricted_to.set(restricted_to)
    if tags:
        resource.tags.set(list(tags))
    record_first_version(resource, name=name, user=user)
    log(resource, "lte.upload", user=user, data={"file": os.path.basename(name)})
    enqueue_after_commit(extract_resource_text, resource.pk)
    return resource


def create_resources(files, *, user, title="", **fields):
    """One resource per (file object, original name, kind), from the share form. The title
    given applies when there is one file; several files are titled from their names."""
    return [
        create_resource(
            fileobj,
            name=name,
            kind=kind,
            user=user,
            title=title if (title and len(files) == 1) else title_from_filename(name),
            **fields,
        )
        for fileobj, name, kind in files
    ]


def title_from_filename(filename):
    base = os.path.splitext(os.path.basename(filename))[0]
    return base.replace("_", " ").replace("-", " ").strip().capitalize() or "Untitled"


def record_first_version(resource, *, name, user=None, change_note="First version"):
    """Version 1 of a resource whose file is already stored (by create_resource, or by the
    Wagtail admin's add form); it shares that stored object, so there is no second copy."""
    version = ResourceVersion.objects.create(
        resource=resource,
        number=1,
        file=resource.file.name,
        original_name=name,
        uploaded_by=user,
        file_size=resource.file_size,
        file_hash=resource.file_hash,
        sha256=resource.sha256,
        change_note=change_note,
    )
    return version


@transaction.atomic
def add_version(resource, fileobj, *, name, kind, user=None, change_note=""):
    """Keep every earlier file listed and downloadable; the resource (and its URL) carries on
    with the new file. Used by the hub's "new version" form and the Wagtail admin alike."""
    # The row lock makes concurrent uploads of the same resource take turns, so each one reads
    # the number the previous one wrote.
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    size, digest = file_metadata(fileobj)
    sha256 = sha256_of(fileobj)
    number = resource.current_version_number + 1
    version = ResourceVersion(
        resource=resource,
        number=number,
        original_name=name,
        uploaded_by=user,
        file_size=size,
        file_hash=digest,
        sha256=sha256,
        change_note=change_note,
    )
    version.file.save(os.path.basename(name), _as_file(fileobj, name), save=False)
    version.save()
    Resource.objects.filter(pk=resource.pk).update(
        file=version.file.name,
        file_size=size,
        file_hash=digest,
        sha256=sha256,
        file_type=kind,
        preview_status=Resource.PREVIEW_PENDING,
    )
    resource.refresh_from_db()
    log(resource, "lte.new_version", user=user, data={"version": number, "file": name})
    enqueue_after_commit(extract_resource_text, resource.pk)
    return version


# Fields whose change alters who may see a resource.
VISIBILITY_FIELDS = ("visibility", "school", "restricted_to")
SIMPLE_FIELDS = ("title", "description", "resource_type", "subject", "school", "visibility")
SIMPLE_FIELDS += ("review_date",)
MANY_FIELDS = ("working_groups", "key_stages", "restricted_to", "tags")


def _snapshot(resource):
    values = {name: str(getattr(resource, name) or "") for name in SIMPLE_FIELDS}
    for name in MANY_FIELDS:
        values[name] = ", ".join(sorted(str(item) for item in getattr(resource, name).all()))
    return values


@transaction.atomic
def update_resource(resource, *, user, withdrawn, **fields):
    """Save edited details; the audit trail records what changed, and separately a change of
    who may see it and a withdrawal."""
    before = _snapshot(resource)
    for name in SIMPLE_FIELDS:
        setattr(resource, name, fields[name])
    resource.save()
    for name in MANY_FIELDS:
        getattr(resource, name).set(fields[name])
    after = _snapshot(resource)
    changed = {name: [before[name], after[name]] for name in before if before[name] != after[name]}
    seen_by = {name: change for name, change in changed.items() if name in VISIBILITY_FIELDS}
    if seen_by:
        log(resource, "lte.visibility", user=user, data=seen_by)
    others = {name: change for name, change in changed.items() if name not in VISIBILITY_FIELDS}
    if others:
        log(resource, "lte.metadata", user=user, data=others)
        resource_text_changed.send(sender=type(resource), resource=resource)
    set_withdrawn(resource, withdrawn, user=user)
    return resource


def set_withdrawn(resource, withdrawn, *, user):
    if resource.withdrawn == withdrawn:
        return False
    resource.withdrawn = withdrawn
    resource.save(update_fields=["withdrawn", "updated_at"])
    log(resource, "lte.withdraw" if withdrawn else "lte.restore", user=user)
    return True


def count_download(resource, user):
    """Hand the download to the worker to count (no write in the request, issue 16.3)."""
    person = viewer(user)
    if not person.signed_in:
        return False
    enqueue_after_commit(
        record_download, resource.pk, person.pk, person.school_id, timezone.localdate().isoformat()
    )
    return True


@task()
def record_download(resource_id, user_id, school_id, day):
    """Every download goes in the audit trail; the count is once per person and day, so
    reloading or retrying adds nothing to it."""
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None:
        return False
    log(resource, "lte.download", user=get_user_model().objects.filter(pk=user_id).first())
    try:
        with transaction.atomic():
            Download.objects.create(
                resource_id=resource_id,
                user_id=user_id,
                school_id=school_id,
                day=datetime.date.fromisoformat(day),
            )
    except IntegrityError:
        return False
    # F() so that simultaneous downloads never overwrite each other's count.
    Resource.objects.filter(pk=resource_id).update(download_count=F("download_count") + 1)
    return True
