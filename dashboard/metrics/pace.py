"""Pace (tiến độ, domain.md section 8): the cumulative rate a scope should have reached at a month end to be on
course for its yearly target, from how the rate grew through past work-years, and the status it gives."""

from dataclasses import dataclass

from dashboard.metrics.formatting import exact_decimal, round_half_up

# Below this many enforceable cases one case moves a rate by more than ten points: the figures are shown with their
# counts, but the scope is not ranked, coloured or listed as best or worst.
MIN_RANKED = 10
# About one month of the cumulative rate's growth in a usual year (45% at 31/12 to 77% at 30/9 is 3,5 points a
# month): less behind than that is caught up within a month, so it calls for attention, not alarm.
PACE_MARGIN_POINTS = 3.0
# A curve from fewer past work-years than this says more about one year's accidents than about the scope's rhythm.
MIN_HISTORY_YEARS = 2
# A curve drawn from fewer cases than this moves by more than a point with every case: one unusual month of a small
# caseload would bend its pace, so such a scope takes the curve of the scope above it.
CURVE_MIN_CASES = 100
# A year with under half the cases of the scope's busiest is one the data only partly holds (before the first
# export, or before a unit took over its present area): its curve would be another scope's.
HISTORY_COVERAGE = 0.5

ON_COURSE, WATCH, BEHIND = "on_course", "watch", "behind"
STATUS_LABELS = {ON_COURSE: "đúng tiến độ", WATCH: "cần chú ý", BEHIND: "chậm tiến độ"}


@dataclass(frozen=True)
class PastYear:
    """One completed work-year of a scope: its cumulative rate on the same day as the period end, its rate at
    30 September, its enforceable cases then, and which work-year it was."""

    rate_then: float | None
    year_end_rate: float | None
    enforceable_at_year_end: int
    year: int | None = None


def usable(years: list[PastYear], fewest: int = CURVE_MIN_CASES) -> list[PastYear]:
    """Return the past years a curve can be drawn from: both rates known, a year-end rate above zero, on at least
    `fewest` cases and on at least HISTORY_COVERAGE of the busiest year's cases."""
    busiest = max((year.enforceable_at_year_end for year in years), default=0)
    floor = max(fewest, HISTORY_COVERAGE * busiest)
    return [year for year in years if year.rate_then is not None and year.year_end_rate
            and year.enforceable_at_year_end >= floor]


def share_of_year_end(years: list[PastYear]) -> float | None:
    """Return the share of the year-end rate reached by the same day, over the usable years: the mean of their
    rates then over the mean of their year-end rates. None with fewer than MIN_HISTORY_YEARS usable years."""
    kept = usable(years)
    if len(kept) < MIN_HISTORY_YEARS:
        return None
    then = sum(exact_decimal(year.rate_then) for year in kept)
    at_year_end = sum(exact_decimal(year.year_end_rate) for year in kept)
    return float(then / at_year_end)


def pace_rate(target: float, share: float) -> float:
    """Return the rate to have reached: the target times the share of the year-end rate, half up to 2 decimals."""
    return float(round_half_up(exact_decimal(target) * exact_decimal(share), 2))


def pace_status(rate: float | None, pace: float | None, enforceable: int) -> str | None:
    """Return on_course, watch or behind for a rate against its pace; None without both, or under MIN_RANKED."""
    if rate is None or pace is None or enforceable < MIN_RANKED:
        return None
    gap = exact_decimal(pace) - exact_decimal(rate)
    if gap <= 0:
        return ON_COURSE
    return WATCH if gap <= exact_decimal(PACE_MARGIN_POINTS) else BEHIND
