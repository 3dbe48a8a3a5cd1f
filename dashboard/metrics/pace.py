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

ON_COURSE, WATCH, BEHIND = "on_course", "watch", "behind"
STATUS_LABELS = {ON_COURSE: "đúng tiến độ", WATCH: "cần chú ý", BEHIND: "chậm tiến độ"}


@dataclass(frozen=True)
class PastYear:
    """One completed work-year of a scope: its cumulative rate at each month end (by month number) and at 30/9."""

    rates: dict[int, float | None]
    enforceable_at_year_end: int

    @property
    def year_end_rate(self) -> float | None:
        """Return the rate reached at 30 September."""
        return self.rates.get(9)


def usable(years: list[PastYear]) -> list[PastYear]:
    """Return the past years a curve can be drawn from: a year-end rate above zero on enough cases to rank."""
    return [year for year in years if year.year_end_rate and year.enforceable_at_year_end >= MIN_RANKED]


def share_of_year_end(years: list[PastYear], month: int) -> float | None:
    """Return the share of the year-end rate reached by the end of `month`, over the usable years: the mean of
    their rates at that month over the mean of their year-end rates. None with fewer than MIN_HISTORY_YEARS."""
    kept = [year for year in usable(years) if year.rates.get(month) is not None]
    if len(kept) < MIN_HISTORY_YEARS:
        return None
    at_month = sum(exact_decimal(year.rates[month]) for year in kept)
    at_year_end = sum(exact_decimal(year.year_end_rate) for year in kept)
    return float(at_month / at_year_end)


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
