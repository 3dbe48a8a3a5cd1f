"""Monthly series of a work-year, built from fake cumulative reports with literal numbers."""

from datetime import date

import pandas as pd

from dashboard.metrics.trend import SERIES_COLUMNS, monthly_series


def _report(new: int, completed: int, rates: tuple, last_year_rates: tuple) -> dict:
    return {"cases": {"new": new, "completed": completed, "rate": rates[0]}, "money": {"rate": rates[1]},
            "same_period_last_year": {"cases": {"rate": last_year_rates[0]}, "money": {"rate": last_year_rates[1]}}}


# Cumulative figures from 1 October 2023, as the engine reports them at each month end.
FIRST_QUARTER = {
    date(2023, 10, 31): _report(700, 300, (20.5, 1.25), (22.0, 2.0)),
    date(2023, 11, 30): _report(1350, 780, (31.8, 2.4), (34.75, 4.1)),
    date(2023, 12, 31): _report(1990, 1577, (47.1, 4.91), (45.28, 7.0)),
}

MONTH_ENDS_2024 = [date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 29),
                   date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31), date(2024, 6, 30), date(2024, 7, 31),
                   date(2024, 8, 31), date(2024, 9, 30)]


class _Reports:
    """A report_for that answers from a dict and remembers which period ends it was asked for."""

    def __init__(self, reports: dict):
        self.reports, self.asked = reports, []

    def __call__(self, end: date) -> dict:
        self.asked.append(end)
        return self.reports[end]


def test_each_closed_month_has_its_cumulative_rates_and_its_own_flows():
    reports = _Reports(FIRST_QUARTER)
    series = monthly_series(reports, 2024, date(2024, 1, 15))
    assert list(series.columns) == SERIES_COLUMNS
    assert reports.asked == [date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31)]
    assert list(series["month"]) == ["10/2023", "11/2023", "12/2023"]
    assert list(series["end"]) == reports.asked
    assert list(series["cases_rate"]) == [20.5, 31.8, 47.1]
    assert list(series["money_rate"]) == [1.25, 2.4, 4.91]
    assert list(series["last_cases_rate"]) == [22.0, 34.75, 45.28]
    assert list(series["last_money_rate"]) == [2.0, 4.1, 7.0]
    assert list(series["new"]) == [700, 650, 640]
    assert list(series["completed"]) == [300, 480, 797]


def test_a_month_ending_today_counts_as_closed():
    series = monthly_series(_Reports(FIRST_QUARTER), 2024, date(2023, 11, 30))
    assert list(series["month"]) == ["10/2023", "11/2023"]
    assert list(series["new"]) == [700, 650]


def test_before_the_first_month_end_the_series_is_empty():
    reports = _Reports(FIRST_QUARTER)
    series = monthly_series(reports, 2024, date(2023, 10, 30))
    assert series.empty and list(series.columns) == SERIES_COLUMNS
    assert reports.asked == []


def test_a_past_work_year_has_all_twelve_months():
    # 40 new and 25 completed cases every month; rates undefined (no enforceable case yet) in October.
    reports = {end: _report(40 * month, 25 * month, (None if month == 1 else 5.0 * month, 1.0), (None, None))
               for month, end in enumerate(MONTH_ENDS_2024, start=1)}
    series = monthly_series(_Reports(reports), 2024, date(2025, 3, 1))
    assert len(series) == 12
    assert (series["month"].iloc[0], series["month"].iloc[-1]) == ("10/2023", "09/2024")
    assert series["month"].iloc[3] == "01/2024"
    assert list(series["end"]) == MONTH_ENDS_2024
    assert set(series["new"]) == {40} and set(series["completed"]) == {25}
    assert pd.isna(series["cases_rate"].iloc[0]) and series["cases_rate"].iloc[-1] == 60.0
    assert series["last_cases_rate"].isna().all()

