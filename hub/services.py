"""Creating resources and versions, shared by the share form, new versions, import and demo."""

import datetime
import os

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.utils.file import hash_filelike

from people.jobs import enqueue_after_commit
from people.visibility import viewer

from .extraction import extract_resource_text
from .models import Download, Resource, ResourceVersion


def file_metadata(fileobj):
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    digest = hash_filelike(fileobj)
    fileobj.seek(0)
    return size, digest


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
        file_type=kind, uploaded_by_user=user, file_size=size, file_hash=digest, **fields
    )
    resource.file.save(os.path.basename(name), _as_file(fileobj, name), save=False)
    resource.save()
    resource.working_groups.set(working_groups)
    resource.key_stages.set(key_stages)
    resource.restricted_to.set(restricted_to)
    if tags:
        resource.tags.set(list(tags))
    record_first_version(resource, name=name, user=user)
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
    number = resource.current_version_number + 1
    version = ResourceVersion(
        resource=resource,
        number=number,
        original_name=name,
        uploaded_by=user,
        file_size=size,
        file_hash=digest,
        change_note=change_note,
    )
    version.file.save(os.path.basename(name), _as_file(fileobj, name), save=False)
    version.save()
    Resource.objects.filter(pk=resource.pk).update(
        file=version.file.name,
        file_size=size,
        file_hash=digest,
        file_type=kind,
        preview_status=Resource.PREVIEW_PENDING,
    )
    resource.refresh_from_db()
    enqueue_after_commit(extract_resource_text, resource.pk)
    return version


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
    """Count a download once per person and day: reloading or retrying adds nothing."""
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
