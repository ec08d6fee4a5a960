"""The Wagtail admin's document form for resources (WAGTAILDOCS_DOCUMENT_FORM_BASE): the same
content check as /hub/share/, and replacing a file adds a version (through
hub.services.add_version, as the hub's own form does) instead of deleting the old file, so
admin edits keep the history and the stable URL too."""

from wagtail.documents.forms import BaseDocumentForm

from people.jobs import enqueue_after_commit

from .extraction import extract_resource_text
from .filetypes import validate_upload
from .models import Resource
from .services import add_version, record_first_version


class AdminResourceForm(BaseDocumentForm):
    def __init__(self, *args, user=None, **kwargs):
        self.editing_user = user  # Wagtail's form takes `user` but does not keep it
        super().__init__(*args, user=user, **kwargs)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            self.hub_kind = validate_upload(uploaded)
        return uploaded

    def save(self, commit=True):
        replacing = commit and self.instance.pk is not None and "file" in self.changed_data
        if not replacing:
            return self._save_new_or_details(commit)
        uploaded = self.cleaned_data["file"]
        # The form keeps the current file: add_version stores the new one as the next version.
        # Taking "file" out of changed_data stops Wagtail deleting the old file and re-reading
        # its metadata.
        self.instance.file = self.original_file.name
        self.changed_data.remove("file")
        self.original_file = None
        instance = super().save(commit=True)
        add_version(
            instance,
            uploaded,
            name=uploaded.name,
            kind=self.hub_kind,
            user=self.editing_user,
            change_note="Uploaded in the admin",
        )
        instance.refresh_from_db()
        return instance

    def _save_new_or_details(self, commit):
        new_file = "file" in self.changed_data
        if new_file:
            self.instance.file_type = getattr(self, "hub_kind", self.instance.file_type)
            self.instance.preview_status = Resource.PREVIEW_PENDING
        instance = super().save(commit=commit)
        if commit and new_file:
            record_first_version(
                instance,
                name=instance.file.name.rsplit("/", 1)[-1],
                user=instance.uploaded_by_user,
                change_note="Uploaded in the admin",
            )
            enqueue_after_commit(extract_resource_text, instance.pk)
        return instance
