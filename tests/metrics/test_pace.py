"""Pace and its status (domain.md section 8), worked by hand: the share of the year-end rate, the rate to have
reached, the status at its edges, and the scopes too small to rank."""

import pytest

from dashboard.metrics.pace import (
    BEHIND, MIN_RANKED, ON_COURSE, WATCH, PastYear, pace_rate, pace_status, share_of_year_end,
)

# Rates at 31/12 and 30/9 of two past work-years, as the seed report gives the first.
YEAR_2023 = PastYear(45.28, 77.08, enforceable_at_year_end=4200)
YEAR_2022 = PastYear(40.0, 80.0, enforceable_at_year_end=3900)


def test_the_share_is_the_mean_rate_at_the_month_over_the_mean_year_end_rate():
    # (45,28 + 40) / (77,08 + 80) = 85,28 / 157,08 = 0,542908...
    share = share_of_year_end([YEAR_2023, YEAR_2022])
    assert share == pytest.approx(0.5429080723, abs=1e-10)
    # 83,75 x 0,542908... = 45,4685...
    assert pace_rate(83.75, share) == 45.47
    at_year_end = [PastYear(year.year_end_rate, year.year_end_rate, 100) for year in (YEAR_2023, YEAR_2022)]
    assert share_of_year_end(at_year_end) == 1.0


@pytest.mark.parametrize("years", [
    pytest.param([YEAR_2023], id="one-year"),
    pytest.param([YEAR_2023, PastYear(30.0, 60.0, MIN_RANKED - 1)], id="second-too-small"),
    pytest.param([YEAR_2023, PastYear(0.0, 0.0, 50)], id="second-never-completed"),
    pytest.param([YEAR_2023, PastYear(None, 70.0, 50)], id="second-without-cases-then"),
])
def test_too_little_history_gives_no_share(years):
    assert share_of_year_end(years) is None


@pytest.mark.parametrize("rate, pace, enforceable, status", [
    (45.47, 45.47, 100, ON_COURSE),
    (50.0, 45.47, 100, ON_COURSE),
    (42.47, 45.47, 100, WATCH),      # exactly the margin behind
    (42.46, 45.47, 100, BEHIND),     # a hundredth more
    (0.0, 45.47, MIN_RANKED, BEHIND),
    (0.0, 45.47, MIN_RANKED - 1, None),
    (None, 45.47, 100, None),
    (45.0, None, 100, None),
])
def test_the_status_against_pace_at_its_edges(rate, pace, enforceable, status):
    assert pace_status(rate, pace, enforceable) == status


def test_a_year_the_data_only_partly_holds_is_left_out():
    # 1.000 cases is under half the busiest year's 4.200: its 10% then and 50% at year end are not the scope's.
    partial = PastYear(10.0, 50.0, 1000)
    assert share_of_year_end([YEAR_2023, YEAR_2022, partial]) == share_of_year_end([YEAR_2023, YEAR_2022])
    assert share_of_year_end([YEAR_2023, partial]) is None
