"""Staff profiles: which school someone works at, their job, and their working groups."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models


def new_calendar_key():
    """A fresh per-user key for the private calendar address (people/tokens.py)."""
    return secrets.token_hex(16)


class StaffProfile(models.Model):
    JOB_ROLES = [
        ("teacher", "Teacher"),
        ("teaching_assistant", "Teaching assistant"),
        ("senco", "SENCO"),
        ("headteacher", "Headteacher"),
        ("deputy", "Deputy / assistant head"),
        ("office", "Office staff"),
        ("business_manager", "Business manager"),
        ("trust_central", "Trust central team"),
        ("other", "Other"),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    school = models.ForeignKey(
        "pages.SchoolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_profiles",
        help_text="Leave blank for the trust central team",
    )
    job_role = models.CharField(max_length=30, choices=JOB_ROLES, default="teacher")
    job_title = models.CharField(max_length=120, blank=True, help_text="e.g. 'Year 2 teacher'")
    working_groups = models.ManyToManyField(
        "pages.WorkingGroupPage", blank=True, related_name="members"
    )
    # Part of the private calendar address (people/tokens.py); redrawn when the user resets it.
    calendar_key = models.CharField(max_length=32, default=new_calendar_key, editable=False)

    class Meta:
        verbose_name = "staff profile"

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def school_name(self):
        return self.school.title if self.school_id else "Trust central team"


class UsernameAlias(models.Model):
    """A second username that signs in to the same account (see people/backends.py).

    For one person who holds two roles that each have a well-known username: the demo's
    `lead.headteachers-forum` is Coppice's headteacher, `head.coppice`, so reports, profiles
    and acknowledgements show one person, not two."""

    alias = models.CharField(max_length=150, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="username_aliases"
    )

    class Meta:
        verbose_name = "username alias"
        verbose_name_plural = "username aliases"

    def __str__(self):
        return f"{self.alias} → {self.user.get_username()}"

    def clean(self):
        if get_user_model().objects.filter(username__iexact=self.alias).exists():
            raise ValidationError({"alias": "A user already has this username."})
