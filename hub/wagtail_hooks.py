from django.http import Http404
from wagtail import hooks

from people.visibility import can_view_resource, visible_resources

from .services import count_download


@hooks.register("before_serve_document")
def only_permitted_resources(document, request):
    # Wagtail's own /documents/<id>/<name> route would otherwise serve any resource to anyone
    # signed in. A 404 rather than a 403, so that the route cannot confirm a resource exists.
    if not can_view_resource(request.user, document):
        raise Http404("Not found")
    count_download(document)


@hooks.register("construct_document_chooser_queryset")
def chooser_shows_only_permitted(documents, request):
    # Editors linking a resource from a page must not discover resources they may not see.
    return visible_resources(request.user, documents)
