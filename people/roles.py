"""The trust's roles, as Django groups with Wagtail page and collection permissions.

| role                  | Django group            | may                                              |
|-----------------------|-------------------------|--------------------------------------------------|
| trust administrator   | Trust administrators    | everything (pages everywhere, users, settings)   |
| headteacher           | Headteachers            | read; policy reports for their school            |
| working-group lead    | "<Group title> leads"   | add/edit/publish pages under their group only    |
| teacher / staff       | Staff                   | read; share resources; acknowledge policies      |

Each working group's lead role is created the first time the group's page is saved, so a new
group ("Science") gets its tree and its lead role without code changes."""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

TRUST_ADMINS = "Trust administrators"
HEADTEACHERS = "Headteachers"
HEADTEACHERS_CACHE_KEY = "lte:roles:headteachers-group"
STAFF = "Staff"
# Named audiences that resources and policies can be restricted to.
AUDIENCE_GROUPS = ["Safeguarding leads", "SENCOs"]

LEAD_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = LEAD_PAGE_PERMISSIONS + ["delete_page", "bulk_delete_page"]
# Wagtail checks document permissions against wagtaildocs.Document even with a custom document
# model (hub.Resource), so the codenames are the stock ones.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
ADMIN_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("wagtailcore", "change_site"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("people", "add_staffprofile"),
    ("people", "change_staffprofile"),
    ("people", "add_usernamealias"),
    ("people", "change_usernamealias"),
    ("people", "delete_usernamealias"),
    ("pages", "add_termdate"),
    ("pages", "change_termdate"),
    ("pages", "delete_termdate"),
    ("policies", "add_policydelegate"),
    ("policies", "change_policydelegate"),
    ("policies", "delete_policydelegate"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def lead_group_name(group_page):
    return f"{group_page.title} leads"


@transaction.atomic
def ensure_lead_role(group_page):
    """Create (or repair) the lead role of a working group and scope it to the group's tree."""
    group = group_page.lead_group
    if group is None:
        group, _ = Group.objects.get_or_create(name=lead_group_name(group_page))
        type(group_page).objects.filter(pk=group_page.pk).update(lead_group=group)
        group_page.lead_group = group
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in LEAD_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=group_page, permission=_page_permission(codename)
        )
    _grant_collection_permissions(group)
    return group


def _grant_collection_permissions(group):
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app_label, codename)
        )


@transaction.atomic
def ensure_base_roles():
    """The fixed roles. Safe to run any number of times."""
    staff, _ = Group.objects.get_or_create(name=STAFF)
    Group.objects.get_or_create(name=HEADTEACHERS)
    for name in AUDIENCE_GROUPS:
        Group.objects.get_or_create(name=name)
    admins, _ = Group.objects.get_or_create(name=TRUST_ADMINS)
    for app_label, codename in ADMIN_MODEL_PERMISSIONS:
        admins.permissions.add(_permission(app_label, codename))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in ADMIN_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=admins, page=root, permission=_page_permission(codename)
            )
    _grant_collection_permissions(admins)
    return staff


def headteachers_group_id():
    """The Headteachers group's id (0 if there is none), from the cache: a membership test is
    then `in viewer(user).group_ids`, with no query."""
    group_id = cache.get(HEADTEACHERS_CACHE_KEY)
    if group_id is None:
        group_id = Group.objects.filter(name=HEADTEACHERS).values_list("pk", flat=True).first()
        group_id = group_id or 0
        cache.set(HEADTEACHERS_CACHE_KEY, group_id, 300)
    return group_id
