from people.visibility import viewer

from .navigation import main_menu


def navigation(request):
    """The main menu and what the header needs to know about the person (no queries of its
    own on a warm request: see pages/navigation.py)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items, root = main_menu(request)
    return {"main_menu": items, "site_root": root, "can_open_admin": viewer(user).editor}
