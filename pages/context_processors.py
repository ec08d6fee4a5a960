from wagtail.models import Site


def navigation(request):
    """The main menu: the live, in-menu children of the site's home page (one query)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    menu = site.root_page.get_children().live().in_menu().order_by("path")
    return {"main_menu": menu, "site_root": site.root_page}
