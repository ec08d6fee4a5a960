from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import views as hub_views
from pages.views import calendar_feed
from people import admin_choosers, twofactor_views
from people import views as people_views

from .api import api_router
from .views import healthz, media, not_found, to_sign_in

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(
        "accounts/login/",
        twofactor_views.SignInView.as_view(),
        name="login",
    ),
    path("accounts/login/code/", twofactor_views.sign_in_code, name="login_code"),
    path("accounts/two-factor/", twofactor_views.two_factor, name="two_factor"),
    path("accounts/profile/", people_views.my_profile, name="my_profile"),
    path(
        "accounts/profile/calendar/reset/",
        people_views.reset_calendar,
        name="reset_calendar",
    ),
    path("calendar/<str:token>/lte-events.ics", calendar_feed, name="calendar_feed"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/login/", to_sign_in, {"default_next": "/admin/"}, name="admin_login"),
    path("_util/login/", to_sign_in, name="page_login"),
    # The page chooser, narrowed to pages the editor may see or edit (people/admin_choosers.py).
    path(
        "admin/choose-page/<int:parent_page_id>/",
        admin_choosers.browse,
        name="wagtailadmin_choose_page_child",
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        admin_choosers.VisibleChosenMultipleView.as_view(),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    # Wagtail's page that raises an error on purpose, to try out error reporting: not here.
    path("admin/failwhale/", not_found, name="wagtailadmin_error_test"),
    path("admin/", include(wagtailadmin_urls)),
    # Document addresses hand over to the hub's checked, counted download (hub/views.py).
    re_path(r"^documents/(\d+)/(.*)$", hub_views.document_link, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("hub/", include("hub.urls")),
    path("search/", include("search.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    re_path(r"^media/(?P<path>.+)$", media, name="media"),
    path("", include(wagtail_urls)),
]
