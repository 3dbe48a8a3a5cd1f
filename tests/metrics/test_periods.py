"""Work-years, cumulative windows, the same period last year and month ends (domain.md section 2)."""

from datetime import date

import pytest

from dashboard.metrics.periods import (
    Window,
    is_month_end,
    month_ends,
    same_period_last_year,
    window_ending,
    work_year,
    year_earlier,
)


@pytest.mark.parametrize(("day", "year"), [
    (date(2023, 9, 30), 2023),
    (date(2023, 10, 1), 2024),
    (date(2023, 12, 31), 2024),
    (date(2024, 1, 1), 2024),
    (date(2024, 9, 30), 2024),
    (date(2024, 10, 1), 2025),
])
def test_the_work_year_is_named_after_the_year_its_30_september_falls_in(day, year):
    assert work_year(day) == year


@pytest.mark.parametrize(("end", "start"), [
    (date(2023, 12, 31), date(2023, 10, 1)),
    (date(2023, 10, 1), date(2023, 10, 1)),
    (date(2024, 2, 29), date(2023, 10, 1)),
    (date(2024, 9, 30), date(2023, 10, 1)),
    (date(2024, 10, 15), date(2024, 10, 1)),
])
def test_the_window_runs_from_1_october_of_the_work_year_to_the_end(end, start):
    assert window_ending(end) == Window(start, end)


def test_a_window_renders_as_iso_dates_and_knows_the_day_before_it():
    window = window_ending(date(2024, 3, 31))
    assert window.as_dict() == {"start": "2023-10-01", "end": "2024-03-31"}
    assert window.day_before == date(2023, 9, 30)


@pytest.mark.parametrize(("day", "earlier"), [
    (date(2025, 2, 28), date(2024, 2, 29)),
    (date(2024, 2, 29), date(2023, 2, 28)),
    (date(2024, 2, 28), date(2023, 2, 28)),
    (date(2024, 3, 15), date(2023, 3, 15)),
    (date(2024, 4, 30), date(2023, 4, 30)),
    (date(2023, 12, 31), date(2022, 12, 31)),
    (date(2024, 10, 1), date(2023, 10, 1)),
])
def test_year_earlier_maps_a_month_end_to_a_month_end_and_other_days_to_the_same_day(day, earlier):
    assert year_earlier(day) == earlier


@pytest.mark.parametrize(("window", "shifted"), [
    (Window(date(2023, 10, 1), date(2023, 12, 31)), Window(date(2022, 10, 1), date(2022, 12, 31))),
    (Window(date(2024, 10, 1), date(2025, 2, 28)), Window(date(2023, 10, 1), date(2024, 2, 29))),
    (Window(date(2023, 10, 1), date(2024, 2, 29)), Window(date(2022, 10, 1), date(2023, 2, 28))),
    (Window(date(2023, 10, 1), date(2024, 3, 17)), Window(date(2022, 10, 1), date(2023, 3, 17))),
])
def test_the_same_period_last_year_shifts_start_and_end_back_one_year(window, shifted):
    assert same_period_last_year(window) == shifted


def test_the_month_ends_of_a_work_year_run_from_october_to_september():
    ends = month_ends(2024)
    assert ends == [
        date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 29),
        date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31), date(2024, 6, 30), date(2024, 7, 31),
        date(2024, 8, 31), date(2024, 9, 30),
    ]
    assert month_ends(2023)[4] == date(2023, 2, 28)


@pytest.mark.parametrize(("until", "expected"), [
    (date(2023, 12, 31), [date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31)]),
    (date(2024, 1, 15), [date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31)]),
    (date(2023, 10, 30), []),
    (date(2023, 10, 31), [date(2023, 10, 31)]),
])
def test_month_ends_stop_at_until(until, expected):
    assert month_ends(2024, until) == expected


def test_month_ends_until_after_the_work_year_gives_all_twelve():
    assert len(month_ends(2024, date(2030, 1, 1))) == 12


@pytest.mark.parametrize(("day", "expected"), [
    (date(2024, 2, 29), True),
    (date(2024, 2, 28), False),
    (date(2023, 2, 28), True),
    (date(2023, 12, 31), True),
    (date(2023, 12, 30), False),
    (date(2024, 4, 30), True),
    (date(2024, 5, 30), False),
])
def test_is_month_end(day, expected):
    assert is_month_end(day) is expected
