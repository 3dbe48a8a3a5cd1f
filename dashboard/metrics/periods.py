"""Reporting windows of the work-year (domain.md section 2)."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Window:
    """The cumulative reporting window [start, end] of one work-year."""

    start: date
    end: date

    def as_dict(self) -> dict:
        """Return the window as ISO date strings."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @property
    def day_before(self) -> date:
        """Return the day before the window starts (the day the brought-forward stock is taken)."""
        return self.start - timedelta(days=1)


def work_year(day: date) -> int:
    """Return the work-year containing a day: the year its 30 September falls in."""
    return day.year + 1 if day.month >= 10 else day.year


def work_year_start(year: int) -> date:
    """Return 1 October that opens work-year `year`."""
    return date(year - 1, 10, 1)


def month_end(year: int, month: int) -> date:
    """Return the last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def is_month_end(day: date) -> bool:
    """Return whether a day is the last of its month."""
    return day == month_end(day.year, day.month)


def window_ending(end: date) -> Window:
    """Return the window from 1 October of end's work-year to end."""
    return Window(work_year_start(work_year(end)), end)


def year_earlier(day: date) -> date:
    """Return the same day a year earlier; a month end maps to that month's end (28/2/2025 -> 29/2/2024)."""
    if is_month_end(day):
        return month_end(day.year - 1, day.month)
    return date(day.year - 1, day.month, day.day)


def same_period_last_year(window: Window) -> Window:
    """Return the window shifted back one year, start and end."""
    return Window(date(window.start.year - 1, window.start.month, window.start.day), year_earlier(window.end))


def month_ends(year: int, until: date | None = None) -> list[date]:
    """Return the month ends of work-year `year`, up to `until` when given."""
    ends = [month_end(year - 1 if month >= 10 else year, month) for month in (10, 11, 12, *range(1, 10))]
    return [end for end in ends if until is None or end <= until]
