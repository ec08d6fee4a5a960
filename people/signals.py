from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from pages.models import WorkingGroupPage

from .models import StaffProfile
from .roles import ensure_lead_role


@receiver(post_save, sender=WorkingGroupPage)
def give_new_group_a_lead_role(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if instance.lead_group_id is None:
        ensure_lead_role(instance)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def every_user_has_a_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        StaffProfile.objects.get_or_create(user=instance)
