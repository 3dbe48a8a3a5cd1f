"""The classification watch for a period end and a scope, overall or per unit, province or officer (domain.md
section 10), in the shape `python -m dashboard watch --format json` prints."""

from datetime import date, timedelta

import pandas as pd

from data_access.queries.lookups import dimension_names
from data_access.queries.viewing import Reader, require
from data_access.queries.watch_queries import BOUNCE_DAYS, WATCH_BREAKDOWNS, late_months, watch_parts
from dashboard.metrics.chains import Scope, check_scope, rate
from dashboard.metrics.periods import window_ending

# The late share a downgrade spread evenly over a month would have: 7 days of about 30.
EVEN_LATE_SHARE = 23


def _figures(parts: pd.DataFrame) -> dict:
    downgrades = int(parts["downgrades"].sum())
    late = int(parts.loc[parts["month_end"].notna(), "downgrades"].sum())
    return {
        "downgrades": downgrades,
        "late": late,
        "late_share": rate(late, downgrades),
        "bounce_backs": int((parts["downgrades"] * parts["bounced"]).sum()),
    }


def unsettled_months(end: date, last_day: date | None) -> list[date]:
    """Return the month ends of the window ending `end` whose BOUNCE_DAYS days after them have not all passed by the
    data's last day: their bounce-backs may still grow."""
    window = window_ending(end)
    if last_day is None:
        return [last for _, last in late_months(window.start, window.end)]
    return [last for _, last in late_months(window.start, window.end)
            if last + timedelta(days=BOUNCE_DAYS) > last_day]


def watch_report(reader: Reader, end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return downgrades, late downgrades, late share and bounce-backs in the window ending `end`, overall or one row
    per `by` key."""
    if by is not None and by not in WATCH_BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    require(reader, scope, by)
    check_scope(reader, scope)
    window = window_ending(end)
    parts = watch_parts(reader, window.start, window.end, scope, by)
    if by is None:
        return {"window": window.as_dict(), **_figures(parts)}
    names = dimension_names(reader, by)
    return {"window": window.as_dict(), "rows": [
        {"key": key, "name": names.get(key, key), **_figures(rows)}
        for key, rows in parts.groupby("key", sort=True)
    ]}
