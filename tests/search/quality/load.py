"""Creating the quality corpus through the hub's own service (`hub.services.create_resource`,
what the share form, the importer and the factories use), so text extraction and Wagtail's
index run exactly as for an upload. Files are plain text, a few DOCX and PDF among them, so
that extraction from real formats is part of the measurement."""

import io

from django.contrib.auth import get_user_model

from demo import samples
from hub.models import KeyStage, ResourceType
from hub.services import create_resource

from .corpus import documents

MAKERS = {
    "docx": samples.make_docx,
    "pdf": samples.make_pdf,
    "txt": lambda title, lines: "\n\n".join([title, *lines]).encode(),
}


def kind_for(index):
    return "docx" if index % 7 == 3 else "pdf" if index % 11 == 5 else "txt"


def load_corpus():
    """Creates every document (trust-wide); returns {resource id: document key}."""
    types = {t.slug: t for t in ResourceType.objects.all()}
    stages = {k.code: k for k in KeyStage.objects.all()}
    keys = {}
    for index, doc in enumerate(documents()):
        kind = kind_for(index)
        data = MAKERS[kind](doc["title"], doc["lines"])
        resource = create_resource(
            io.BytesIO(data),
            name=f"{doc['key']}.{kind}",
            kind=kind,
            title=doc["title"],
            description=doc["description"],
            resource_type=types.get(doc["type"]),
            key_stages=[stages[c] for c in doc["key_stages"] if c in stages],
            tags=doc["tags"],
        )
        keys[resource.pk] = doc["key"]
    return keys


def judge():
    """A superuser: the set judges ranking, not visibility (tests/search covers that)."""
    user, _ = get_user_model().objects.get_or_create(
        username="quality.judge", defaults={"is_superuser": True, "is_staff": True}
    )
    return user
