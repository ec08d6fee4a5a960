"""Term dates are edited by trust administrators under Snippets, once a year."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .terms import TermDate


class TermDateViewSet(SnippetViewSet):
    model = TermDate
    icon = "date"
    menu_label = "Term dates"
    list_display = ["name", "kind", "first_day", "last_day"]
    list_filter = ["kind"]
    ordering = ["first_day"]


register_snippet(TermDateViewSet)
