from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PolicyDelegate


class PolicyDelegateViewSet(SnippetViewSet):
    """Admins name the people (e.g. a deputy head) who may adapt policies for a school."""

    model = PolicyDelegate
    icon = "user"
    menu_label = "Policy delegates"
    add_to_admin_menu = False
    list_display = ["user", "school"]


register_snippet(PolicyDelegateViewSet)
