"""The forecast's backtest (domain.md section 8): every completed work-year's month ends replayed as if it were that
day, each scope's forecast and the naive method's set beside what the scope reached at 30 September."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from data_access.queries.lookups import first_decision_date
from data_access.queries.snapshots import last_data_day
from data_access.queries.viewing import Reader, home_scope, whole_database
from dashboard.metrics.chains import chain_report
from dashboard.metrics.forecast import forecast_rate
from dashboard.metrics.forecast_basis import LEVELS, level_basis
from dashboard.metrics.formatting import exact_decimal
from dashboard.metrics.pace import MIN_RANKED
from dashboard.metrics.pace_history import CHAINS, HISTORY_YEARS
from dashboard.metrics.periods import month_ends, work_year, year_earlier


@dataclass(frozen=True)
class MonthScore:
    """How the forecasts made at one month end of past work-years fared for one chain: how many were judged, the
    mean absolute error in points of the forecast and of the naive method, and the share the interval held."""

    month: int
    chain: str
    judged: int
    forecast_error: float
    naive_error: float
    held: float


def naive_rate(rate: float | None, last_then: float | None, last_year_end: float | None) -> float | None:
    """Return this year's rate times last year's year-end rate over its rate on the same day, within 0..100."""
    if rate is None or not last_then or last_year_end is None:
        return None
    return float(min(exact_decimal(rate) * exact_decimal(last_year_end) / exact_decimal(last_then), 100))


def readable_levels(reader: Reader) -> tuple[str, ...]:
    """Return the levels whose scopes lie whole in the reader's home: its own level and those below it (none for a
    viewer who reads nothing)."""
    home = home_scope(reader.viewer)
    if home is None:
        return ()
    if home.officer:
        return LEVELS[2:]
    return LEVELS[1:] if home.unit else LEVELS


def _rows(reader: Reader, day: date, level: str) -> dict[str, dict]:
    return {row["key"]: row for row in chain_report(reader, day, home_scope(reader.viewer), level)["rows"]}


def _judged_month(reader: Reader, end: date, outcome: dict[str, dict], level: str) -> list[tuple]:
    """Return (chain, outcome, forecast, naive) for each scope judged at one month end."""
    basis = level_basis(reader, end, level)
    now = _rows(reader, end, level)
    last_then, last_end = _rows(reader, year_earlier(end), level), _rows(reader, date(work_year(end) - 1, 9, 30), level)
    judged = []
    for key, reached in outcome.items():
        if reached["cases"]["enforceable"] < MIN_RANKED or key not in now:
            continue
        for chain in CHAINS:
            rate = now[key][chain]["rate"]
            made = forecast_rate(rate, basis[chain])
            naive = naive_rate(rate, last_then.get(key, {}).get(chain, {}).get("rate"),
                               last_end.get(key, {}).get(chain, {}).get("rate"))
            if made is not None and naive is not None and reached[chain]["rate"] is not None:
                judged.append((chain, reached[chain]["rate"], made, naive))
    return judged


def _closed_something(report: dict) -> bool:
    """Return whether a year's end could count as history: enough cases to rank, and something completed."""
    return report["cases"]["enforceable"] >= MIN_RANKED and bool(report["cases"]["completed"]
                                                                 or report["money"]["completed"])


def backtest_years(reader: Reader) -> list[int]:
    """Return the work-years the data holds to their end that can have forecasts: the year before and one more of
    the HISTORY_YEARS before could count as history for the whole database, so for some scope in it."""
    first = first_decision_date(reader.engine)
    with reader.engine.connect() as connection:
        latest = last_data_day(connection)
    if first is None or latest is None:
        return []
    last = work_year(latest) - (0 if latest >= date(work_year(latest), 9, 30) else 1)
    counted = {year: _closed_something(chain_report(whole_database(reader), date(year, 9, 30)))
               for year in range(work_year(first), last + 1)}
    return [year for year in range(work_year(first) + 1, last + 1) if counted[year - 1]
            and any(counted.get(year - back) for back in range(2, HISTORY_YEARS + 1))]


def backtest(reader: Reader, level: str) -> tuple[list[int], list[MonthScore]]:
    """Return the work-years that had forecasts, and per month end (October to August) and chain the MonthScore of
    every forecast of the level's scopes made at that month end of those years."""
    errors: dict = defaultdict(list)
    years = []
    for year in backtest_years(reader):
        outcome = _rows(reader, date(year, 9, 30), level)
        judged_any = False
        for end in month_ends(year)[:-1]:
            for chain, reached, made, naive in _judged_month(reader, end, outcome, level):
                held = made["low"] <= reached <= made["high"]
                errors[end.month, chain].append((abs(made["rate"] - reached), abs(naive - reached), held))
                judged_any = True
        if judged_any:
            years.append(year)
    scores = [MonthScore(month, chain, len(found), sum(e[0] for e in found) / len(found),
                         sum(e[1] for e in found) / len(found), sum(e[2] for e in found) / len(found))
              for (month, chain), found in errors.items()]
    order = [end.month for end in month_ends(2000)]
    return years, sorted(scores, key=lambda score: (order.index(score.month), CHAINS.index(score.chain)))
