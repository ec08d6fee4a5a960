"""Which parts of the Wagtail admin a person who is not a trust administrator may open.

Working-group leads use the admin to publish pages in their group's tree: the page explorer
and editor, the choosers, image and document uploads, and their own account. Everything else
(reports, bulk actions, users, groups, settings, snippets, workflows, the document library,
redirects, search promotions...) lists objects across the whole trust and is for trust
administrators only. It is an allowlist on purpose: an admin route added by a future Wagtail
release is refused to leads until someone decides they need it."""

from django.core.exceptions import PermissionDenied

from .visibility import viewer

ADMIN_PREFIX = "/admin/"
# Reachable by anyone, signed in or not (they hand over to the trust sign-in).
PUBLIC = ("/admin/login/", "/admin/password_reset/")
# Reachable by leads and other editors who are not trust administrators.
EDITOR_AREAS = (
    "/admin/pages/",
    "/admin/choose-page/",
    "/admin/choose-anchor-link/",
    "/admin/choose-email-link/",
    "/admin/choose-external-link/",
    "/admin/choose-phone-link/",
    "/admin/documents/chooser/",
    "/admin/images/",
    "/admin/api/main/pages/",
    "/admin/api/main/images/",
    "/admin/account/",
    "/admin/logout/",
    "/admin/editing-sessions/",
    "/admin/block-preview/",
    "/admin/tag-autocomplete/",
    "/admin/dismissibles/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)
# Of the page routes, the ones that list pages across the whole tree by type.
TRUST_WIDE_PAGE_ROUTES = ("/admin/pages/usage/", "/admin/pages/search/")


def editor_may_open(path):
    if path == ADMIN_PREFIX:
        return True  # the dashboard: its panels are filtered by Wagtail's page permissions
    if path.startswith(TRUST_WIDE_PAGE_ROUTES):
        return False
    return path.startswith(EDITOR_AREAS)


class AdminAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(PUBLIC)
            and request.user.is_authenticated
            and not viewer(request.user).trust_admin
            and not editor_may_open(path)
        ):
            raise PermissionDenied("This part of the admin is for trust administrators.")
        return self.get_response(request)
