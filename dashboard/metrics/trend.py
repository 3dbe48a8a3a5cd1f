"""Month by month through a work-year: cumulative rates beside last year's, each month's new and completed cases."""

from collections.abc import Callable
from datetime import date

import pandas as pd

from dashboard.metrics.periods import month_ends

SERIES_COLUMNS = ["month", "end", "cases_rate", "money_rate", "last_cases_rate", "last_money_rate", "new", "completed"]


def monthly_series(report_for: Callable[[date], dict], year: int, today: date) -> pd.DataFrame:
    """Rows: one per month of work-year `year` ending on or before `today`; columns: SERIES_COLUMNS.

    The rates are cumulative from 1 October (this year and the same period last year, from report_for(month end));
    new and completed count the cases of that month alone, the difference of two cumulative reports.
    """
    rows = []
    before = {"new": 0, "completed": 0}
    for end in month_ends(year, until=today):
        report = report_for(end)
        cases, last_year = report["cases"], report["same_period_last_year"]
        rows.append({
            "month": f"{end:%m/%Y}", "end": end,
            "cases_rate": cases["rate"], "money_rate": report["money"]["rate"],
            "last_cases_rate": last_year["cases"]["rate"], "last_money_rate": last_year["money"]["rate"],
            "new": cases["new"] - before["new"], "completed": cases["completed"] - before["completed"],
        })
        before = cases
    return pd.DataFrame(rows, columns=SERIES_COLUMNS)


def whole_year(report_for: Callable[[date], dict], year: int) -> list[dict]:
    """Return {end, cases, money}: the cumulative rates at every month end of a work-year, from report_for."""
    return [{"end": end, **{chain: report_for(end)[chain]["rate"] for chain in ("cases", "money")}}
            for end in month_ends(year)]
