from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Staff and roles"

    def ready(self):
        from . import audit, signals  # noqa: F401

        audit.connect()
