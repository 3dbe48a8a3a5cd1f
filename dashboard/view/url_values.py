"""The one bounded reading of URL values: ASCII digits only, within what the database and the calendar hold, and
a value echoed in a notice cut short. A value outside gets the notice and the page's default, never an exception."""

import re
from datetime import date, datetime

from data_access.exchange.cells import MAX_LENGTHS, PLAUSIBLE_DAYS

# The longest URL value a notice repeats: a 100 kB value would take seconds to draw and hide the page.
SHOWN_CHARACTERS = 40
# SQLite and PostgreSQL hold integers below 2^63; the pages' own bounds are far smaller.
LARGEST_WHOLE = 2 ** 63 - 1
_WHOLE = re.compile(r"[0-9]{1,19}")
_DECIMAL = re.compile(r"[0-9]{1,6}([.,][0-9]{1,6})?")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MINUTE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")
# A case code as an import accepts it.
_CASE_CODE = re.compile(rf"[A-Za-z0-9_.\-/]{{1,{MAX_LENGTHS['ma_viec']}}}")


def case_code(text: str) -> str | None:
    """Return the text when it can be a case code (ASCII letters, digits and _ . - /, as imported), or None."""
    return text if _CASE_CODE.fullmatch(text) else None


def cut(value: str) -> str:
    """Return a URL value on one line, cut after SHOWN_CHARACTERS."""
    flat = " ".join(str(value).split())
    return flat if len(flat) <= SHOWN_CHARACTERS else f"{flat[:SHOWN_CHARACTERS]}…"


def shown(value: str) -> str:
    """Return a URL value as a notice repeats it: quoted, on one line, cut after SHOWN_CHARACTERS."""
    return f"'{cut(value)}'"


def refused(parameter: str, value: str, fallback: str, reason: str = "không hợp lệ") -> str:
    """Return the notice for a refused URL value: which parameter, the value cut short, and what is shown instead."""
    return f"Đường link có {parameter}={shown(value)} {reason}; {fallback}."


def whole_number(text: str, low: int = 0, high: int = LARGEST_WHOLE) -> int | None:
    """Return a whole number written in ASCII digits within [low, high], or None."""
    if not _WHOLE.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def decimal_number(text: str, low: float, high: float) -> float | None:
    """Return a decimal number (point or comma) written in ASCII digits within [low, high], or None."""
    if not _DECIMAL.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    return value if low <= value <= high else None


def _within(day: date) -> bool:
    first, last = PLAUSIBLE_DAYS
    return first <= day <= last


def iso_day(text: str) -> date | None:
    """Return a YYYY-MM-DD day within the plausible days of the data, or None."""
    if not _DAY.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if _within(day) else None


def iso_minute(text: str) -> datetime | None:
    """Return a YYYY-MM-DDTHH:MM minute (or a YYYY-MM-DD day, at midnight) within the plausible days, or None."""
    if _MINUTE.fullmatch(text):
        try:
            moment = datetime.strptime(text, "%Y-%m-%dT%H:%M")
        except ValueError:
            return None
        return moment if _within(moment.date()) else None
    day = iso_day(text)
    return None if day is None else datetime(day.year, day.month, day.day)
