"""A signal hub sends for apps above it: search embeds a resource's text on it."""

from django.dispatch import Signal

# A resource's searchable text changed: its file's text was extracted (in the worker) or its
# details were edited. Sent with `resource`.
resource_text_changed = Signal()
