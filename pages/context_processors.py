from wagtail.models import Site

from people.visibility import visible_pages


def navigation(request):
    """The main menu: the live, in-menu children of the site's home page (one query)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    menu = visible_pages(request.user, site.root_page.get_children()).in_menu().order_by("path")
    return {"main_menu": menu, "site_root": site.root_page}
