"""Trust administrators set each person's school, job role and groups in the Wagtail admin."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_choosers import choosable_pages
from .models import StaffProfile, UsernameAlias


class StaffProfileViewSet(ModelViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = "Staff profiles"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "user", "school", "job_role", "job_title"]
    list_filter = ["school", "job_role", "working_groups"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "job_title"]
    panels = [
        FieldPanel("user"),
        FieldPanel("school"),
        FieldPanel("job_role"),
        FieldPanel("job_title"),
        FieldPanel("working_groups"),
    ]

    def get_queryset(self, request):
        return StaffProfile.objects.select_related("user", "school")


@hooks.register("register_admin_viewset")
def register_staff_profiles():
    return StaffProfileViewSet("staff_profiles")


class UsernameAliasViewSet(ModelViewSet):
    model = UsernameAlias
    icon = "user"
    menu_label = "Username aliases"
    add_to_settings_menu = True
    list_display = ["alias", "user"]
    search_fields = ["alias", "user__username"]
    panels = [FieldPanel("alias"), FieldPanel("user")]


@hooks.register("register_admin_viewset")
def register_username_aliases():
    return UsernameAliasViewSet("username_aliases")


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_only_choosable_pages(pages, request):
    return choosable_pages(request.user, pages)
