"""The past work-years a pace is drawn from (domain.md section 8): for a scope, or every row of a breakdown, the
cumulative rate on the same day of each earlier work-year and at its 30 September, from the stored chains only."""

from collections.abc import Callable
from datetime import date
from functools import cache

from data_access.queries.chain_queries import Scope
from data_access.queries.viewing import Reader, whole_database
from dashboard.metrics.chains import chain_report
from dashboard.metrics.pace import PastYear
from dashboard.metrics.periods import work_year, year_earlier

# Four earlier work-years at most: older ones were counted under other offices and other habits.
HISTORY_YEARS = 4
CHAINS = ("cases", "money")


def _years_before(day: date, years: int) -> date:
    for _ in range(years):
        day = year_earlier(day)
    return day


def _pair(then: dict | None, year_end: dict | None, chain: str, year: int) -> list[PastYear]:
    """Return the two past years one pair of reports holds: work-year `year` itself and the one before it."""
    if then is None or year_end is None:
        return []
    pairs = ((then, year_end), (then["same_period_last_year"], year_end["same_period_last_year"]))
    # Whether a year had enough cases to count is a number of cases for either chain.
    return [PastYear(now[chain]["rate"], end[chain]["rate"], end["cases"]["enforceable"], year - back)
            for back, (now, end) in enumerate(pairs)]


def past_years(reader: Reader, end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return {chain: [PastYear]} of the scope over the HISTORY_YEARS work-years before end's, or, with `by`,
    {row key: {chain: [PastYear]}} for every row; a year without figures is left out.

    Each report of a day holds the same period a year earlier as well, so two reports give two years.
    """
    year = work_year(end)
    gathered: dict = {}
    for back in range(1, HISTORY_YEARS + 1, 2):
        then = chain_report(reader, _years_before(end, back), scope, by)
        year_end = chain_report(reader, date(year - back, 9, 30), scope, by)
        if by is None:
            for chain in CHAINS:
                gathered.setdefault(chain, []).extend(_pair(then, year_end, chain, year - back))
            continue
        ends = {row["key"]: row for row in year_end["rows"]}
        for row in then["rows"]:
            for chain in CHAINS:
                gathered.setdefault(row["key"], {}).setdefault(chain, []).extend(
                    _pair(row, ends.get(row["key"]), chain, year - back))
    return gathered


def history_reader(reader: Reader, end: date) -> Callable[..., dict]:
    """Return past_years at `end` as a function of (scope, by), each scope and breakdown read from the database
    once: the pace and the forecast of one report ask for the same years."""
    # The shares of the year-end rate and the forecast's errors are learnt from every scope's past years, so each
    # viewer of a scope reads the same pace and forecast; they show no past figure of any scope.
    learner = whole_database(reader)
    return cache(lambda scope=Scope(), by=None: past_years(learner, end, scope, by))
