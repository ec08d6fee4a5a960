from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "intranet_search"
    verbose_name = "Search"

    def ready(self):
        # Connects the receivers that queue the embedding of new and changed text.
        from .semantic import indexing  # noqa: F401, PLC0415 - Django's way to connect signals
