"""Read API (`/api/v2/`): the same visibility rules as the site, for signed-in staff only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from people.visibility import visible_pages


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return visible_pages(self.request.user, super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
