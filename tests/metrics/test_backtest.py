"""The forecast's backtest on a generated province (domain.md section 8), against a plain replay of one month end:
last year's share of the open points, the spread of each year around the other's, and the naive method."""

from datetime import date

import numpy as np
import pytest

from data_access.exchange.importer import import_tables
from dashboard.demo.province import generate_province
from dashboard.metrics.backtest import backtest
from dashboard.metrics.chains import Scope, chain_report
from tests.support.readers import operator

def _rates(engine, day: date, chain: str) -> dict[str, tuple]:
    rows = chain_report(operator(engine), day, Scope(), "unit")["rows"]
    return {row["key"]: (row[chain]["rate"], row["cases"]["enforceable"]) for row in rows}


def _plain_replay(engine, chain: str) -> tuple[float, float, float, int]:
    """Replay the forecasts made at 31/12/2023 for 30/9/2024 by unit, the way the method is told."""
    days = {2023: (date(2022, 12, 31), date(2023, 9, 30)), 2022: (date(2021, 12, 31), date(2022, 9, 30))}
    past = {year: (_rates(engine, then, chain), _rates(engine, end, chain)) for year, (then, end) in days.items()}
    usable = {}
    for unit in past[2023][1]:
        years = {year: (past[year][0][unit][0], *past[year][1][unit]) for year in days if unit in past[year][1]}
        busiest = max(cases for _, _, cases in years.values())
        for year, (then, end, cases) in years.items():
            if then is not None and end and cases >= max(10, busiest / 2) and then < 100:
                usable.setdefault(year, []).append((then, end))

    def pooled(pairs):
        return sum(end - then for then, end in pairs) / sum(100 - then for then, _ in pairs)
    share = pooled(usable[2023])
    deviations = [(end - then) / (100 - then) - pooled(usable[other])
                  for year, other in ((2023, 2022), (2022, 2023)) for then, end in usable[year]]
    low, high = np.quantile(deviations, [0.1, 0.9])
    now, outcome = _rates(engine, date(2023, 12, 31), chain), _rates(engine, date(2024, 9, 30), chain)
    last_then, last_end = past[2023][0], past[2023][1]
    errors, naive_errors, held = [], [], []
    for unit, (reached, cases) in outcome.items():
        rate = now[unit][0]
        if cases < 10 or rate is None or reached is None or not last_then[unit][0]:
            continue
        made = [min(max(rate + (100 - rate) * k, 0), 100) for k in (share, share + low, share + high)]
        errors.append(abs(made[0] - reached))
        naive_errors.append(abs(min(rate * last_end[unit][0] / last_then[unit][0], 100) - reached))
        held.append(made[1] - 0.005 <= reached <= made[2] + 0.005)
    return np.mean(errors), np.mean(naive_errors), np.mean(held), len(errors)


@pytest.mark.parametrize("chain", ["cases", "money"])
def test_the_backtest_at_a_month_end_matches_a_plain_replay(province_db, chain):
    years, scores = backtest(operator(province_db), "unit")
    assert years == [2024]
    december = next(score for score in scores if score.month == 12 and score.chain == chain)
    error, naive_error, held, judged = _plain_replay(province_db, chain)
    assert december.judged == judged > 0
    # The product rounds each forecast to hundredths of a point.
    assert december.forecast_error == pytest.approx(error, abs=0.006)
    assert december.naive_error == pytest.approx(naive_error, abs=1e-9)
    assert december.held == held


def test_the_backtest_replays_every_month_but_the_last(province_db):
    _, scores = backtest(operator(province_db), "province")
    assert [score.month for score in scores if score.chain == "cases"] == [10, 11, 12, *range(1, 9)]
    assert all(score.judged == 1 for score in scores)


def test_a_database_without_two_completed_years_has_nothing_to_backtest(db):
    import_tables(db, generate_province("small", seed=3, today=date(2023, 9, 29)).tables())
    assert backtest(operator(db), "unit") == ([], [])
