"""Bulk import of a folder of files into the hub (see hub/IMPORT.md for the CSV columns).

Re-running is safe: a file whose content is already in the hub (same hash) is skipped, so an
interrupted import simply carries on where it stopped."""

import csv
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.utils.file import hash_filelike

from hub.filetypes import validate_upload
from hub.models import KeyStage, Resource, ResourceType, ResourceVersion
from hub.services import create_resource
from hub.vocabulary import Vocabulary
from pages.models import SchoolPage, WorkingGroupPage

COLUMNS = [
    "path",
    "title",
    "description",
    "resource_type",
    "groups",
    "key_stages",
    "subject",
    "school",
    "visibility",
    "restricted_to",
    "tags",
    "uploaded_by",
]
VISIBILITIES = {value for value, _label in Resource.VISIBILITY_CHOICES}


class RowError(ValueError):
    pass


def split(value):
    return [item.strip() for item in (value or "").split(";") if item.strip()]


class Lookups:
    """Names in the CSV resolved once per import. An unknown or ambiguous vocabulary value
    (type, key stage, group, school, uploader) leaves that field empty with a warning; only
    what would change who may see the file stops it (a visibility without its school or
    groups), since guessing there could show it to the wrong people."""

    def __init__(self):
        self.types = Vocabulary(ResourceType.objects.all(), lambda t: (t.slug, t.name))
        self.stages = Vocabulary(KeyStage.objects.all(), lambda k: (k.code, k.name))
        self.groups = Vocabulary(WorkingGroupPage.objects.all(), lambda g: (g.slug, g.title))
        self.schools = Vocabulary(SchoolPage.objects.all(), lambda s: (s.slug, s.title))
        self.django_groups = {g.name.lower(): g for g in Group.objects.all()}
        self.users = {}

    @staticmethod
    def lenient(vocabulary, value, what, warnings):
        found, why = vocabulary.match(value)
        if found is None:
            warnings.append(f"{why} {what} '{value}': imported without it")
        return found

    def user(self, username, warnings):
        if username not in self.users:
            self.users[username] = get_user_model().objects.filter(username=username).first()
        if self.users[username] is None:
            warnings.append(f"unknown user '{username}': imported without an uploader")
        return self.users[username]

    def metadata(self, row, default_visibility):
        """(fields, warnings) for one CSV row; RowError when the file cannot be imported."""
        warnings = []
        fields = {
            "title": (row.get("title") or "").strip(),
            "description": (row.get("description") or "").strip(),
            "subject": (row.get("subject") or "").strip(),
            "visibility": (row.get("visibility") or default_visibility).strip().lower(),
        }
        if fields["visibility"] not in VISIBILITIES:
            raise RowError(f"unknown visibility '{fields['visibility']}'")
        if (row.get("resource_type") or "").strip():
            value = row["resource_type"].strip()
            if found := self.lenient(self.types, value, "type", warnings):
                fields["resource_type"] = found
        if (row.get("school") or "").strip():
            value = row["school"].strip()
            if found := self.lenient(self.schools, value, "school", warnings):
                fields["school"] = found
        fields["working_groups"] = [
            g
            for v in split(row.get("groups"))
            if (g := self.lenient(self.groups, v, "group", warnings))
        ]
        fields["key_stages"] = list(
            {
                k.pk: k
                for v in split(row.get("key_stages"))
                if (k := self.lenient(self.stages, v, "key stage", warnings))
            }.values()
        )
        restricted = split(row.get("restricted_to"))
        unknown = [g for g in restricted if g.lower() not in self.django_groups]
        if unknown:
            raise RowError(f"unknown Django group '{unknown[0]}' in restricted_to")
        fields["restricted_to"] = [self.django_groups[g.lower()] for g in restricted]
        fields["tags"] = split(row.get("tags"))
        if (row.get("uploaded_by") or "").strip():
            user = self.user(row["uploaded_by"].strip(), warnings)
            if user is not None:
                fields["user"] = user
        if fields["visibility"] == Resource.RESTRICTED and not fields["restricted_to"]:
            raise RowError("visibility 'restricted' needs restricted_to")
        if fields["visibility"] == Resource.SCHOOL and "school" not in fields:
            raise RowError("visibility 'school' needs a school it can find")
        return fields, warnings


def read_metadata(csv_path):
    """{relative path: (line number, row)}; unknown columns stop the import before it starts."""
    rows = {}
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in (reader.fieldnames or [])]
        unknown = [h for h in header if h not in COLUMNS]
        if unknown:
            raise CommandError(
                f"{csv_path}, line 1: unknown column(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(COLUMNS)}"
            )
        if "path" not in header:
            raise CommandError(f"{csv_path}, line 1: the 'path' column is required")
        reader.fieldnames = header
        for row in reader:
            extra = row.pop(None, None)
            if extra:
                raise CommandError(f"{csv_path}, line {reader.line_num}: more values than columns")
            rel = os.path.normpath((row.get("path") or "").strip())
            if not rel or rel.startswith(".."):
                raise CommandError(f"{csv_path}, line {reader.line_num}: missing or bad path")
            rows[rel] = (reader.line_num, row)
    return rows


class Command(BaseCommand):
    help = "Import a folder of files into the resource hub, skipping files already there."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Folder to import (searched recursively)")
        parser.add_argument("--metadata", help="CSV of metadata per file (see hub/IMPORT.md)")
        parser.add_argument(
            "--visibility",
            default=Resource.TRUST,
            choices=sorted(VISIBILITIES),
            help="Visibility of files the CSV does not describe",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar")

    def handle(self, *args, path, metadata=None, visibility=Resource.TRUST, quiet=False, **options):
        root = Path(path)
        if not root.is_dir():
            raise CommandError(f"{root} is not a folder")
        rows = read_metadata(metadata) if metadata else {}
        csv_abs = Path(metadata).resolve() if metadata else None
        files = sorted(
            p
            for p in root.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts)
            and p.resolve() != csv_abs
        )
        missing = sorted(set(rows) - {os.path.normpath(str(p.relative_to(root))) for p in files})
        lookups = Lookups()
        known = set(Resource.objects.exclude(file_hash="").values_list("file_hash", flat=True))
        known |= set(
            ResourceVersion.objects.exclude(file_hash="").values_list("file_hash", flat=True)
        )
        imported, skipped, warned = 0, [], []
        for file_path in tqdm(
            files, desc="Importing", unit="file", disable=quiet, file=self.stderr
        ):
            rel = os.path.normpath(str(file_path.relative_to(root)))
            line, row = rows.get(rel, (None, {}))
            where = f"{rel}" + (f" (CSV line {line})" if line else "")
            try:
                with open(file_path, "rb") as handle:
                    digest = hash_filelike(handle)
                    if digest in known:
                        skipped.append((where, "already in the hub (same content)"))
                        continue
                    upload = File(handle, name=file_path.name)
                    kind = validate_upload(upload)
                    fields, warnings = lookups.metadata(row, visibility)
                    user = fields.pop("user", None)
                    fields["title"] = fields["title"] or _title_from(file_path.name)
                    handle.seek(0)
                    create_resource(handle, name=file_path.name, kind=kind, user=user, **fields)
            except ValidationError as exc:
                skipped.append((where, " ".join(exc.messages)))
                continue
            except RowError as exc:
                skipped.append((where, str(exc)))
                continue
            known.add(digest)
            imported += 1
            warned += [(where, warning) for warning in warnings]
        for rel in missing:
            skipped.append((f"{rel} (CSV line {rows[rel][0]})", "named in the CSV but not found"))
        self.stdout.write(
            f"Imported {imported} file(s); skipped {len(skipped)}; {len(warned)} warning(s)."
        )
        for where, why in warned:
            self.stdout.write(f"  warning {where}: {why}")
        for where, why in skipped:
            self.stdout.write(f"  skipped {where}: {why}")


def _title_from(filename):
    base = os.path.splitext(filename)[0]
    return base.replace("_", " ").replace("-", " ").strip().capitalize() or "Untitled"
