"""The closing page's parts: the month ends that can be closed, the closed ones, and what later imports changed in
one (domain.md section 12)."""

from datetime import date

import pandas as pd

from data_access.queries.closed import CannotClose, close_period, every_closed_period, reopen_period
from dashboard.metrics import clock
from dashboard.metrics.periods import month_ends, work_year
from dashboard.metrics.revisions import revisions
from dashboard.metrics.revisions_text import import_words, value_text
from dashboard.view import cache

CLOSING_ROLES = ("thong_ke",)
REVISION_COLUMNS = ("Phạm vi", "Chỉ tiêu", "Số đã chốt", "Số hiện nay", "Lần nhập")
# Two work-years of month ends: this one and the last, whose September report is sent after the year ends.
YEARS_OFFERED = 2


def closable_ends(today: date) -> list[date]:
    """Return the month ends that have ended, of this work-year and the last, latest first."""
    year = work_year(today)
    ends = [end for offered in range(year - YEARS_OFFERED + 1, year + 1) for end in month_ends(offered, until=today)]
    return sorted((end for end in ends if end < today), reverse=True)


def closed_table() -> pd.DataFrame:
    """Return the closed period ends, latest first, with when and by whom."""
    return pd.DataFrame([(f"{closed.end:%d/%m/%Y}", closed.closed_at, closed.closed_by)
                         for closed in every_closed_period(cache.engine())],
                        columns=["Kỳ báo cáo đến", "Chốt lúc", "Người chốt"])


def close(end: date, login: str) -> str | None:
    """Return why the month end cannot be closed, or None once the signed-in statistician has closed it."""
    try:
        close_period(cache.reader(), end, login, clock.now())
    except CannotClose as refused:
        return str(refused)
    return None


def reopen(end: date, login: str) -> str | None:
    """Return why the month end cannot be reopened, or None once the signed-in statistician has reopened it."""
    try:
        reopen_period(cache.reader(), end, login, clock.now())
    except CannotClose as refused:
        return str(refused)
    return None


def revision_table(end: date) -> pd.DataFrame | None:
    """Return what later imports changed in a closed period end as REVISION_COLUMNS, None when it is open."""
    found = revisions(cache.reader(), end)
    if found is None:
        return None
    return pd.DataFrame([(change.scope_name, change.label, value_text(change, change.closed),
                          value_text(change, change.current),
                          "; ".join(import_words(run) for run in change.imports) or "không rõ")
                         for change in found[1]], columns=list(REVISION_COLUMNS))
