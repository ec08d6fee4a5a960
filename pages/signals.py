from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from people.roles import ensure_lead_role

from .models import WorkingGroupPage
from .navigation import forget_tree


@receiver(post_save, sender=WorkingGroupPage)
def give_new_group_a_lead_role(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if instance.lead_group_id is None:
        ensure_lead_role(instance)


# The cached Site and menu (pages/navigation.py) follow every change to the tree.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(forget_tree)
post_delete.connect(forget_tree, sender=Page)
post_save.connect(forget_tree, sender=Site)
post_delete.connect(forget_tree, sender=Site)
