"""The rules that lay out a demo year's term dates hold for any year it may be loaded in."""

import datetime

import pytest

from demo.records import apply_changes, load
from demo.terms import academic_year_start, term_dates
from pages.models import SchoolCalendar, TermDate

YEARS = range(2020, 2041)


def as_rows(start):
    return [
        TermDate(name=name, kind=kind, first_day=first, last_day=last)
        for name, kind, first, last in term_dates(start)
    ]


@pytest.mark.parametrize("year", YEARS)
def test_a_year_has_its_holidays_in_order_and_five_inset_days(year):
    start = datetime.date(year, 9, 1)
    entries = term_dates(start)
    assert sum(kind == TermDate.INSET for _n, kind, _f, _l in entries) == 5
    for (_n, _k, first, last), (_n2, _k2, next_first, _l2) in zip(
        entries, entries[1:], strict=False
    ):
        assert first <= last < next_first
    calendar = SchoolCalendar(start, datetime.date(year + 1, 8, 31), as_rows(start))
    for offset in range(9):
        day = datetime.date(year, 12, 24) + datetime.timedelta(days=offset)  # to 1 January
        assert not calendar.is_school_day(day), day
    inset_days = [first for _n, kind, first, _l in entries if kind == TermDate.INSET]
    assert all(day.weekday() < 5 for day in inset_days)
    school_days = sum(
        calendar.is_school_day(start + datetime.timedelta(days=n)) for n in range(365)
    )
    assert 185 <= school_days <= 195  # 190 days with pupils, give or take the calendar


def test_academic_year_start():
    assert academic_year_start(datetime.date(2026, 11, 18)) == datetime.date(2026, 9, 1)
    assert academic_year_start(datetime.date(2027, 8, 31)) == datetime.date(2026, 9, 1)
    assert academic_year_start(datetime.date(2027, 9, 1)) == datetime.date(2027, 9, 1)


def test_next_school_day_keeps_the_weekday_when_asked():
    start = datetime.date(2026, 9, 1)
    calendar = SchoolCalendar(start, datetime.date(2027, 8, 31), as_rows(start))
    christmas_eve = datetime.date(2026, 12, 24)  # a Thursday
    assert calendar.next_school_day(christmas_eve) == datetime.date(2027, 1, 5)
    assert calendar.next_school_day(christmas_eve, same_weekday=True) == datetime.date(2027, 1, 7)


def test_changes_in_the_data_must_apply():
    assert apply_changes("a b c", [{"replace": "b", "with": "B"}]) == "a B c"
    with pytest.raises(ValueError, match="not in the text"):
        apply_changes("a b c", [{"replace": "z", "with": "Z"}])


def test_every_policy_version_and_adaptation_in_the_data_applies():
    from demo.policies import version_bodies

    for record in load("policies")["policies"]:
        bodies = [body for _version, body in version_bodies(record)]
        assert len(set(bodies)) == len(bodies), record["slug"]


@pytest.mark.parametrize("year", YEARS)
def test_the_demo_schedule_keeps_to_school_days_in_any_year(year, settings):
    from types import SimpleNamespace

    from demo.events import schedule
    from demo.people import headteachers

    settings.TIME_ZONE = "Europe/London"
    start = datetime.date(year, 9, 1)
    rows = as_rows(start)
    schools = {slug: SimpleNamespace(short_name=slug) for slug in headteachers()}
    groups = {
        slug: SimpleNamespace(title=slug)
        for slug in ("maths", "literacy", "send", "eyfs", "ict", "year-6", "headteachers-forum")
    }
    calendar = SchoolCalendar(start, datetime.date(year + 1, 8, 31), rows)
    events = schedule(start, rows, schools, groups)
    assert len({e["slug"] for e in events}) == len(events)
    for event in events:
        day = event["start"].date()
        if event["category"] == "inset":
            assert calendar.closure(day).kind == TermDate.INSET
        else:
            assert calendar.is_school_day(day), (event["title"], day)
