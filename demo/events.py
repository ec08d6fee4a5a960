"""The demo year's events, each on a school day of the term calendar (demo/terms.py): joint
INSET days on INSET days; the Headteachers' Forum every six weeks on Thursdays; each working
group's meetings as groups.yaml describes them; a review day at each school in turn. A date
that lands in a holiday moves on by a week, so meetings keep their weekday."""

import datetime

from django.utils import timezone

from pages.models import EventIndexPage, EventPage, SchoolCalendar, TermDate

from .records import load
from .site import upsert_child

FORUM_MEETINGS = 7
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
# Meetings of the working groups; the demo's own, so those it no longer schedules can go.
GROUP_EVENT_SLUG = r"^[a-z0-9-]+-(group-meeting|moderation)-[1-6]$"


def _time(text):
    hour, minute = text.split(":")
    return int(hour), int(minute)


def at(day, hour=9, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _event(slug, title, category, day, hours, school, group, all_day=False):
    (start_h, start_m), (end_h, end_m) = hours
    return {
        "slug": slug,
        "title": title,
        "category": category,
        "start": at(day, start_h, start_m),
        "end": at(day, end_h, end_m),
        "all_day": all_day,
        "school": school,
        "group": group,
    }


def schedule(start, term_dates, schools, groups):
    """The year's events as dicts, from the academic year's start and its term dates."""
    calendar = SchoolCalendar(start, start + datetime.timedelta(days=365), term_dates)
    # Offsets count from the Monday of the first week, so each meeting keeps its weekday.
    week_one = start - datetime.timedelta(days=start.weekday())
    school_slugs = list(schools)
    events = []
    insets = sorted(t.first_day for t in term_dates if t.kind == TermDate.INSET)
    later = [d for d in insets if d.year > start.year]
    # The first INSET day of each term: September's first, January's, and the one after Easter.
    for name, day in (("Autumn", insets[0]), ("Spring", later[0]), ("Summer", later[1])):
        events.append(
            _event(
                f"inset-{name.lower()}",
                f"Joint INSET day: {name} term",
                "inset",
                day,
                ((9, 0), (15, 30)),
                schools["coppice"],
                None,
                all_day=True,
            )
        )
    forum = groups["headteachers-forum"]
    day = start + datetime.timedelta(days=(3 - start.weekday()) % 7 + 7)  # second Thursday
    for n in range(1, FORUM_MEETINGS + 1):
        day = calendar.next_school_day(day, same_weekday=True)
        host = schools[school_slugs[(n - 1) % len(school_slugs)]]
        events.append(
            _event(
                f"headteachers-forum-{n}",
                f"Headteachers' Forum ({n} of {FORUM_MEETINGS})",
                "forum",
                day,
                ((9, 0), (12, 0)),
                host,
                forum,
            )
        )
        day += datetime.timedelta(weeks=6)
    for n, group in enumerate(g for g in load("groups")["groups"] if "meetings" in g):
        meetings = group["meetings"]
        weekday = WEEKDAYS.index(meetings["weekday"])
        hours = (_time(meetings["starts"]), _time(meetings["ends"]))
        # Half-termly groups meet in each of the six half terms, termly ones in every other;
        # groups in turn a week apart, so the host schools are not all busy in one week.
        for half_term in range(0, 6, 1 if meetings["every"] == "half term" else 2):
            planned = week_one + datetime.timedelta(weeks=3 + half_term * 6 + n % 3, days=weekday)
            moderation = meetings.get("moderation") and half_term % 2
            label = "moderation" if moderation else "group meeting"
            host = meetings.get("host") or school_slugs[(n + half_term) % len(school_slugs)]
            events.append(
                _event(
                    f"{group['slug']}-{label.replace(' ', '-')}-{half_term + 1}",
                    f"{group['title']} {label}",
                    "moderation" if moderation else "group",
                    calendar.next_school_day(planned, same_weekday=True),
                    hours,
                    None if meetings.get("online") else schools[host],
                    groups[group["slug"]],
                )
            )
    # Review days: six heads visit the seventh school, one school every three weeks; the
    # heads cannot be in two schools on one day.
    taken = set()
    for n, slug in enumerate(school_slugs):
        day = calendar.next_school_day(
            week_one + datetime.timedelta(weeks=5 + n * 3, days=2), same_weekday=True
        )
        while day in taken:
            day = calendar.next_school_day(day + datetime.timedelta(weeks=1), same_weekday=True)
        taken.add(day)
        events.append(
            _event(
                f"review-day-{slug}",
                f"Review day: {schools[slug].short_name}",
                "review",
                day,
                ((8, 30), (15, 30)),
                schools[slug],
                forum,
            )
        )
    return events


def load_events(home, start, term_dates, schools, groups):
    index = upsert_child(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro="<p>INSET days, moderation meetings, review days and the Headteachers' Forum.</p>",
    )
    events = schedule(start, term_dates, schools, groups)
    EventPage.objects.child_of(index).filter(slug__regex=GROUP_EVENT_SLUG).exclude(
        slug__in=[e["slug"] for e in events]
    ).delete()
    for event in events:
        school = event["school"]
        upsert_child(
            index,
            EventPage,
            event.pop("slug"),
            **event,
            location="" if school else "Online",
            description=f"<p>{event['title']}. Please tell your school office if you cannot "
            "attend.</p>",
        )
