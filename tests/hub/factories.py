"""Factories for the resource hub: every resource gets a real small file made by code."""

import io

import factory
from factory.django import DjangoModelFactory

from demo import samples
from hub.models import Resource, ResourceType
from hub.services import create_resource

MAKERS = {
    "pdf": samples.make_pdf,
    "docx": samples.make_docx,
    "pptx": samples.make_pptx,
    "xlsx": lambda title, lines: samples.make_xlsx(title, [[line] for line in lines]),
    "odt": samples.make_odt,
    "txt": lambda title, lines: "\n".join([title, *lines]).encode(),
}


def file_bytes(kind, title, lines=()):
    return MAKERS[kind](title, list(lines))


class ResourceFactory(DjangoModelFactory):
    """ResourceFactory(title=..., visibility=..., school=..., restricted_to=[group],
    working_groups=[page], uploaded_by_user=user, kind="pdf", lines=["searchable words"])"""

    title = factory.Sequence(lambda n: f"Resource {n}")
    visibility = Resource.TRUST

    class Meta:
        model = Resource

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        kind="pdf",
        lines=(),
        working_groups=(),
        key_stages=(),
        restricted_to=(),
        tags=(),
        uploaded_by_user=None,
        **kwargs,
    ):
        data = file_bytes(kind, kwargs["title"], lines or [f"About {kwargs['title']}"])
        if "resource_type" not in kwargs:
            kwargs["resource_type"] = ResourceType.objects.order_by("sort_order").first()
        return create_resource(
            io.BytesIO(data),
            name=f"{kwargs['title'][:40]}.{kind}",
            kind=kind,
            user=uploaded_by_user,
            working_groups=working_groups,
            key_stages=key_stages,
            restricted_to=restricted_to,
            tags=tags,
            **kwargs,
        )
