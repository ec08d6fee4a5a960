"""Views of the pages app outside the page tree."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse

from people.tokens import user_for_calendar_token

from .ical import events_to_ical
from .models import EventIndexPage, EventPage


@login_not_required
def calendar_feed(request, token):
    """`/calendar/<token>/lte-events.ics`: the events the token's owner may see."""
    user = user_for_calendar_token(token)
    if user is None:
        raise Http404("No such calendar")
    index = EventIndexPage.objects.live().first()
    events = EventPage.objects.none() if index is None else index.events(user)
    events = events.order_by("start", "pk")
    response = HttpResponse(events_to_ical(events), content_type="text/calendar")
    response["Cache-Control"] = "private, max-age=900"
    return response
