from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "Policies"

    def ready(self):
        from . import (
            signals,  # noqa: F401 - connects the version recorder
            views,  # noqa: F401 - hands the pages' routes their views (models.VIEWS)
        )
