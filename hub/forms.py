from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from pages.models import SchoolPage, WorkingGroupPage
from people import roles
from people.visibility import viewer

from .filetypes import validate_upload
from .models import KeyStage, Resource, ResourceType

TAG_MAX_LENGTH = 100  # taggit's Tag.name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked on its own so errors can name the file."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f]


def audience_groups():
    return Group.objects.filter(name__in=[roles.HEADTEACHERS, *roles.AUDIENCE_GROUPS]).order_by(
        "name"
    )


class ResourceMetadataForm(forms.Form):
    title = forms.CharField(max_length=255, required=False)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    resource_type = forms.ModelChoiceField(
        ResourceType.objects.all(), required=False, empty_label="Choose a type"
    )
    working_groups = forms.ModelMultipleChoiceField(
        WorkingGroupPage.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    key_stages = forms.ModelMultipleChoiceField(
        KeyStage.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Key stages and years",
    )
    subject = forms.CharField(max_length=80, required=False)
    school = forms.ModelChoiceField(
        SchoolPage.objects.none(),
        required=False,
        label="Contributing school",
        empty_label="Trust central team",
    )
    visibility = forms.ChoiceField(
        choices=Resource.VISIBILITY_CHOICES,
        initial=Resource.TRUST,
        widget=forms.RadioSelect,
        label="Who can see it",
    )
    restricted_to = forms.ModelMultipleChoiceField(
        Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Named groups",
        help_text="Only used when 'Only named groups' is chosen.",
    )
    tags = forms.CharField(required=False, help_text="Separate tags with commas.")
    review_date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, current_school=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_groups"].queryset = WorkingGroupPage.objects.live().order_by(
            "title", "pk"
        )
        self.fields["restricted_to"].queryset = audience_groups()
        self._limit_schools(user, current_school)

    def _limit_schools(self, user, current_school):
        """Staff contribute for their own school; only trust administrators (and the central
        team, who have no school) may name another. An edit keeps the school already set."""
        field = self.fields["school"]
        schools = SchoolPage.objects.live().order_by("title", "pk")
        person = viewer(user)
        if person.trust_admin:
            field.queryset = schools
            return
        allowed = {person.school_id, getattr(current_school, "pk", None)} - {None}
        field.queryset = schools.filter(pk__in=allowed)
        if person.school_id is not None and current_school is None:
            # Not "Trust central team" either: that is the central team's own choice, and a
            # form sent without a school shares for the sharer's own.
            field.empty_label = None
            self.default_school_id = person.school_id
        field.help_text = "Resources are shared on behalf of your own school."

    default_school_id = None

    def clean_school(self):
        school = self.cleaned_data.get("school")
        if school is None and self.default_school_id is not None:
            school = self.fields["school"].queryset.filter(pk=self.default_school_id).first()
        return school

    def clean_tags(self):
        tags = [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]
        too_long = [t for t in tags if len(t) > TAG_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                f"Keep each tag under {TAG_MAX_LENGTH} characters "
                f"(“{too_long[0][:40]}…” is {len(too_long[0])})."
            )
        return tags[:20]

    def clean(self):
        data = super().clean()
        if data.get("visibility") == Resource.RESTRICTED and not data.get("restricted_to"):
            self.add_error("restricted_to", "Choose at least one group who may see it.")
        if data.get("visibility") == Resource.SCHOOL and not data.get("school"):
            self.add_error("school", "Choose the school whose staff may see it.")
        return data

    def resource_fields(self):
        data = self.cleaned_data
        return {
            "description": data["description"],
            "resource_type": data["resource_type"],
            "subject": data["subject"],
            "school": data["school"],
            "visibility": data["visibility"],
            "review_date": data["review_date"],
            "working_groups": data["working_groups"],
            "key_stages": data["key_stages"],
            "restricted_to": data["restricted_to"]
            if data["visibility"] == Resource.RESTRICTED
            else [],
            "tags": data["tags"],
        }


class ShareForm(ResourceMetadataForm):
    files = MultipleFileField(
        required=False,
        label="Choose files",
        help_text="Choose one or more files (PDF, Word, PowerPoint, Excel, OpenDocument, text, "
        "CSV, RTF, PNG or JPEG).",
    )
    field_order = ["files", "title"]

    def clean_files(self):
        """Check every file, keeping the good ones and a message for each bad one."""
        self.accepted, self.file_errors = [], []
        for uploaded in self.cleaned_data.get("files") or []:
            try:
                kind = validate_upload(uploaded)
            except ValidationError as exc:
                self.file_errors.append((uploaded.name, " ".join(exc.messages)))
            else:
                self.accepted.append((uploaded, kind))
        return self.cleaned_data.get("files")

    @classmethod
    def initial_for_user(cls, user):
        """A fresh form, seen by the whole trust. Working groups, key stages and type are not
        taken from the sharer's memberships (a maths worksheet shared by the literacy lead is
        not Literacy): they are suggested from each file (hub/suggest.py)."""
        return {"school": viewer(user).school_id, "visibility": Resource.TRUST}

    @classmethod
    def initial_from(cls, data):
        """The details just posted, for another go after some files were refused."""
        return data.dict() | {
            name: data.getlist(name) for name in ("working_groups", "key_stages", "restricted_to")
        }


class EditForm(ResourceMetadataForm):
    withdrawn = forms.BooleanField(required=False, label="Withdrawn (hidden from colleagues)")

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError("Give the resource a title.")
        return title

    @classmethod
    def initial_for(cls, resource):
        return {
            "title": resource.title,
            "description": resource.description,
            "resource_type": resource.resource_type_id,
            "working_groups": list(resource.working_groups.values_list("pk", flat=True)),
            "key_stages": list(resource.key_stages.values_list("pk", flat=True)),
            "subject": resource.subject,
            "school": resource.school_id,
            "visibility": resource.visibility,
            "restricted_to": list(resource.restricted_to.values_list("pk", flat=True)),
            "tags": ", ".join(resource.tags.names()),
            "review_date": resource.review_date,
            "withdrawn": resource.withdrawn,
        }


class NewVersionForm(forms.Form):
    file = forms.FileField(label="New file")
    change_note = forms.CharField(
        max_length=500, label="What changed", help_text="e.g. 'Updated for September 2026'"
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.kind = validate_upload(uploaded)
        return uploaded
