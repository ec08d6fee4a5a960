from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from .models import StaffProfile
from .visibility import forget_page_restrictions


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def every_user_has_a_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        StaffProfile.objects.get_or_create(user=instance)


# The list of view restrictions is cached (people/visibility.py): any change to a restriction,
# its groups, or the tree path of a restricted page forgets it.
post_save.connect(forget_page_restrictions, sender=PageViewRestriction)
post_delete.connect(forget_page_restrictions, sender=PageViewRestriction)
m2m_changed.connect(forget_page_restrictions, sender=PageViewRestriction.groups.through)
post_page_move.connect(forget_page_restrictions)
