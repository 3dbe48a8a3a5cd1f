"""The year-end forecast and its 80% interval (domain.md section 8), worked by hand: last year's share of the open
points, the spread of every year around the share the other years gave, and the edges of what can be forecast."""

import pytest

from dashboard.metrics.backtest import naive_rate
from dashboard.metrics.forecast import Basis, basis_from, forecast_rate, share_closed, spread
from dashboard.metrics.pace import MIN_RANKED, PastYear

# One scope's two past work-years: the rate on the day (31/12) and at 30/9.
YEAR_2023 = PastYear(45.0, 77.0, 1000, 2023)
YEAR_2022 = PastYear(40.0, 80.0, 1000, 2022)
ONE_SCOPE = [[YEAR_2023, YEAR_2022]]


def test_the_share_closed_is_last_years_points_won_over_the_points_then_open():
    # 2023 closed (77 - 45) of the (100 - 45) points open: 32/55; 2022 (40/60) only makes the history long enough.
    assert share_closed(ONE_SCOPE) == pytest.approx(32 / 55)


def test_the_share_pools_every_scope_of_last_year():
    other = [PastYear(60.0, 70.0, 500, 2023), PastYear(50.0, 60.0, 500, 2022)]
    # (32 + 10) points won of (55 + 40) open.
    assert share_closed([[YEAR_2023, YEAR_2022], other]) == pytest.approx(42 / 95)


def test_the_interval_spans_the_middle_eight_tenths_of_each_years_gap_to_the_others_share():
    # 2023's 32/55 against 2022's 2/3, and back: deviations of -/+ 0,084848...; the 10th percentile of the two is
    # -0,084848 + 0,1 x 0,169697 = -0,067879.
    low, high = spread(ONE_SCOPE)
    assert (low, high) == (pytest.approx(-0.0678788, abs=1e-7), pytest.approx(0.0678788, abs=1e-7))


def test_the_forecast_closes_the_same_share_of_what_is_open_today():
    basis = basis_from(ONE_SCOPE, ONE_SCOPE)
    # 50 + 50 x 32/55 = 79,0909; 50 + 50 x (32/55 -/+ 0,067879) = 75,6970 and 82,4848.
    assert forecast_rate(50.0, basis) == {"rate": 79.09, "low": 75.70, "high": 82.48}


@pytest.mark.parametrize("histories", [
    pytest.param([[YEAR_2023]], id="one-year"),
    pytest.param([[YEAR_2023, PastYear(40.0, 80.0, MIN_RANKED - 1, 2022)]], id="second-too-small"),
    pytest.param([[YEAR_2023, PastYear(100.0, 100.0, 1000, 2022)]], id="second-had-nothing-open"),
    pytest.param([[YEAR_2023, PastYear(None, 80.0, 1000, 2022)]], id="second-without-cases-then"),
])
def test_fewer_than_two_usable_years_give_no_forecast(histories):
    assert share_closed(histories) is None
    assert basis_from(histories, histories) is None
    assert forecast_rate(50.0, basis_from(histories, histories)) is None


def test_a_forecast_stays_within_nought_and_a_hundred():
    wide = Basis(share_closed=0.5, low=-1.5, high=1.5)
    assert forecast_rate(60.0, wide) == {"rate": 80.0, "low": 0.0, "high": 100.0}
    assert forecast_rate(None, wide) is None


def test_the_naive_method_scales_by_last_years_ratio_and_stops_at_a_hundred():
    assert naive_rate(45.0, 40.0, 80.0) == 90.0
    assert naive_rate(60.0, 40.0, 80.0) == 100.0
    assert naive_rate(45.0, 0.0, 80.0) is None
    assert naive_rate(None, 40.0, 80.0) is None
