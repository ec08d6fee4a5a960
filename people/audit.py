"""The audit trail: who uploaded, downloaded, changed, withdrew, published, adapted or
acknowledged what, and whose roles and groups changed.

Entries are Wagtail's own audit log (`wagtail.log_actions.log`: ModelLogEntry for models,
PageLogEntry for pages), so the admin's page history shows them too. Each app records its own
actions and registers their labels with the `register_log_actions` hook (hub/ and policies/ in
their wagtail_hooks.py; people's own below): no lower app needs to know about a higher one.

Who did it: views pass the user; signal receivers (group membership changed in Wagtail's user
editor, say) take it from the active LogContext, which Wagtail's admin sets and
`AuditContextMiddleware` sets for the rest of the site.

The trail is read in the admin (Reports › Audit trail, people/audit_views.py) by trust
administrators only; nothing in the site or the admin edits or deletes an entry."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save, pre_save
from wagtail.log_actions import LogContext, log

from .models import StaffProfile

# action -> (label, message); registered by people/wagtail_hooks.py
ACTIONS = {
    "lte.groups": ("Roles and groups changed", "Roles and groups changed"),
    "lte.profile": ("Staff profile changed", "Staff profile changed"),
    "lte.two_factor_reset": ("Two-factor reset", "Two-factor sign-in removed by an operator"),
}


def register(actions, table):
    for action, (label, message) in table.items():
        actions.register_action(action, label, message)


class AuditContextMiddleware:
    """Outside Wagtail's admin (which sets its own), entries recorded while serving a request
    name the signed-in person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        if user is None:
            return self.get_response(request)
        with LogContext(user=user):
            return self.get_response(request)


def _names(model, pks):
    return sorted(str(obj) for obj in model.objects.filter(pk__in=pks))


def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Django group (role) membership: from the user's side or the group's."""
    if action not in {"post_add", "post_remove", "pre_clear"} or (
        action != "pre_clear" and not pk_set
    ):
        return
    User = get_user_model()
    if reverse:  # group.user_set changed: one entry per person
        users, groups = User.objects.filter(pk__in=pk_set or ()), [str(instance)]
        if action == "pre_clear":
            users = instance.user_set.all()
    else:
        users = [instance]
        if action == "pre_clear":
            groups = sorted(instance.groups.values_list("name", flat=True))
        else:
            groups = _names(model, pk_set)
    if not groups:
        return
    key = "added" if action == "post_add" else "removed"
    for user in users:
        log(user, "lte.groups", data={key: groups})


_PROFILE_FIELDS = ("school_id", "job_role", "job_title")


def remember_profile(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    before = StaffProfile.objects.filter(pk=instance.pk).values(*_PROFILE_FIELDS).first()
    instance._audit_before = before


def profile_saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_audit_before", None)
    if raw or created or before is None:
        return
    changes = {
        name: [str(before[name] or ""), str(getattr(instance, name) or "")]
        for name in _PROFILE_FIELDS
        if before[name] != getattr(instance, name)
    }
    if changes:
        log(instance.user, "lte.profile", data={"changed": changes})


def working_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse or action not in {"post_add", "post_remove"} or not pk_set:
        return
    key = "joined" if action == "post_add" else "left"
    log(instance.user, "lte.profile", data={key: _names(model, pk_set)})


def connect():
    User = get_user_model()
    m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid="audit-groups")
    pre_save.connect(remember_profile, sender=StaffProfile, dispatch_uid="audit-profile-pre")
    post_save.connect(profile_saved, sender=StaffProfile, dispatch_uid="audit-profile")
    m2m_changed.connect(
        working_groups_changed,
        sender=StaffProfile.working_groups.through,
        dispatch_uid="audit-working-groups",
    )
