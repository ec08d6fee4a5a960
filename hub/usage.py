"""★ Used and adapted by N schools: per-school usage of resources and the variants schools
made of them. A school "uses" a resource when any of its staff downloaded it (hub.Download keeps
one row per person, resource and day, so repeats add nothing) or when it shared an adapted copy.

Every figure is worked out for a viewer: only resources that viewer may see are counted, and an
adaptation the viewer may not see neither counts its school nor is listed."""

import difflib
import os
from collections import defaultdict

from django.db import transaction

from people.visibility import viewer

from .models import Download, Resource
from .services import create_resource

MAX_DIFF_LINES = 400  # of each text compared
MAX_DIFF_OUTPUT = 300


def schools_using(user, resource):
    """How many schools use `resource`, for a viewer who may see it (0 otherwise)."""
    row = (
        Resource.objects.visible_to(user)
        .filter(pk=resource.pk)
        .with_school_usage(user)
        .values_list("schools_using", flat=True)
        .first()
    )
    return row or 0


def usage_by_school(user):
    """{school id: number of distinct resources it used} over resources `user` may see."""
    visible = Resource.objects.listed_for(user).values("pk")
    pairs = set(
        Download.objects.filter(resource__in=visible, school__isnull=False)
        .values_list("school_id", "resource_id")
        .distinct()
    )
    pairs |= set(
        Resource.objects.listed_for(user)
        .filter(adapted_from__in=visible, school__isnull=False)
        .values_list("school_id", "adapted_from_id")
    )
    counts = defaultdict(int)
    for school_id, _resource_id in pairs:
        counts[school_id] += 1
    return dict(counts)


def variants(user, resource):
    """Adapted copies of `resource` that `user` may see, oldest first."""
    return list(
        Resource.objects.listed_for(user)
        .filter(adapted_from=resource)
        .select_related("school")
        .order_by("created_at", "pk")
    )


def adapting_schools(variant_list):
    return len({v.school_id for v in variant_list if v.school_id})


def text_diff(original, variant):
    """A unified diff of the two resources' extracted text, bounded; "" when either has none
    or they are the same."""
    a = (original.extracted_text or "").splitlines()[:MAX_DIFF_LINES]
    b = (variant.extracted_text or "").splitlines()[:MAX_DIFF_LINES]
    if not a or not b or a == b:
        return ""
    lines = list(
        difflib.unified_diff(a, b, fromfile=original.title, tofile=variant.title, lineterm="")
    )
    if len(lines) > MAX_DIFF_OUTPUT:
        lines = lines[:MAX_DIFF_OUTPUT] + ["… (diff shortened)"]
    return "\n".join(lines)


def can_adapt(user, resource):
    """Copies are made of trust-wide resources only, so that adapting can never carry a
    school's or a group's own resource to a wider audience."""
    return (
        viewer(user).signed_in and resource.visibility == Resource.TRUST and not resource.withdrawn
    )


@transaction.atomic
def adapt_resource(original, user):
    """A copy of `original` for the adapter's school to change, linked back to it. It starts
    seen by the adapter's own school only (the whole trust for the central team), until they
    have made it their own and choose to share it wider."""
    person = viewer(user)
    school_id = person.school_id
    with original.file.open("rb") as handle:
        copy = create_resource(
            handle,
            name=os.path.basename(original.file.name),
            kind=original.file_type,
            user=user,
            title=f"{original.title} (adapted)"[:255],
            description=original.description,
            resource_type=original.resource_type,
            subject=original.subject,
            school_id=school_id,
            visibility=Resource.SCHOOL if school_id else Resource.TRUST,
            adapted_from=original,
            working_groups=list(original.working_groups.all()),
            key_stages=list(original.key_stages.all()),
            tags=list(original.tags.names()),
        )
    return copy


def signals(user, resource):
    """What the resource page shows about use, lineage and accessibility."""
    variant_list = variants(user, resource)
    parent = (
        Resource.objects.listed_for(user).filter(pk=resource.adapted_from_id).first()
        if resource.adapted_from_id
        else None
    )
    return {
        "schools_using": schools_using(user, resource),
        "variants": [(v, text_diff(resource, v)) for v in variant_list],
        "adapting_schools": adapting_schools(variant_list),
        "adapted_from": parent,
        "can_adapt": can_adapt(user, resource),
    }
