"""The Wagtail admin's document form for resources (WAGTAILDOCS_DOCUMENT_FORM_BASE): the same
content check as /hub/share/, and replacing a file adds a version instead of deleting the old
file, so admin edits keep the history and the stable URL too."""

from django.db.models import Max
from wagtail.documents.forms import BaseDocumentForm

from .filetypes import validate_upload


class AdminResourceForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            self.hub_kind = validate_upload(uploaded)
        return uploaded

    def save(self, commit=True):
        from .extraction import extract_resource_text
        from .models import Resource, ResourceVersion

        new_file = "file" in self.changed_data
        if new_file:
            self.instance.file_type = getattr(self, "hub_kind", self.instance.file_type)
            self.instance.preview_status = Resource.PREVIEW_PENDING
            # Wagtail would delete the replaced file; it is an earlier version here.
            self.original_file = None
        instance = super().save(commit=commit)
        if commit and new_file:
            latest = instance.versions.aggregate(n=Max("number"))["n"] or 0
            ResourceVersion.objects.create(
                resource=instance,
                number=latest + 1,
                file=instance.file.name,
                original_name=instance.file.name.rsplit("/", 1)[-1],
                uploaded_by=instance.uploaded_by_user if latest == 0 else None,
                file_size=instance.file_size,
                file_hash=instance.file_hash,
                change_note="Uploaded in the admin",
            )
            extract_resource_text.enqueue(instance.pk)
        return instance
