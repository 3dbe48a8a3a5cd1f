"""The demo database: a generated province whose first quarter of work-year 2024 matches the real report."""

import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from data_access.exchange.runs import run_tables_import
from data_access.schema import metadata
from dashboard.demo.accounts import add_demo_accounts
from dashboard.demo.bunching import bunch_downgrades
from dashboard.demo.calibration.reach import PartTarget, counts_for_rate, reach
from dashboard.demo.calibration.workbench import Workbench
from dashboard.demo.province import Province, generate_province
from dashboard.metrics import clock
from dashboard.metrics.chains import rate
from dashboard.metrics.periods import same_period_last_year, window_ending

DEMO_SEED = 2024
DEMO_ACTOR = "tạo dữ liệu mẫu"
REPORT_END = date(2023, 12, 31)

# The figures of the provincial report quoted in domain.md section 1, in exact counts and đồng.
REPORT = {
    "cases": {"completed": 1577, "enforceable": 3348},
    "money": {"completed": 97_600_000_000, "enforceable": 1_987_780_000_000},
    "budget_cases": {"completed": 1467, "enforceable": 2566},
    "budget_money": {"completed": 35_700_000_000, "enforceable": 94_100_000_000},
    "last_year_rate": 45.28,
    "last_year_budget_rates": (55.37, 11.24),
}


def clear_database(engine: Engine) -> None:
    """Delete every row of every table, children first."""
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(delete(table))


def _money_for_rate(figures: dict, wanted_rate: float) -> PartTarget:
    """Return the money change giving the rate: more enforceable money if the rate is high, else more collected."""
    if rate(figures["completed_money"], figures["enforceable_money"]) > wanted_rate:
        return PartTarget(enforceable_money=round(figures["completed_money"] * 100 / wanted_rate))
    return PartTarget(completed_money=round(figures["enforceable_money"] * wanted_rate / 100))


def _calibrate(engine: Engine, province: Province, seed: int) -> None:
    bench = Workbench(engine, province, seed)
    window = window_ending(REPORT_END)
    bench.focus(same_period_last_year(window))
    budget_rate, budget_money_rate = REPORT["last_year_budget_rates"]
    budget = bench.figures(budget=True)
    budget_enforceable, budget_completed = counts_for_rate(budget["enforceable"], budget["completed"], budget_rate)
    reach(bench, True, PartTarget(enforceable=budget_enforceable, completed=budget_completed))
    reach(bench, True, _money_for_rate(bench.figures(budget=True), budget_money_rate))
    rest = bench.figures(budget=False)
    rest_enforceable, rest_completed = counts_for_rate(
        rest["enforceable"], rest["completed"], REPORT["last_year_rate"], fixed=(budget_enforceable, budget_completed))
    reach(bench, False, PartTarget(enforceable=rest_enforceable, completed=rest_completed))

    bench.focus(window)
    cases, money = REPORT["cases"], REPORT["money"]
    budget_cases, budget_money = REPORT["budget_cases"], REPORT["budget_money"]
    reach(bench, True, PartTarget(budget_cases["enforceable"], budget_cases["completed"],
                                  budget_money["enforceable"], budget_money["completed"]))
    reach(bench, False, PartTarget(cases["enforceable"] - budget_cases["enforceable"],
                                   cases["completed"] - budget_cases["completed"],
                                   money["enforceable"] - budget_money["enforceable"],
                                   money["completed"] - budget_money["completed"]))


def calibrated_province(size: str = "province", seed: int = DEMO_SEED, today: date | None = None) -> Province:
    """Return the generated province; at province size its stories are calibrated to reproduce the report's figures,
    and two units' downgrades bunch before later month ends.

    The calibration runs on whole simulated stories in a scratch database, so it is the same on any build day.
    """
    province = generate_province(size, seed=seed, today=today)
    if size == "province":
        with tempfile.TemporaryDirectory() as folder:
            scratch = open_engine(f"sqlite:///{Path(folder) / 'calibration.sqlite3'}")
            import_tables(scratch, province.tables(whole_story=True), stored_figures=False)
            _calibrate(scratch, province, seed)
            scratch.dispose()
        bunch_downgrades(province.cases, seed, province.today)
    return province


def write_demo(engine: Engine, province: Province) -> None:
    """Empty the database and import the province's exchange tables into it, as an import of the history."""
    clear_database(engine)
    run_tables_import(engine, province.tables(), DEMO_ACTOR, clock.now, "dữ liệu mẫu")


def build_demo(engine: Engine, size: str = "province", seed: int = DEMO_SEED, today: date | None = None) -> Province:
    """Return the province written to an emptied database, with its demo accounts; at province size it reproduces
    the report's figures."""
    province = calibrated_province(size, seed, today)
    write_demo(engine, province)
    add_demo_accounts(engine, province, clock.now())
    return province
