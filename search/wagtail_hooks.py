from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import can_see_report, search_report


@hooks.register("register_admin_urls")
def search_admin_urls():
    return [path("reports/search-queries/", search_report, name="intranet_search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return SearchReportMenuItem(
        "Search queries",
        reverse("intranet_search_report"),
        name="search-queries",
        icon_name="search",
        order=1310,
    )
