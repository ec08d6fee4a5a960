"""iCalendar (RFC 5545) export of trust events, for Outlook/Google calendar subscriptions."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from people.links import absolute_url


def events_to_ical(events):
    cal = Calendar()
    cal.add("prodid", "-//Learning Trust for Excellence//LTE Intranet//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "LTE events")
    cal.add("x-wr-timezone", "Europe/London")
    for event in events:
        item = Event()
        item.add("uid", f"event-{event.pk}@lte-intranet")
        item.add("summary", event.title)
        item.add("dtstamp", event.last_published_at or timezone.now())
        if event.all_day:
            item.add("dtstart", event.start_date)
            item.add("dtend", event.end_date + datetime.timedelta(days=1))
        else:
            item.add("dtstart", event.start)
            item.add("dtend", event.end or event.start + datetime.timedelta(hours=1))
        location = event.location or (event.school.title if event.school_id else "")
        if location:
            item.add("location", location)
        item.add("categories", [event.get_category_display()])
        item.add("url", absolute_url(event.url))
        cal.add_component(item)
    return cal.to_ical()
