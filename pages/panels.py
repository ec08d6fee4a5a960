"""Panels that other apps add to trust pages through Wagtail hooks, so that pages never
imports the apps built on top of it (hub, policies).

- `lte_home_panels`: functions `(request) -> str` (rendered HTML) for the home dashboard;
- `lte_group_panels`: functions `(request, group_page) -> str` for a working group's page.

Each function returns "" when it has nothing to show."""

from django.utils.safestring import mark_safe
from wagtail import hooks

HOME_PANELS = "lte_home_panels"
GROUP_PANELS = "lte_group_panels"


def render_panels(hook_name, *args):
    # Each hook renders its own template (autoescaped), so the joined HTML is safe.
    return [mark_safe(html) for fn in hooks.get_hooks(hook_name) if (html := fn(*args))]  # noqa: S308
