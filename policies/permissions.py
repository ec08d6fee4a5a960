"""Who may do what with policies: the one place views, services and tasks ask.

- Everyone signed in reads the policies they can see (Wagtail view restrictions apply) and
  acknowledges them, only ever for themselves.
- Headteachers (the Headteachers group, or job role "headteacher") and their named delegates
  adapt or adopt policies for their own school and see their own school's acknowledgements.
- Trust administrators do all of that for every school."""

from functools import cached_property

from people.models import StaffProfile
from people.roles import headteachers_group_id
from people.visibility import can_view_page, is_trust_admin, viewer

from .models import PolicyDelegate


class PolicyAccess:
    """A user's policy powers, worked out once per request (a few queries, then free)."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def is_admin(self):
        return bool(self.user.is_authenticated and is_trust_admin(self.user))

    @cached_property
    def profile(self):
        if not self.user.is_authenticated:
            return None
        return StaffProfile.objects.select_related("school").filter(user=self.user).first()

    @cached_property
    def school(self):
        return self.profile.school if self.profile else None

    @cached_property
    def is_headteacher(self):
        if not self.user.is_authenticated or not self.user.is_active:
            return False
        if self.profile and self.profile.job_role == "headteacher":
            return True
        return headteachers_group_id() in viewer(self.user).group_ids

    @cached_property
    def delegated_school_ids(self):
        if not self.user.is_authenticated:
            return set()
        return set(
            PolicyDelegate.objects.filter(user=self.user).values_list("school_id", flat=True)
        )

    @cached_property
    def managed_school_ids(self):
        """Schools this user adapts policies for and sees reports of (admins: see is_admin)."""
        ids = set(self.delegated_school_ids)
        if self.is_headteacher and self.school:
            ids.add(self.school.pk)
        return ids

    def can_manage_school(self, school):
        return bool(self.user.is_active) and (
            self.is_admin or (school is not None and school.pk in self.managed_school_ids)
        )

    @property
    def can_see_reports(self):
        return self.is_admin or bool(self.managed_school_ids)

    def can_view_policy(self, policy):
        return can_view_page(self.user, policy)

    def can_acknowledge(self, policy):
        return self.user.is_authenticated and self.user.is_active and self.can_view_policy(policy)


def access_for(request):
    """One PolicyAccess per request, so repeated checks in a view cost nothing."""
    access = getattr(request, "_policy_access", None)
    if access is None or access.user is not request.user:
        access = PolicyAccess(request.user)
        request._policy_access = access
    return access
