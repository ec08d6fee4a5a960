"""The Wagtail admin's view of resources, narrowed to what each person may see.

Wagtail asks one permission policy about documents in every admin route that lists, counts,
chooses, edits, deletes or bulk-edits them. Registering this policy for `hub.Resource` makes all
of them go through people/visibility.py as well, so a new admin route is covered too."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from people.visibility import can_view_resource, visible_resources


class VisibleResourcePermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        return can_view_resource(user, instance) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_resources(user, super().instances_user_has_any_permission_for(user, actions))


class VisibleDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """`/admin/api/main/documents/`: listings, details and `?search=` over visible resources."""

    def get_queryset(self):
        return visible_resources(self.request.user, super().get_queryset())
