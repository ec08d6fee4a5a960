"""The resource hub's document model (WAGTAILDOCS_DOCUMENT_MODEL)."""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class Resource(AbstractDocument):
    description = models.TextField(blank=True)

    admin_form_fields = Document.admin_form_fields + ("description",)
    search_fields = AbstractDocument.search_fields + [index.SearchField("description")]

    class Meta(AbstractDocument.Meta):
        verbose_name = "resource"
        verbose_name_plural = "resources"
        permissions = [("choose_resource", "Can choose resource")]
