"""What makes cached browse answers (hub.browse_cache) out of date: any change to a resource,
its working groups, key stages, restricted groups or tags, or to the vocabularies they name."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import TaggedItem

from . import browse_cache
from .models import KeyStage, Resource, ResourceType


def connect():
    senders = [Resource, ResourceType, KeyStage, TaggedItem]
    links = [
        Resource.working_groups.through,
        Resource.key_stages.through,
        Resource.restricted_to.through,
    ]
    for sender in senders + links:
        post_save.connect(browse_cache.bump, sender=sender, dispatch_uid=f"hub-browse-{sender}")
        post_delete.connect(browse_cache.bump, sender=sender, dispatch_uid=f"hub-browse-d-{sender}")
    for through in links:
        m2m_changed.connect(
            browse_cache.bump, sender=through, dispatch_uid=f"hub-browse-m-{through}"
        )
