"""What the share form works out about a file before it becomes a resource: the same file
already in the hub (by SHA-256), resources with nearly the same text, and suggested working
groups, key stages and type. Only resources the sharer may see are ever mentioned."""

import os
import tempfile

from django.db.models import Q

from pages.models import WorkingGroupPage

from .extraction import extract_file
from .models import KeyStage, Resource, ResourceType
from .services import create_resource, file_metadata, sha256_of, title_from_filename
from .similarity import fingerprint, most_similar
from .suggest import suggest

NEAR_DUPLICATE_THRESHOLD = 0.5
# Near-duplicate search reads the fingerprints of at most this many resources, newest first.
MAX_CANDIDATES = 5000


def find_duplicate(user, sha256, sha1=""):
    """A resource `user` may see whose current or an earlier file is exactly this one. A
    duplicate the sharer may not see is not mentioned: the upload simply goes ahead. Rows
    stored before SHA-256 was recorded are matched by Wagtail's SHA-1 `file_hash`."""
    if not sha256:
        return None
    same = Q(sha256=sha256) | Q(versions__sha256=sha256)
    if sha1:
        same |= Q(sha256="", file_hash=sha1) | Q(versions__sha256="", versions__file_hash=sha1)
    return Resource.objects.visible_to(user).filter(same).order_by("pk").distinct().first()


def near_duplicates(user, text, *, exclude=None, limit=3):
    """[(score, resource)] of listed resources `user` may see with nearly the same text."""
    target = fingerprint(text)
    if not target:
        return []
    candidates = (
        Resource.objects.listed_for(user)
        .exclude(text_fingerprint="")
        .exclude(pk=getattr(exclude, "pk", exclude))
        .order_by("-created_at")
        .values_list("pk", "text_fingerprint")[:MAX_CANDIDATES]
    )
    scored = most_similar(target, candidates, threshold=NEAR_DUPLICATE_THRESHOLD, limit=limit)
    rows = Resource.objects.in_bulk([pk for _score, pk in scored])
    return [(score, rows[pk]) for score, pk in scored if pk in rows]


def suggestions(filename, text):
    groups = WorkingGroupPage.objects.live().values_list("pk", "slug", "title")
    return suggest(
        filename,
        text,
        groups=list(groups),
        key_stages=list(KeyStage.objects.values_list("pk", "code")),
        types=list(ResourceType.objects.values_list("pk", "slug")),
    )


def read_text(fileobj, name, kind):
    """The text of an upload not yet stored, bounded like extraction; "" if unreadable."""
    suffix = os.path.splitext(name)[1]
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)  # noqa: SIM115
    try:
        with handle:
            fileobj.seek(0)
            for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
                handle.write(chunk)
            fileobj.seek(0)
        text, _pages = extract_file(handle.name, kind)
        return text
    except Exception:
        return ""
    finally:
        os.unlink(handle.name)


def inspect(user, fileobj, name, kind):
    """Everything the share form tells the sharer about one file."""
    text = read_text(fileobj, name, kind)
    digest = sha256_of(fileobj)
    duplicate = find_duplicate(user, digest, file_metadata(fileobj)[1])
    return {
        "sha256": digest,
        "duplicate": duplicate,
        # The very same file is said once, as the duplicate, not again as "nearly the same".
        "similar": [(score, r) for score, r in near_duplicates(user, text) if r != duplicate],
        "suggestions": suggestions(name, text),
    }


SUGGESTED_FIELDS = ("working_groups", "key_stages", "resource_type")


def _suggested_fields(user, fileobj, name, kind):
    found = suggestions(name, read_text(fileobj, name, kind))
    return {
        "working_groups": WorkingGroupPage.objects.filter(pk__in=found["working_groups"]),
        "key_stages": KeyStage.objects.filter(pk__in=found["key_stages"]),
        "resource_type": ResourceType.objects.filter(pk=found["resource_type"]).first(),
    }


def share_files(user, files, *, title, fields, duplicates):
    """Create a resource for each (file, name, kind), except files already in the hub, which
    are staged in `duplicates` (a StagedUploads) with the resource they duplicate. When the
    sharer left groups, key stages and type all blank, each file gets those suggested from
    its own name and text. Returns the created resources."""
    created, seen = [], set()
    suggest_blank = not any(fields.get(name) for name in SUGGESTED_FIELDS)
    single = len(files) == 1
    for fileobj, name, kind in files:
        digest = sha256_of(fileobj)
        if digest in seen:
            continue  # the same file twice in one go
        seen.add(digest)
        existing = find_duplicate(user, digest, file_metadata(fileobj)[1])
        if existing is not None:
            duplicates.add(fileobj, kind, name=name, duplicate_of=existing.pk)
            continue
        own = dict(fields)
        if suggest_blank:
            own |= _suggested_fields(user, fileobj, name, kind)
        created.append(
            create_resource(
                fileobj,
                name=name,
                kind=kind,
                user=user,
                title=title if (title and single) else title_from_filename(name),
                **own,
            )
        )
    return created


def held_duplicates(user, duplicates):
    """[(staged item, resource)] for the staged duplicates still visible to `user`."""
    visible = Resource.objects.visible_to(user).in_bulk(
        [item["duplicate_of"] for item in duplicates]
    )
    return [
        (item, visible[item["duplicate_of"]])
        for item in duplicates
        if item["duplicate_of"] in visible
    ]
