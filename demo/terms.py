"""The demo year's term dates, laid out the way English local authorities (Birmingham among
them) set them, so the demo works in whatever year it is loaded:

- five INSET days: the first two weekdays of September, and the first day back after
  Christmas, after Easter (after the May bank holiday, if Easter ends on it) and after the
  summer half term;
- half terms: the last week of October, the third week of February, the week of the spring
  bank holiday (the last Monday of May);
- Christmas: from the Saturday after the last Friday on or before 21 December until the first
  Monday on or after 4 January (so 24 December to 1 January is always a holiday);
- Easter: the week of Good Friday and the week after; the early May bank holiday;
- summer: from the day after 21 July (the Friday before, if it falls at a weekend).

Holidays run Saturday to Sunday, so the month view shows whole weeks as the holiday."""

import datetime

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, relativedelta

from pages.models import TermDate


def academic_year_start(today):
    """1 September of the academic year that `today` falls in."""
    return datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def _week_holiday(name, monday):
    """A half term or similar: the Saturday before `monday` to the Sunday after that week."""
    return (name, TermDate.HOLIDAY, monday - relativedelta(days=2), monday + relativedelta(days=6))


def _weekdays_from(day, count):
    days = []
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += relativedelta(days=1)
    return days


def term_dates(start):
    """(name, kind, first day, last day) for the academic year beginning 1 September `start`."""
    autumn, spring = start.year, start.year + 1
    entries = [
        ("INSET day", TermDate.INSET, day, day)
        for day in _weekdays_from(datetime.date(autumn, 9, 1), 2)
    ]
    entries.append(
        _week_holiday(
            "Autumn half term", datetime.date(autumn, 10, 31) + relativedelta(weekday=MO(-1))
        )
    )
    last_friday = datetime.date(autumn, 12, 21) + relativedelta(weekday=FR(-1))
    back_in_january = datetime.date(spring, 1, 4) + relativedelta(weekday=MO(+1))
    entries.append(
        (
            "Christmas holiday",
            TermDate.HOLIDAY,
            last_friday + relativedelta(days=1),
            back_in_january - relativedelta(days=1),
        )
    )
    entries.append(("INSET day", TermDate.INSET, back_in_january, back_in_january))
    entries.append(
        _week_holiday(
            "Spring half term", datetime.date(spring, 2, 15) + relativedelta(weekday=MO(+1))
        )
    )
    good_friday = easter(spring) - relativedelta(days=2)
    easter_monday_before = good_friday + relativedelta(weekday=MO(-1))
    back_after_easter = easter_monday_before + relativedelta(weeks=2)
    entries.append(
        (
            "Easter holiday",
            TermDate.HOLIDAY,
            easter_monday_before - relativedelta(days=2),
            back_after_easter - relativedelta(days=1),
        )
    )
    may_day = datetime.date(spring, 5, 1) + relativedelta(weekday=MO(+1))
    # A late Easter can end on the bank holiday weekend: the INSET day is then the Tuesday.
    inset_after_easter = back_after_easter
    if inset_after_easter == may_day:
        inset_after_easter += relativedelta(days=1)
    entries.append(("INSET day", TermDate.INSET, inset_after_easter, inset_after_easter))
    entries.append(("Early May bank holiday", TermDate.HOLIDAY, may_day, may_day))
    spring_bank = datetime.date(spring, 5, 31) + relativedelta(weekday=MO(-1))
    entries.append(_week_holiday("Summer half term", spring_bank))
    back_in_june = spring_bank + relativedelta(weeks=1)
    entries.append(("INSET day", TermDate.INSET, back_in_june, back_in_june))
    last_day = datetime.date(spring, 7, 21)
    if last_day.weekday() >= 5:
        last_day += relativedelta(weekday=FR(-1))
    entries.append(
        (
            "Summer holiday",
            TermDate.HOLIDAY,
            last_day + relativedelta(days=1),
            datetime.date(spring, 8, 31),
        )
    )
    return sorted(entries, key=lambda entry: entry[2])


def load_term_dates(start):
    """Write the year's term dates (found again by name and first day, so loading is
    idempotent and leaves other years, and administrators' own entries, alone)."""
    rows = []
    for name, kind, first_day, last_day in term_dates(start):
        row, _ = TermDate.objects.update_or_create(
            name=name, first_day=first_day, defaults={"kind": kind, "last_day": last_day}
        )
        rows.append(row)
    return rows
