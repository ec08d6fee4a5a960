"""What is embedded, when, and by whom: the worker, after the hub has extracted a file's text
or edited a resource's details (hub's `resource_text_changed` signal), and after a page is
published (Wagtail's `page_published`). The receivers only queue the job; nothing is embedded
in a request."""

import hashlib
import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models import Manager
from django.dispatch import receiver
from django.utils.encoding import force_str
from django_tasks import task
from wagtail.models import Page
from wagtail.search.index import RelatedFields, SearchField
from wagtail.signals import page_published, page_unpublished

from hub.models import Resource
from hub.signals import resource_text_changed
from people.jobs import enqueue_after_commit

from . import embed, enabled
from .models import DocVector
from .vectors import to_bytes

logger = logging.getLogger(__name__)
MAX_CHARS = 4000  # well past the model's 256 word pieces; the rest would be cut anyway


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    return force_str(value)


def _values(obj, fields):
    for field in fields:
        if isinstance(field, SearchField):
            yield field, _flatten(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            sub = field.get_value(obj)
            if sub is None:
                continue
            subs = sub.all() if isinstance(sub, Manager) else [sub() if callable(sub) else sub]
            for item in subs:
                yield from _values(item, field.fields)


def document_text(obj):
    """The object's indexed text, as Wagtail's index has it, title first and then the fields
    by their search boost (the model reads only its first 256 word pieces)."""
    parts = list(_values(obj, obj.get_search_fields()))
    parts.sort(key=lambda p: (p[0].field_name != "title", -(getattr(p[0], "boost", None) or 1)))
    text = " \n".join(t.strip() for _, t in parts if t and t.strip())
    return text[:MAX_CHARS]


def key_of(obj):
    """(content type id, object id) as Wagtail's index entry has them."""
    return ContentType.objects.get_for_model(type(obj)).pk, obj.pk


def embed_objects(objs, force=False):
    """Embed and store each object's text; unchanged texts are skipped unless `force`.
    Returns how many were embedded."""
    todo = []
    for obj in objs:
        ct, oid = key_of(obj)
        text = document_text(obj)
        digest = hashlib.sha1(text.encode()).hexdigest()  # noqa: S324 - change detection only
        if not force and DocVector.objects.filter(ct=ct, oid=oid, digest=digest).exists():
            continue
        todo.append((ct, oid, digest, text))
    if not todo:
        return 0
    vectors = embed([t for *_, t in todo])
    for (ct, oid, digest, _text), vector in zip(todo, vectors, strict=True):
        DocVector.objects.update_or_create(
            ct=ct, oid=oid, defaults={"vector": to_bytes(vector), "digest": digest}
        )
    return len(todo)


def _load(ct, oid):
    model = ContentType.objects.get_for_id(ct).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=oid).first()


@task()
def embed_document(ct, oid):
    """Embed one object's text (the worker)."""
    if not enabled():
        return 0
    obj = _load(ct, oid)
    if obj is None:
        DocVector.objects.filter(ct=ct, oid=oid).delete()
        return 0
    return embed_objects([obj])


def queue(obj):
    if enabled():
        ct, oid = key_of(obj)
        enqueue_after_commit(embed_document, ct, oid)


@receiver(resource_text_changed, dispatch_uid="search_semantic_resource")
def on_resource_text(sender, resource, **kwargs):
    queue(resource)


@receiver(page_published, dispatch_uid="search_semantic_page")
def on_page_published(sender, instance, **kwargs):
    queue(instance.specific)


@receiver(page_unpublished, dispatch_uid="search_semantic_unpublish")
def on_page_unpublished(sender, instance, **kwargs):
    # An unpublished page leaves the index, and its vector with it.
    DocVector.objects.filter(ct=key_of(instance.specific)[0], oid=instance.pk).delete()


def all_documents():
    """Every object Wagtail indexes that search spans: live pages and resources."""
    yield from Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200)
    yield from Resource.objects.all().iterator(chunk_size=200)
