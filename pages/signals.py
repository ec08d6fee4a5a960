from django.db.models.signals import post_save
from django.dispatch import receiver

from people.roles import ensure_lead_role

from .models import WorkingGroupPage


@receiver(post_save, sender=WorkingGroupPage)
def give_new_group_a_lead_role(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if instance.lead_group_id is None:
        ensure_lead_role(instance)
