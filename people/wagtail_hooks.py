"""Trust administrators set each person's school, job role and groups in the Wagtail admin."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from . import audit
from .admin_choosers import choosable_pages
from .audit_views import AuditTrailView
from .models import StaffProfile, UsernameAlias
from .visibility import is_trust_admin


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


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    audit.register(actions, audit.ACTIONS)


@hooks.register("register_admin_urls")
def audit_trail_urls():
    return [
        path("reports/audit-trail/", AuditTrailView.as_view(), name="lte_audit_trail"),
        path(
            "reports/audit-trail/results/",
            AuditTrailView.as_view(results_only=True),
            name="lte_audit_trail_results",
        ),
    ]


class TrustAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trust_admin(request.user)


@hooks.register("register_reports_menu_item")
def audit_trail_menu_item():
    return TrustAdminMenuItem(
        "Audit trail",
        reverse("lte_audit_trail"),
        name="audit-trail",
        icon_name="history",
        order=1320,
    )
