from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import (
    Acknowledgement,
    PolicyChangeReview,
    PolicyDelegate,
    PolicyPage,
    PolicyVersion,
    SchoolAdaptation,
)
from .services import forget_person_panels, forget_policy_panels, record_version


@receiver(page_published, sender=PolicyPage)
def record_policy_version(sender, instance, revision=None, **kwargs):
    """Each publish with changed text or file becomes a numbered version (see services)."""
    record_version(instance, user=getattr(revision, "user", None))


def _forget_panels_now_and_on_commit(**kwargs):
    # Again on commit: a home page drawn between the change and its commit would otherwise
    # keep the old panels under the new generation.
    forget_policy_panels()
    transaction.on_commit(forget_policy_panels)


# Any change to versions, adaptations, delegates or reviews can change anyone's home panels.
for model in (PolicyVersion, SchoolAdaptation, PolicyDelegate, PolicyChangeReview):
    post_save.connect(_forget_panels_now_and_on_commit, sender=model, weak=False)
    post_delete.connect(_forget_panels_now_and_on_commit, sender=model, weak=False)
m2m_changed.connect(
    _forget_panels_now_and_on_commit, sender=PolicyVersion.audience_schools.through, weak=False
)


@receiver([post_save, post_delete], sender=Acknowledgement)
def forget_readers_panels(sender, instance, **kwargs):
    """An acknowledgement changes only its reader's list of policies to read."""
    forget_person_panels(instance.user_id)
    transaction.on_commit(lambda: forget_person_panels(instance.user_id))
