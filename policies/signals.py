from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PolicyPage
from .services import record_version


@receiver(page_published, sender=PolicyPage)
def record_policy_version(sender, instance, revision=None, **kwargs):
    """Each publish with changed text or file becomes a numbered version (see services)."""
    record_version(instance, user=getattr(revision, "user", None))
