from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import can_see_report, search_report
from .engine import get_engine


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


@hooks.register("lte_rank_resources")
def rank_resources(user, query, limit, exact=False):
    """The hub's text search, ranked by the SQL engines, or by Elasticsearch/OpenSearch with
    the database's index as the way out when the cluster is down; None under the plain Wagtail
    backend, where the hub searches its filtered queryset directly."""
    ranked = getattr(get_engine(), "ranked_resource_ids", None)
    return None if ranked is None else ranked(user, query, limit, exact=exact)
