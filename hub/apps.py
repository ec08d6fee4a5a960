from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Resource hub"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .admin_access import VisibleResourcePermissionPolicy
        from .models import Resource

        signals.connect()

        # Every admin route that lists, counts, chooses or edits documents asks this policy;
        # hub sits after wagtail.documents in INSTALLED_APPS so this replaces its stock one.
        register_permission_policy(
            Resource,
            VisibleResourcePermissionPolicy(
                Resource, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
            ),
        )
