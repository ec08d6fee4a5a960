from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Trust pages"

    def ready(self):
        from . import signals  # noqa: F401 - connects the lead-role maker

        allow_filtering_images_by_tag()


def allow_filtering_images_by_tag():
    """Wagtail's image chooser filters by tag name inside a search, but the stock image model
    does not declare the tag name filterable, so choosing a tag and typing a search answered
    500 ("Cannot filter search results with field name")."""
    from wagtail.images import get_image_model
    from wagtail.search import index

    for field in get_image_model().search_fields:
        tags = isinstance(field, index.RelatedFields) and field.field_name == "tags"
        if tags and not any(isinstance(f, index.FilterField) for f in field.fields):
            field.fields.append(index.FilterField("name"))
