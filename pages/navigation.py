"""What every page needs before its own content: the Wagtail Site for the request and the main
menu. Both change only when an editor changes the tree, so both come from the cache and are
forgotten whenever a page is published, unpublished, moved or deleted, or a Site changes.

The menu is cached for everyone; each person's copy is narrowed by people/visibility.py."""

from django.core.cache import cache
from wagtail.models import Site

from people.visibility import hidden_page_paths, viewer

GENERATION_KEY = "lte:tree-generation"
TIMEOUT = 3600


def tree_generation():
    """Changes whenever the tree or a Site changes: part of the key of anything cached from it."""
    return cache.get_or_set(GENERATION_KEY, 1, None)


def forget_tree(**kwargs):
    """Connected to every change of the tree and of Sites (pages/signals.py)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


class CachedSiteMiddleware:
    """Hands Wagtail the request's Site from the cache (Wagtail then skips its own lookup)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = f"lte:site:{tree_generation()}:{request.get_host()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:
                # Wagtail's serve view asks for the root's specific page on every request.
                site.root_page = site.root_page.specific
                cache.set(key, site, TIMEOUT)
        request._wagtail_site = site
        return self.get_response(request)


def main_menu(request):
    """[{title, url, path}] of the live, in-menu sections this person may see."""
    site = Site.find_for_request(request)
    if site is None:
        return [], None
    key = f"lte:menu:{tree_generation()}:{site.pk}"
    entry = cache.get(key)
    if entry is None:
        root = site.root_page
        entry = {
            "root": {"pk": root.pk, "path": root.path},
            "items": [
                {"title": page.title, "url": page.get_url(request), "path": page.path}
                for page in root.get_children().live().in_menu().order_by("path")
            ],
        }
        cache.set(key, entry, TIMEOUT)
    hidden = hidden_page_paths(viewer(request.user)) or []
    items = [i for i in entry["items"] if not any(i["path"].startswith(h) for h in hidden)]
    return items, entry["root"]
