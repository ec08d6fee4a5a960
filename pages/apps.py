from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Trust pages"

    def ready(self):
        from . import signals  # noqa: F401 - connects the lead-role maker
