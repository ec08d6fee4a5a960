"""The resource hub's document model (WAGTAILDOCS_DOCUMENT_MODEL), its versions and vocabularies.

Who may see a resource is decided in people/visibility.py only; `Resource.objects.visible_to`
is how the rest of the project asks it."""

import os
import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from pages.models import SchoolPage
from people.visibility import permitted_resource_ids, visible_resources


def resource_upload_to(instance, filename):
    # Everything lives under `resources/`, which the private media view refuses to serve, and
    # under a random folder so that a file name never reveals or collides with another upload.
    base, ext = os.path.splitext(os.path.basename(filename))
    return f"resources/{uuid.uuid4().hex}/{slugify(base)[:80] or 'file'}{ext.lower()}"


class ResourceType(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


register_snippet(ResourceType)


class KeyStage(models.Model):
    """Phases and year groups a resource is for (EYFS, KS1, KS2, Year 1–6, whole school)."""

    code = models.CharField(max_length=20, unique=True, help_text="e.g. KS1, Y3, EYFS")
    name = models.CharField(max_length=40)
    sort_order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class ResourceQuerySet(DocumentQuerySet):
    def visible_to(self, user):
        """Resources of this queryset that `user` may see (withdrawn: only their uploader)."""
        return visible_resources(user, self)

    def listed_for(self, user):
        """What lists, counts and feeds show: visible and not withdrawn."""
        return self.visible_to(user).filter(withdrawn=False)

    def permitted_ids(self, user):
        """A `values("pk")` subquery of what `user` may see, or None for everything."""
        return permitted_resource_ids(user)

    def with_school_usage(self, user):
        """Annotate `schools_using`: distinct schools whose staff downloaded each resource or
        adapted it (adaptations counted only when `user` may see them). For browse's
        "most used across schools": `.with_school_usage(user).order_by("-schools_using")`."""
        downloaders = Download.objects.filter(resource=OuterRef(OuterRef("pk"))).values("school")
        adopters = (
            Resource.objects.visible_to(user)
            .filter(adapted_from=OuterRef(OuterRef("pk")), withdrawn=False)
            .values("school")
        )
        schools = (
            SchoolPage.objects.filter(Q(pk__in=downloaders) | Q(pk__in=adopters))
            .order_by()
            .annotate(n=Func(F("pk"), function="COUNT"))
            .values("n")
        )
        return self.annotate(schools_using=Coalesce(Subquery(schools), 0))

    def accessible(self, value=True):
        """Checked documents with (True) or without (False) accessibility problems."""
        return self.filter(accessible=value)


class Resource(AbstractDocument):
    TRUST, SCHOOL, RESTRICTED = "trust", "school", "restricted"
    VISIBILITY_CHOICES = [
        (TRUST, "Everyone in the trust"),
        (SCHOOL, "Staff of the contributing school"),
        (RESTRICTED, "Only named groups"),
    ]
    PREVIEW_PENDING, PREVIEW_READY, PREVIEW_NONE = "pending", "ready", "none"
    PREVIEW_CHOICES = [
        (PREVIEW_PENDING, "Being prepared"),
        (PREVIEW_READY, "Ready"),
        (PREVIEW_NONE, "No preview"),
    ]

    file = models.FileField(upload_to=resource_upload_to, max_length=255, verbose_name="file")
    description = models.TextField(blank=True)
    resource_type = models.ForeignKey(
        ResourceType, null=True, blank=True, on_delete=models.SET_NULL, related_name="resources"
    )
    working_groups = models.ManyToManyField(
        "pages.WorkingGroupPage", blank=True, related_name="resources"
    )
    key_stages = models.ManyToManyField(KeyStage, blank=True, related_name="resources")
    subject = models.CharField(max_length=80, blank=True)
    school = models.ForeignKey(
        "pages.SchoolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text="The contributing school; blank for the trust central team",
    )
    visibility = models.CharField(max_length=12, choices=VISIBILITY_CHOICES, default=TRUST)
    restricted_to = models.ManyToManyField(Group, blank=True, related_name="+")
    review_date = models.DateField(null=True, blank=True)
    file_type = models.CharField(max_length=10, blank=True, help_text="Detected from the content")
    page_count = models.PositiveIntegerField(null=True, blank=True)
    download_count = models.PositiveIntegerField(default=0, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    preview_status = models.CharField(
        max_length=10, choices=PREVIEW_CHOICES, default=PREVIEW_PENDING, editable=False
    )
    withdrawn = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Wagtail's own file_hash is SHA-1; the share form finds the same file by SHA-256.
    sha256 = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    text_fingerprint = models.TextField(
        blank=True, editable=False, help_text="Bottom-k shingle hashes (hub/similarity.py)"
    )
    adapted_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text="The resource this one was adapted from",
    )
    # None: not a checked document type (or not checked yet); the findings say what to fix.
    accessible = models.BooleanField(null=True, blank=True, editable=False)
    accessibility_findings = models.JSONField(default=list, blank=True, editable=False)

    objects = ResourceQuerySet.as_manager()

    admin_form_fields = Document.admin_form_fields + (
        "description",
        "resource_type",
        "working_groups",
        "key_stages",
        "subject",
        "school",
        "visibility",
        "restricted_to",
        "review_date",
        "withdrawn",
    )
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description", boost=3),
        index.SearchField("subject", boost=2),
        index.SearchField("extracted_text"),
        # What staff filter by is also what they type: "ks2", "Year 3", "policy".
        index.RelatedFields(
            "key_stages", [index.SearchField("code", boost=2), index.SearchField("name", boost=2)]
        ),
        index.RelatedFields("resource_type", [index.SearchField("name", boost=2)]),
        index.FilterField("withdrawn"),
        index.FilterField("visibility"),
        index.FilterField("school_id"),
        index.FilterField("resource_type_id"),
        index.FilterField("download_count"),
        index.FilterField("accessible"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = "resource"
        verbose_name_plural = "resources"
        permissions = [("choose_resource", "Can choose resource")]
        indexes = [
            models.Index(fields=["visibility", "withdrawn"]),
            # The browse page's default and "most downloaded" orders.
            models.Index(fields=["-created_at"], name="hub_resource_newest_idx"),
            models.Index(fields=["-download_count"], name="hub_resource_downloads_idx"),
        ]

    @property
    def slug(self):
        return slugify(self.title)[:60] or "resource"

    def get_absolute_url(self):
        return reverse("hub:detail", args=[self.pk, self.slug])

    def get_download_url(self):
        return reverse("hub:download", args=[self.pk, self.slug])

    @property
    def current_version_number(self):
        return self.versions.aggregate(n=models.Max("number"))["n"] or 1


class ResourceVersion(models.Model):
    """Every file a resource has had, the first included; the resource's own `file` is the
    newest one, so the resource URL never changes when a new version is uploaded."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=resource_upload_to, max_length=255)
    original_name = models.CharField(max_length=255, blank=True)
    change_note = models.CharField(max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    file_size = models.PositiveBigIntegerField(null=True)
    file_hash = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="unique_resource_version")
        ]

    def __str__(self):
        return f"{self.resource} v{self.number}"

    def get_download_url(self):
        return reverse(
            "hub:version_download", args=[self.resource_id, self.resource.slug, self.number]
        )


class Download(models.Model):
    """Who took a resource, once per person and day: the download count counts people, not
    clicks, and per-school usage comes from here."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(
        "pages.SchoolPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "user", "day"], name="one_download_per_person_per_day"
            )
        ]
        indexes = [models.Index(fields=["resource", "school"])]

    def __str__(self):
        return f"{self.user} took {self.resource} on {self.day}"
