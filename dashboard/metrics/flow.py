"""The flow and age of the caseload for a period end and a scope, overall or per unit, province or officer
(domain.md sections 9 and 11), in the shape `python -m dashboard flow --format json` prints."""

from datetime import date
from decimal import Decimal

import pandas as pd

from data_access.queries.flow_queries import (
    AGE_BUCKETS, COMPLETED, ENFORCEABLE, NOT_ENFORCEABLE, WARNINGS, flow_parts,
)
from data_access.queries.lookups import dimension_names
from data_access.queries.viewing import Reader, require
from dashboard.metrics.chains import Scope, check_scope, rate
from dashboard.metrics.formatting import round_half_up
from dashboard.metrics.periods import Window, window_ending

FLOW_BREAKDOWNS = ("unit", "province", "officer")
PENDING_KINDS = {"enforceable": ENFORCEABLE, "not_enforceable": NOT_ENFORCEABLE}


def median_days(days: pd.Series, counts: pd.Series) -> int | None:
    """Return the median of values given with their counts, the two middle ones averaged half up; None for none."""
    total = int(counts.sum())
    if total == 0:
        return None
    order = days.argsort(kind="stable")
    values, cumulative = days.to_numpy()[order], counts.to_numpy()[order].cumsum()

    def at(position: int) -> int:
        return int(values[(cumulative > position).argmax()])

    low, high = at((total - 1) // 2), at(total // 2)
    return int(round_half_up(Decimal(low + high) / 2))


def disposition_days(window_days: int, pending: int, completed: int) -> int | None:
    """Return days(W) x pending enforceable / completed, rounded half up to whole days; None when none completed."""
    if completed == 0:
        return None
    return int(round_half_up(Decimal(window_days * pending) / Decimal(completed)))


def _figures(parts: pd.DataFrame, window_days: int) -> dict:
    pending = parts[parts["kind"].isin(PENDING_KINDS.values())]
    ageing = {
        name: {bucket: {"cases": int(rows.loc[rows["bucket"] == bucket, "cases"].sum()),
                        "money": int(rows.loc[rows["bucket"] == bucket, "remaining"].sum())}
               for bucket in AGE_BUCKETS}
        for name, kind in PENDING_KINDS.items()
        for rows in [pending[pending["kind"] == kind]]
    }
    completed_rows = parts[parts["kind"] == COMPLETED]
    completed = int(completed_rows["cases"].sum())
    pending_enforceable = int(parts.loc[parts["kind"] == ENFORCEABLE, "cases"].sum())
    return {
        "pending_enforceable": pending_enforceable,
        "ageing": ageing,
        "clearance_rate": rate(completed, int(parts["new"].sum())),
        "disposition_days": disposition_days(window_days, pending_enforceable, completed),
        "median_days_to_completion": median_days(completed_rows["days"].astype("int64"), completed_rows["cases"]),
        "without_action": int(parts["without_action"].sum()),
        "large": int(parts["large"].sum()),
        "verification_due": int(parts["verification_due"].sum()),
    }


def _window_parts(reader: Reader, end: date, scope: Scope, by: str | None = None) -> tuple[Window, pd.DataFrame]:
    # A code beyond the viewer's scope is refused as such, before it could be told apart from an unknown one.
    require(reader, scope, by)
    check_scope(reader, scope)
    window = window_ending(end)
    return window, flow_parts(reader, window.start, window.end, scope, by)


def flow_report(reader: Reader, end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the flow and age of the caseload for the window ending `end`, overall or one row per `by` key."""
    if by is not None and by not in FLOW_BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    window, parts = _window_parts(reader, end, scope, by)
    window_days = (window.end - window.start).days + 1
    if by is None:
        return {"window": window.as_dict(), **_figures(parts, window_days)}
    names = dimension_names(reader, by)
    return {"window": window.as_dict(), "rows": [
        {"key": key, "name": names.get(key, key), **_figures(rows, window_days)}
        for key, rows in parts.groupby("key", sort=True)
    ]}


def warning_counts(reader: Reader, end: date, scope: Scope = Scope()) -> dict[str, int]:
    """Return how many cases each warning of WARNINGS holds at `end`: without action, large, large and idle,
    verification due."""
    return {name: int(_window_parts(reader, end, scope)[1][name].sum()) for name in WARNINGS}
