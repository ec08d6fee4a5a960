"""Demo hub resources (demo/data/resources.yaml) with real small files made by code.

Idempotent: resources are found by title and left alone if they exist. Needs the schools,
groups and people of the demo trust."""

import io
import zlib

from django.contrib.auth.models import Group

from hub.models import KeyStage, Resource, ResourceType
from hub.services import create_resource
from pages.models import SchoolPage, WorkingGroupPage

from . import samples
from .people import account
from .records import load


def make_file(kind, title, text):
    lines = [text, f"Learning Trust for Excellence resource: {title}."]
    if kind == "pdf":
        return samples.make_pdf(title, lines, pages=2)
    if kind == "docx":
        return samples.make_docx(title, lines)
    if kind == "pptx":
        return samples.make_pptx(title, lines)
    if kind == "xlsx":
        return samples.make_xlsx(title, [[line] for line in lines])
    return samples.make_odt(title, lines)


def _create(item, uploader, **fields):
    title, kind = item["title"], item["format"]
    name = f"{title.lower().replace(' ', '-').replace(chr(39), '')}.{kind}"
    return create_resource(
        io.BytesIO(make_file(kind, title, item["text"])),
        name=name,
        kind=kind,
        user=uploader,
        title=title,
        description=item["text"],
        **fields,
    )


def load_resources():
    """Create the resources not there yet; returns (created, already there)."""
    data = load("resources")
    schools = {s.slug: s for s in SchoolPage.objects.all()}
    groups = {g.slug: g for g in WorkingGroupPage.objects.all()}
    types = {t.slug: t for t in ResourceType.objects.all()}
    stages = {k.code: k for k in KeyStage.objects.all()}
    existing = set(Resource.objects.values_list("title", flat=True))
    # Resources come from the schools in turn, in the order schools.yaml lists them.
    school_slugs = [school["slug"] for school in load("schools")["schools"]]
    created = counter = 0
    for shelf in data["by_group"]:
        group = groups.get(shelf["group"])
        for item in shelf["resources"]:
            counter += 1
            if item["title"] in existing:
                continue
            school_slug = school_slugs[counter % len(school_slugs)]
            # Alternately the group's lead and a teacher of the school it comes from.
            uploader = account(
                f"lead.{shelf['group']}" if counter % 2 else f"teacher.{school_slug}"
            )
            school = schools.get(school_slug)
            # Every fifth resource is for its own school's staff only.
            own_school = counter % 5 == 0 and school is not None
            _create(
                item,
                uploader,
                school=school,
                resource_type=types.get(item["type"]),
                subject=shelf["subject"],
                visibility=Resource.SCHOOL if own_school else Resource.TRUST,
                working_groups=[group] if group else [],
                key_stages=[stages[c] for c in shelf["key_stages"] if c in stages],
                tags=[shelf["subject"].lower(), item["type"].replace("-", " ")],
            )
            created += 1
    for item in data["restricted"]:
        if item["title"] in existing:
            continue
        audience = Group.objects.filter(name=item["audience"]).first()
        _create(
            item,
            account(item["shared_by"]),
            school=schools.get(item["school"]),
            resource_type=types.get(item["type"]),
            subject="Leadership",
            visibility=Resource.RESTRICTED if audience else Resource.TRUST,
            restricted_to=[audience] if audience else [],
            key_stages=[stages["whole-school"]] if "whole-school" in stages else [],
            tags=["confidential"],
        )
        created += 1
    # Believable download counts, so "most downloaded" sorts meaningfully; derived from the
    # title so that re-running gives the same numbers.
    titles = [i["title"] for shelf in data["by_group"] for i in shelf["resources"]]
    titles += [i["title"] for i in data["restricted"]]
    for resource in Resource.objects.filter(download_count=0, title__in=titles):
        resource.download_count = zlib.crc32(resource.title.encode()) % 140
        resource.save(update_fields=["download_count"])
    return created, len(existing)
