"""Hub's signals. `resource_text_changed` is sent for apps above hub (search embeds the text on
it). `connect` wires what makes cached browse answers (hub.browse_cache) out of date: any change
to a resource, its working groups, key stages, restricted groups or tags, to the vocabularies
they name, or to its searchable text."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from taggit.models import TaggedItem

from . import browse_cache
from .models import KeyStage, Resource, ResourceType

# A resource's searchable text changed: its file's text was extracted (in the worker) and
# indexed, or its details were edited. Sent with `resource`.
resource_text_changed = Signal()


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
    resource_text_changed.connect(browse_cache.bump, dispatch_uid="hub-browse-text")
    for through in links:
        m2m_changed.connect(
            browse_cache.bump, sender=through, dispatch_uid=f"hub-browse-m-{through}"
        )
