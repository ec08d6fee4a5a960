"""Trust model policies, their published versions, school adaptations and acknowledgements.

Lineage is kept in explicit rows rather than Wagtail revisions: a PolicyVersion is written each
time a policy is published with changed text (see signals.py), and adaptations and
acknowledgements point at the exact version they were based on / made for. Revisions can be
pruned or contain drafts; these rows are the audit trail."""

import datetime
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages.models import TrustPage
from people.models import StaffProfile

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]

AREAS = [
    ("safeguarding", "Safeguarding"),
    ("send", "SEND"),
    ("behaviour", "Behaviour"),
    ("attendance", "Attendance"),
    ("data_protection", "Data protection"),
    ("health_safety", "Health and safety"),
    ("curriculum", "Curriculum"),
    ("hr", "HR"),
    ("collaboration", "Collaboration"),
    ("other", "Other"),
]
REVIEW_CYCLES = [(12, "Every year"), (24, "Every two years"), (36, "Every three years")]
REVIEW_SOON_DAYS = 60


# The views behind the policy pages' routes, by name. The views import these models, so the
# models never import them: policies.views fills this in when it is imported (PoliciesConfig.ready).
VIEWS = SimpleNamespace()


def _route(pattern, view, name):
    """A route of a policy page that hands the request, the page and the URL's arguments to
    the view named `view` (the views hold the permission checks and templates)."""

    @path(pattern, name=name)
    def route(self, request, *args, **kwargs):
        return getattr(VIEWS, view)(request, self, *args, **kwargs)

    return route


class MultipleChoiceField(models.JSONField):
    """A list of choice values stored as JSON, edited with checkboxes (works on SQLite too)."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.choices_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


class PolicyIndexPage(RoutablePageMixin, TrustPage):
    """`/policies/`: the policy list and every policy tool (see views.py for the routes)."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["policies.PolicyPage"]
    max_count = 1

    index_route = _route("", "policy_index", "index")
    to_read_route = _route("to-read/", "to_read", "to_read")
    review_route = _route("review/", "review_dashboard", "review")
    completion_route = _route("acknowledgements/", "completion", "completion")
    completion_csv_route = _route("acknowledgements/csv/", "completion_csv", "completion_csv")
    drift_route = _route("drift/", "drift", "drift")
    drift_csv_route = _route("drift/csv/", "drift_csv", "drift_csv")
    updates_route = _route("updates/", "updates", "updates")


class PolicyPage(RoutablePageMixin, TrustPage):
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="policy owner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_policies",
    )
    area = models.CharField(max_length=30, choices=AREAS, default="other")
    statutory = models.BooleanField(default=False, help_text="Required by the DfE for schools")
    summary = models.TextField(blank=True, help_text="One or two sentences shown in lists")
    body = RichTextField(features=BODY_FEATURES, blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the policy as a file (e.g. the signed PDF)",
    )
    approval_date = models.DateField(default=datetime.date.today)
    review_cycle_months = models.PositiveSmallIntegerField(choices=REVIEW_CYCLES, default=12)
    next_review_date = models.DateField(editable=False, null=True)

    # What the next publish records about its version (see signals.py).
    change_note = models.CharField(
        max_length=255,
        blank=True,
        help_text="What changed in this version, in a sentence (shown to staff)",
    )
    material_change = models.BooleanField(
        default=True,
        help_text="Untick for a minor correction: earlier acknowledgements then stay valid",
    )
    ack_all_staff = models.BooleanField("all staff must read it", default=False)
    ack_job_roles = MultipleChoiceField(
        "job roles that must read it", choices_list=StaffProfile.JOB_ROLES
    )
    ack_schools = ParentalManyToManyField(
        "pages.SchoolPage", blank=True, verbose_name="schools whose staff must read it"
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("area"),
        index.FilterField("statutory"),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("area"), FieldPanel("statutory")]),
        FieldPanel("owner_user"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("approval_date"), FieldPanel("review_cycle_months")]),
        MultiFieldPanel(
            [
                FieldPanel("change_note"),
                FieldPanel("material_change"),
                FieldPanel("ack_all_staff"),
                FieldPanel("ack_job_roles"),
                FieldPanel("ack_schools"),
            ],
            heading="This version: change note and who must read it",
        ),
    ]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []

    current_route = _route("", "policy_detail", "current")
    version_route = _route("versions/<int:number>/", "version_detail", "version")
    acknowledge_route = _route("acknowledge/", "acknowledge", "acknowledge")
    adopt_route = _route("adopt/", "adopt", "adopt")
    adapt_route = _route("adapt/", "adapt", "adapt")
    adaptation_route = _route("schools/<slug:school_slug>/", "adaptation_detail", "adaptation")
    print_route = _route("schools/<slug:school_slug>/print/", "print_view", "print")
    merge_route = _route("schools/<slug:school_slug>/merge/", "merge", "merge")
    rebase_route = _route("schools/<slug:school_slug>/rebase/", "rebase", "rebase")
    report_route = _route("acknowledgements/", "policy_report", "report")
    report_csv_route = _route("acknowledgements/csv/", "policy_report_csv", "report_csv")
    remind_route = _route("remind/", "remind", "remind")

    def save(self, *args, **kwargs):
        # relativedelta keeps month ends sensible: approved 31 August -> review 28/29 February.
        self.next_review_date = self.approval_date + relativedelta(months=self.review_cycle_months)
        super().save(*args, **kwargs)

    @property
    def review_status(self):
        if not self.next_review_date:
            return ""
        today = timezone.localdate()
        if self.next_review_date < today:
            return "overdue"
        if self.next_review_date <= today + datetime.timedelta(days=REVIEW_SOON_DAYS):
            return "due"
        return "ok"


class PolicyVersion(models.Model):
    policy = models.ForeignKey(PolicyPage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    change_note = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True, help_text="Rich text of the policy at this version")
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    material = models.BooleanField(default=True)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audience_all_staff = models.BooleanField(default=False)
    audience_job_roles = models.JSONField(default=list, blank=True)
    audience_schools = models.ManyToManyField("pages.SchoolPage", blank=True, related_name="+")

    class Meta:
        ordering = ["policy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="policy_version_unique")
        ]

    def __str__(self):
        return f"{self.policy.title} v{self.number}"

    @property
    def requires_acknowledgement(self):
        return bool(
            self.audience_all_staff or self.audience_job_roles or self.audience_schools.all()
        )

    def in_audience(self, profile):
        """Whether a member of staff (their StaffProfile) must read this version.

        Uses .all() on audience_schools so a prefetch makes it free."""
        if self.audience_all_staff:
            return True
        if profile is None:
            return False
        if profile.job_role in (self.audience_job_roles or []):
            return True
        return any(s.pk == profile.school_id for s in self.audience_schools.all())


class SchoolAdaptation(models.Model):
    """A school's copy of a model policy: adopted as is, or adapted with its own text.

    A plain model rather than a child page: it is owned by a school, not by the page tree;
    headteachers (who have no admin access) edit it from the front end; it needs a unique
    (policy, school) constraint and an exact base version, which pages would not enforce."""

    ADOPTED = "adopted"
    ADAPTED = "adapted"
    STATUSES = [(ADOPTED, "Adopted as is"), (ADAPTED, "Adapted")]

    policy = models.ForeignKey(PolicyPage, on_delete=models.CASCADE, related_name="adaptations")
    school = models.ForeignKey(
        "pages.SchoolPage", on_delete=models.CASCADE, related_name="policy_adaptations"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=ADAPTED)
    base_version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, related_name="adaptations"
    )
    text = models.TextField(
        blank=True,
        help_text="The school's text: blank lines between paragraphs, '## ' for headings, "
        "'- ' for bullet points",
    )
    note = models.CharField("summary of local changes", max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["policy", "school"], name="one_adaptation_per_school")
        ]

    def __str__(self):
        return f"{self.policy.title} — {self.school.title}"


class PolicyDelegate(models.Model):
    """Someone a headteacher trusts to adapt policies for their school (e.g. a deputy)."""

    school = models.ForeignKey("pages.SchoolPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_delegations"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "user"], name="one_delegation_per_school")
        ]

    def __str__(self):
        return f"{self.user} for {self.school}"


class Acknowledgement(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_acknowledgements"
    )
    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField(default=timezone.now)
    # Which exact text was read: a hash of the version's body and file (see services.reading).
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_ack_per_user_version")
        ]

    def __str__(self):
        return f"{self.user} read {self.version}"


class ReminderLog(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "version", "sent_at"])]

    def __str__(self):
        return f"Reminder to {self.user} about {self.version}"


class DigestPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_digest"
    )
    weekly_digest = models.BooleanField(
        "email me a weekly summary of policy changes", default=False
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Digest preference of {self.user}"


class PolicyChangeReview(models.Model):
    """A school's decision on one change of the model policy (see policies/merge.py): accept
    the model's text, adapt it with the school's own words, or decline it with a reason.

    Keyed on the adaptation, the base version the change is measured from and the change's
    key, so partial progress survives between visits (and later model versions that leave the
    change alone). When every change is decided the adaptation moves to the new base and the
    rows are stamped with `merged_into`: they stay as the record of what the school declined."""

    ACCEPT = "accept"
    ADAPT = "adapt"
    DECLINE = "decline"
    DECISIONS = [
        (ACCEPT, "Accept the model's change"),
        (ADAPT, "Adapt it with our own wording"),
        (DECLINE, "Decline it"),
    ]

    adaptation = models.ForeignKey(
        SchoolAdaptation, on_delete=models.CASCADE, related_name="change_reviews"
    )
    from_version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=32)
    position = models.PositiveIntegerField(default=0)
    conflict = models.BooleanField(default=False)
    base_text = models.TextField(blank=True)
    model_text = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=DECISIONS)
    text = models.TextField("our wording", blank=True)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    merged_into = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["adaptation", "from_version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["adaptation", "from_version", "key"], name="one_review_per_change"
            )
        ]

    def __str__(self):
        return f"{self.adaptation}: {self.get_decision_display()}"
