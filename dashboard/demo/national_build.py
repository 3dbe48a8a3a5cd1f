"""The national demo database: the generated country, provinces made in worker processes, bulk-loaded at once."""

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.engine import Engine

from data_access.exchange.bulk_load import PreparedCases, bulk_load, prepare_cases, vacuum_analyze
from data_access.queries.snapshots import refresh_snapshots
from dashboard.demo.build import DEMO_SEED
from dashboard.demo.national import ProvincePlan, plan_country, province_cases
from dashboard.demo.progress import BuildProgress
from dashboard.metrics.formatting import format_count


@dataclass(frozen=True)
class NationalSummary:
    """What a national build wrote: rows by table, and the seconds it took."""

    counts: dict[str, int]
    seconds: float


def _prepare_province(task: tuple[ProvincePlan, date, str]) -> tuple[ProvincePlan, PreparedCases]:
    plan, today, dialect = task
    return plan, prepare_cases(province_cases(plan, today), dialect)


def _prepared(tasks: list[tuple], workers: int):
    if workers < 2:
        yield from map(_prepare_province, tasks)
        return
    # spawn, not fork: a forked worker would share the parent's open database connection. An executor, not a
    # Pool: a worker that dies (at start-up, or killed for memory) breaks the build with an error; a Pool would
    # start another worker and wait forever for the task the dead one held.
    executor = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    try:
        for future in as_completed([executor.submit(_prepare_province, task) for task in tasks]):
            yield future.result()
    finally:
        executor.shutdown(cancel_futures=True)


def build_national(engine: Engine, seed: int = DEMO_SEED, today: date | None = None, size: str = "national",
                   progress: TextIO | None = None, workers: int | None = None) -> NationalSummary:
    """Return the rows written after replacing the whole database with the generated country.

    progress is the stream the progress line goes to (None: silent); workers defaults to one per CPU, and under
    two generates in this process. Any failure leaves the database as it was.
    """
    country = plan_country(size, seed=seed, today=today)
    workers = (os.cpu_count() or 1) if workers is None else workers
    bar = BuildProgress(progress, len(country.plans), sum(plan.weight for plan in country.plans))
    # Largest provinces first, so the last tasks are small ones and no worker idles long at the end.
    plans = sorted(country.plans, key=lambda plan: (-plan.weight, plan.number))
    tasks = [(plan, country.today, engine.dialect.name) for plan in plans]
    with bulk_load(engine, bar.phase) as writer:
        writer.write_reference(country.units, country.officers, country.targets)
        for plan, prepared in _prepared(tasks, workers):
            writer.write_cases(prepared)
            bar.province_done(plan.name, prepared.counts["cases"], plan.weight)
    _after_load(engine, bar)
    counts = dict(writer.counts)
    bar.finish(f"Đã ghi {format_count(counts['cases'])} việc, {format_count(counts['events'])} sự kiện")
    return NationalSummary(counts, bar.elapsed())


def _after_load(engine: Engine, bar: BuildProgress) -> None:
    """Run the steps that need the loaded database committed: planner statistics, then the month-end chains."""
    bar.phase("Cập nhật thống kê cho bộ lập kế hoạch truy vấn (VACUUM ANALYZE)")
    vacuum_analyze(engine)
    bar.phase("Tính sẵn chuỗi số liệu các ngày cuối tháng")
    with engine.begin() as connection:
        refresh_snapshots(connection)
        connection.execute(text("ANALYZE chain_snapshots"))
