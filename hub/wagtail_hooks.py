from django.http import Http404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents.rich_text import DocumentLinkHandler

from pages.panels import GROUP_PANELS
from people.visibility import can_view_resource

from .admin_access import VisibleDocumentsAdminAPIViewSet
from .admin_reports import accessibility_report, can_see_accessibility_report
from .models import Resource
from .services import AUDIT_ACTIONS, count_download


@hooks.register("before_serve_document")
def only_permitted_resources(document, request):
    # /documents/<id>/<name> hands over to the hub's download (intranet/urls.py); should
    # Wagtail's own serve view ever be reached, it refuses what the reader may not see, with
    # a 404 rather than a 403 so that the route cannot confirm a resource exists.
    if not can_view_resource(request.user, document) or document.withdrawn:
        raise Http404("Not found")
    count_download(document, request.user)


@hooks.register("construct_document_chooser_queryset")
def chooser_shows_only_listed(documents, request):
    # Editors linking a resource from a page must not discover resources they may not see,
    # nor link withdrawn ones.
    return Resource.objects.filter(pk__in=documents.values("pk")).listed_for(request.user)


# After wagtail.documents' own hook, which registers the stock endpoint.
@hooks.register("construct_admin_api", order=100)
def admin_api_lists_only_visible_resources(router):
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)


@hooks.register(GROUP_PANELS)
def group_resources_panel(request, group_page, limit=5):
    """A working group's latest resources that the viewer may see."""
    resources = (
        Resource.objects.listed_for(request.user)
        .filter(working_groups=group_page)
        .select_related("resource_type")
        .defer("extracted_text")
        .order_by("-created_at", "-pk")[:limit]
    )
    return render_to_string(
        "hub/includes/group_resources.html",
        {"page": group_page, "resources": resources},
        request=request,
    )


class ResourceLinkHandler(DocumentLinkHandler):
    """Rich-text links to a resource open its hub page (versions, related resources), by id
    only: a page that everyone reads never spells out the title or file name of a resource a
    reader may not see, and `/hub/<id>/` answers 404 to them."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            format_html('<a href="{}">', reverse("hub:by_id", args=[attrs["id"]]))
            if str(attrs.get("id", "")).isdigit()
            else "<a>"
            for attrs in attrs_list
        ]


# After wagtail.documents' hook, so this handler replaces its "document" link type.
@hooks.register("register_rich_text_features", order=100)
def resource_links_open_the_hub(features):
    features.register_link_type(ResourceLinkHandler)


@hooks.register("register_admin_urls")
def hub_admin_urls():
    return [
        path(
            "reports/accessible-documents/",
            accessibility_report,
            name="hub_accessibility_report",
        )
    ]


class AccessibilityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_accessibility_report(request.user)


@hooks.register("register_reports_menu_item")
def accessibility_report_menu_item():
    return AccessibilityReportMenuItem(
        "Accessible documents",
        reverse("hub_accessibility_report"),
        name="accessible-documents",
        icon_name="doc-full",
        order=1320,
    )


@hooks.register("register_log_actions")
def register_hub_log_actions(actions):
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
