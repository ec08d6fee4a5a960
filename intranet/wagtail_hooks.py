from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .jobs_admin import can_see_jobs, jobs_report


@hooks.register("register_admin_urls")
def jobs_admin_urls():
    return [path("reports/jobs/", jobs_report, name="intranet_jobs_report")]


class JobsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_jobs(request.user)


@hooks.register("register_reports_menu_item")
def jobs_menu_item():
    return JobsMenuItem(
        "Background jobs",
        reverse("intranet_jobs_report"),
        name="background-jobs",
        icon_name="cogs",
        order=1320,
    )
