from django import template
from wagtail.documents import get_document_model

from people.visibility import visible_resources

register = template.Library()


@register.simple_tag(takes_context=True)
def readable_documents(context, documents):
    """The documents (resources) linked from a page that the reader may open: a page everyone
    reads must not show the title of a restricted or withdrawn resource it links to.

    `{% readable_documents value.documents as docs %}` takes a list of documents, or one
    document (or None), e.g. `{% readable_documents page.document as docs %}`."""
    if documents is None:
        return []
    linked = [documents] if isinstance(documents, get_document_model()) else list(documents)
    request = context.get("request")
    user = getattr(request, "user", None)
    ids = [doc.pk for doc in linked if doc is not None]
    if user is None or not ids:
        return []
    listed = get_document_model().objects.filter(pk__in=ids, withdrawn=False)
    allowed = set(visible_resources(user, listed).values_list("pk", flat=True))
    return [doc for doc in linked if doc is not None and doc.pk in allowed]


@register.filter
def trail(page):
    """The pages above `page` below the tree's root, top first. Routing (HomePage.route) has
    usually fetched them already; Wagtail's get_ancestors() is the fallback."""
    chain, current = [], page
    while (parent := current.__dict__.get("_cached_parent_obj")) is not None:
        chain.append(parent)
        current = parent
    if not chain or chain[-1].depth > 2:
        return list(page.get_ancestors().filter(depth__gt=1))
    return chain[::-1]
