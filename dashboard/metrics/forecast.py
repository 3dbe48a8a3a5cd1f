"""The year-end forecast (dự báo đến 30/9, domain.md section 8) and its 80% interval, from past work-years only.

The method, as told to a director: last work-year, between this day and 30 September, scopes of this kind finished
a share of what was still open (the points between their rate and 100%); the forecast assumes this year finishes
the same share. The 80% interval is where eight in ten scopes of up to four past years fell around the share the
other years gave, so that it allows for a year unlike the last.

The backtest chose last year's share over the mean of several years' and over the scope's own share alone: the
rhythm of the last year carries over best, and one scope's year is too noisy to copy.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import quantiles

from dashboard.metrics.formatting import exact_decimal, round_half_up
from dashboard.metrics.pace import MIN_HISTORY_YEARS, MIN_RANKED, PastYear, usable


@dataclass(frozen=True)
class Basis:
    """What a forecast is drawn from: the share of the open points past years closed by 30 September, and how far
    below and above that share eight in ten past scopes fell."""

    share_closed: float
    low: float
    high: float


def _open_years(history: list[PastYear]) -> list[PastYear]:
    """Return the usable years that still had something open on the day: a rate of 100% closes nothing.

    Pooled over every scope of a kind, a small scope's year counts from MIN_RANKED cases: the pool evens out its
    noise, and the spread has to hold small scopes too.
    """
    return [year for year in usable(history, MIN_RANKED) if year.rate_then < 100]


def _pooled(years: Iterable[PastYear]) -> float | None:
    closed = opened = 0
    for year in years:
        closed += exact_decimal(year.year_end_rate) - exact_decimal(year.rate_then)
        opened += 100 - exact_decimal(year.rate_then)
    return float(closed / opened) if opened else None


def _closed_share(year: PastYear) -> float:
    return (year.year_end_rate - year.rate_then) / (100 - year.rate_then)


def share_closed(histories: Iterable[list[PastYear]]) -> float | None:
    """Return the share of the open points closed by 30 September in the latest past work-year, pooled over every
    scope's usable years; None with fewer than MIN_HISTORY_YEARS distinct work-years."""
    years = [year for history in histories for year in _open_years(history)]
    work_years = {year.year for year in years}
    if len(work_years) < MIN_HISTORY_YEARS:
        return None
    return _pooled(year for year in years if year.year == max(work_years))


def spread(histories: Iterable[list[PastYear]]) -> tuple[float, float] | None:
    """Return the 10th and 90th percentiles of each past scope-year's closed share minus the pooled share of the
    other years; None with fewer than MIN_HISTORY_YEARS work-years or two scope-years."""
    years = [year for history in histories for year in _open_years(history)]
    work_years = {year.year for year in years}
    if len(work_years) < MIN_HISTORY_YEARS:
        return None
    deviations = []
    for left_out in work_years:
        others = _pooled(year for year in years if year.year != left_out)
        if others is not None:
            deviations.extend(_closed_share(year) - others for year in years if year.year == left_out)
    if len(deviations) < 2:
        return None
    # The first and last deciles bound the middle 80%.
    deciles = quantiles(deviations, n=10, method="inclusive")
    return deciles[0], deciles[-1]


def basis_from(shares: Iterable[list[PastYear]], spreads: Iterable[list[PastYear]]) -> Basis | None:
    """Return the Basis of the pooled share of `shares` with the interval of `spreads`, or None without both."""
    share, interval = share_closed(shares), spread(spreads)
    if share is None or interval is None:
        return None
    return Basis(share, share + interval[0], share + interval[1])


def _projected(rate: float, share: float) -> float:
    value = exact_decimal(rate) + (100 - exact_decimal(rate)) * exact_decimal(share)
    return float(round_half_up(min(max(value, 0), 100), 2))


def forecast_rate(rate: float | None, basis: Basis | None) -> dict | None:
    """Return {rate, low, high}: the year-end rate if the open points close as they did, with the 80% interval,
    in percent to 2 decimals within 0..100; None without a rate or a basis."""
    if rate is None or basis is None:
        return None
    return {"rate": _projected(rate, basis.share_closed), "low": _projected(rate, basis.low),
            "high": _projected(rate, basis.high)}
