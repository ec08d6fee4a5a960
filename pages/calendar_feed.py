"""Calendar subscriptions: Outlook and phone calendars cannot sign in, so each member of staff
gets a private feed address carrying a signed token instead of a session. The token names the
user and is checked on every fetch, so a deactivated account's feed stops at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.urls import reverse

SALT = "pages.calendar-feed"


def feed_token(user):
    return signing.dumps({"u": user.pk}, salt=SALT, compress=True)


def feed_url(request, user):
    return request.build_absolute_uri(reverse("calendar_feed", args=[feed_token(user)]))


def _user_for(token):
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise Http404("No such calendar") from exc
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise Http404("No such calendar")
    return user


@login_not_required
def calendar_feed(request, token):
    from .ical import events_to_ical
    from .models import EventIndexPage, EventPage

    _user_for(token)
    index = EventIndexPage.objects.live().first()
    events = EventPage.objects.none() if index is None else index.events().order_by("start")
    response = HttpResponse(events_to_ical(events, request), content_type="text/calendar")
    response["Cache-Control"] = "private, max-age=900"
    return response
