"""Read API (`/api/v2/`): the same visibility rules as the site, for signed-in staff only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from people.visibility import visible_pages, visible_resources


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return visible_pages(self.request.user, super().get_base_queryset())


class VisibleResourcesAPIViewSet(DocumentsAPIViewSet):
    """Hub resources; `?search=` runs over the visible ones only, because the permission filter
    is a pk subquery applied before Wagtail's SearchFilter."""

    name = "resources"

    def get_queryset(self):
        return visible_resources(self.request.user, super().get_queryset()).filter(withdrawn=False)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("resources", VisibleResourcesAPIViewSet)
