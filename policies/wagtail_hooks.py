from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.panels import HOME_PANELS

from .models import PolicyDelegate
from .services import home_panels_html
from .services.reading import AUDIT_ACTIONS


class PolicyDelegateViewSet(SnippetViewSet):
    """Admins name the people (e.g. a deputy head) who may adapt policies for a school."""

    model = PolicyDelegate
    icon = "user"
    menu_label = "Policy delegates"
    add_to_admin_menu = False
    list_display = ["user", "school"]


register_snippet(PolicyDelegateViewSet)


@hooks.register(HOME_PANELS)
def policy_panels(request):
    """Policies to read, school policies to check and policy updates on the home dashboard."""
    return home_panels_html(request.user)


@hooks.register("register_log_actions")
def register_policy_log_actions(actions):
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
