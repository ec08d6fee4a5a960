from django import template

from people.visibility import visible_resources

register = template.Library()


@register.inclusion_tag("hub/includes/group_resources.html", takes_context=True)
def group_resources(context, page, limit=5):
    """`{% group_resources page %}`: a working group's latest resources the viewer may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    resources = []
    if user is not None and user.is_authenticated:
        from hub.models import Resource

        ids = visible_resources(user).filter(withdrawn=False, working_groups=page).values("pk")
        resources = (
            Resource.objects.filter(pk__in=ids)
            .select_related("resource_type")
            .order_by("-created_at", "-pk")[:limit]
        )
    return {"page": page, "resources": resources, "request": request}
