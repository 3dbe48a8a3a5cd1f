"""The whole country on PostgreSQL and SQLite: the pages' queries beside the raw GROUP BY limit, memory, import rate.

Run from the project root: PYTHONPATH=. python -m benchmarks.national [--rebuild] [--repeat 5] [--postgres-only]
"""

import argparse
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import (
    BigInteger, Boolean, Column, Integer, MetaData, String, Table, create_engine, func, insert, literal, select, text,
)
from sqlalchemy.engine import Engine

from data_access import codes
from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from data_access.queries.case_list import case_list
from data_access.queries.chain_queries import Scope, caseload_sql
from data_access.queries.snapshots import refresh_snapshots
from data_access.schema import cases, units
from dashboard.demo.national import plan_country, province_cases
from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics.periods import same_period_last_year, window_ending
from benchmarks.national_data import (
    SQLITE_PATH, Measured, ensure_national, latest_month_end, national_postgres_url, progress,
    sample_places, sizes,
)
from benchmarks.national_server import server_memory
from benchmarks.province import (
    POSTGRES_ADMIN_URL, postgres_problem, postgres_version, render, run_count, seconds, verdict,
)

DEFAULT_REPEAT = 5
OVERVIEW_TARGET_S = 1.5
RAW_FACTOR = 2.0
PROVINCE_BY_UNIT_TARGET_S = 0.3
HEADER_NOTE = "trung vị {repeat} lần sau một lần chạy không tính giờ"

flat_metadata = MetaData()
# The raw limit's table: one row per case and window with the columns the chains need, no events or states.
bench_flat = Table(
    "bench_flat", flat_metadata,
    Column("window", Integer, nullable=False),
    Column("province_code", String(32), nullable=False),
    Column("unit_code", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("collected_any", Boolean, nullable=False),
    Column("brought_forward", Integer, nullable=False),
    Column("opening", BigInteger, nullable=False),
    Column("collected", BigInteger, nullable=False),
    Column("reduced", BigInteger, nullable=False),
    Column("remaining", BigInteger, nullable=False),
)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_time(action, repeat: int) -> float:
    """Return the median of `repeat` timed runs of action, after one untimed run."""
    action()
    return statistics.median(_timed(action) for _ in range(repeat))


def build_flat(engine: Engine, end: date) -> int:
    """Fill bench_flat with one row per case of both windows ending at `end`; return its row count."""
    flat_metadata.drop_all(engine)
    flat_metadata.create_all(engine)
    window = window_ending(end)
    with engine.begin() as connection:
        for number, period in enumerate((window, same_period_last_year(window))):
            sql = caseload_sql(period.start, period.end, joined=units)
            query = (select(literal(number), units.c.province_code, cases.c.unit_code, sql.at_end.c.status,
                            cases.c.exit_collected_any, sql.brought_forward, sql.opening, sql.collected,
                            sql.reduced, sql.remaining)
                     .select_from(sql.source).where(*sql.conditions))
            connection.execute(insert(bench_flat).from_select([column.name for column in bench_flat.columns], query))
        connection.execute(text("ANALYZE bench_flat"))
        return connection.execute(select(func.count()).select_from(bench_flat)).scalar_one()


def raw_group_by(engine: Engine, by_province: bool) -> list:
    """Return the raw limit: both windows' chain parts in a single GROUP BY over bench_flat."""
    keys = [bench_flat.c.window, bench_flat.c.status, bench_flat.c.collected_any, bench_flat.c.brought_forward]
    if by_province:
        keys.insert(1, bench_flat.c.province_code)
    sums = [func.sum(bench_flat.c[name]) for name in ("opening", "collected", "reduced", "remaining")]
    with engine.connect() as connection:
        return connection.execute(select(*keys, func.count(), *sums).group_by(*keys)).all()


def time_queries(engine: Engine, end: date, places: dict[str, str], repeat: int, measured: Measured) -> None:
    """Record the pages' queries and the raw limit measured on the same cases."""
    note = HEADER_NOTE.format(repeat=repeat)
    progress(f"{measured.name}: bảng phẳng cho giới hạn thô")
    flat_rows = build_flat(engine, end)
    measured.add("Bảng phẳng (một dòng mỗi việc mỗi kỳ, hai kỳ)", f"{format_count(flat_rows)} dòng")
    raw = {by: median_time(lambda by=by: raw_group_by(engine, by), repeat) for by in (False, True)}
    flat_metadata.drop_all(engine)
    measured.add(f"Giới hạn thô: GROUP BY bảng phẳng, toàn quốc ({note})", seconds(raw[False]))
    measured.add(f"Giới hạn thô: GROUP BY bảng phẳng, theo tỉnh ({note})", seconds(raw[True]))
    for label, by, raw_s in (("Tổng quan toàn quốc, hai kỳ", None, raw[False]),
                             ("Tổng quan theo tỉnh, hai kỳ", "province", raw[True])):
        progress(f"{measured.name}: {label}")
        value = median_time(lambda by=by: chain_report(engine, end, by=by), repeat)
        limit = min(OVERVIEW_TARGET_S, RAW_FACTOR * raw_s)
        measured.add(f"{label} ({note})", f"{seconds(value)} = {value / raw_s:.1f}".replace(".", ",")
                     + " lần giới hạn thô", f"< 1,5 s và < 2 lần thô ({seconds(RAW_FACTOR * raw_s)})",
                     verdict(value, limit))
    progress(f"{measured.name}: một tỉnh theo đơn vị")
    value = median_time(lambda: chain_report(engine, end, Scope(province=places["province"]), by="unit"), repeat)
    measured.add(f"Một tỉnh ({places['province']}) theo đơn vị ({note})", seconds(value), "< 0,3 s",
                 verdict(value, PROVINCE_BY_UNIT_TARGET_S))
    value = median_time(lambda: chain_report(engine, end, Scope(unit=places["unit"]), by="officer"), repeat)
    measured.add(f"Chấp hành viên của một đơn vị ({places['unit']}) ({note})", seconds(value))
    window = window_ending(end)
    value = median_time(lambda: case_list(engine, window.start, end, Scope(officer=places["officer"]), limit=50),
                        repeat)
    measured.add(f"Danh sách việc của một chấp hành viên ({places['officer']}), 50 dòng ({note})", seconds(value))
    progress(f"{measured.name}: tổng quan đến một ngày không có bản tính sẵn")
    other_day = end - timedelta(days=1)
    value = _timed(lambda: chain_report(engine, other_day))
    measured.add(f"Tổng quan toàn quốc đến {other_day:%d/%m/%Y} (không phải cuối tháng: tính từ trạng thái, 1 lần)",
                 seconds(value))


def precompute(engine: Engine, measured: Measured) -> None:
    """Record the time to rebuild every month-end snapshot from the states."""
    progress(f"{measured.name}: tính lại toàn bộ bản tính sẵn cuối tháng")
    with engine.begin() as connection:
        started = time.perf_counter()
        days = refresh_snapshots(connection)
        elapsed = time.perf_counter() - started
    measured.add(f"Tính lại bản tính sẵn ({days} ngày cuối tháng, mọi đơn vị)", seconds(elapsed))


def import_rate(engine: Engine, measured: Measured) -> None:
    """Record import_tables re-importing one small province's cases, with their checks, states and snapshots."""
    country = plan_country("national")
    plan = min(country.plans, key=lambda plan: plan.weight)
    progress(f"{measured.name}: nhập lại các việc của {plan.name}")
    chosen = province_cases(plan, country.today)
    tables = {
        "viec": pd.DataFrame([(case.code, case.decision_no, case.decided_on.isoformat(), case.unit_code,
                               case.officer_code, case.judgment_type, case.mode, str(case.amount),
                               "|".join(case.groups)) for case in chosen],
                             columns=codes.EXCHANGE_COLUMNS["viec"], dtype=object),
        "su_kien": pd.DataFrame([(case.code, on.isoformat(), kind, "" if amount is None else str(amount), detail)
                                 for case in chosen for on, kind, amount, detail in case.events],
                                columns=codes.EXCHANGE_COLUMNS["su_kien"], dtype=object),
    }
    elapsed = _timed(lambda: import_tables(engine, tables))
    measured.add(f"Nhập lại một tỉnh bằng import_tables ({plan.name}: {format_count(len(chosen))} việc, "
                 f"{format_count(len(tables['su_kien']))} sự kiện)",
                 f"{seconds(elapsed)}, {format_count(round(len(chosen) / elapsed))} việc/s")


def measure(name: str, url: str, rebuild: bool, repeat: int) -> Measured:
    """Return every figure of one database engine holding the national demo."""
    measured = Measured(name)
    engine = open_engine(url)
    try:
        ensure_national(engine, rebuild, measured)
        sizes(engine, measured)
        end = latest_month_end(engine)
        measured.add("Kỳ đo", f"01/10/{end.year if end.month >= 10 else end.year - 1} – {end:%d/%m/%Y}")
        places = sample_places(engine, end)
        time_queries(engine, end, places, repeat, measured)
        import_rate(engine, measured)
        precompute(engine, measured)
    finally:
        engine.dispose()
    server_memory(url, places, measured)
    return measured


def side_by_side(results: list[Measured]) -> str:
    """Return one table: each figure with its value on every engine, the target and each engine's verdict."""
    figures = list(dict.fromkeys(row[0] for result in results for row in result.rows))
    found = {result.name: {row[0]: row for row in result.rows} for result in results}
    header = ("Phép đo", *(result.name for result in results), "Mục tiêu",
              *(f"Kết quả {result.name.split()[0]}" for result in results))
    rows = []
    for figure in figures:
        cells = [found[result.name].get(figure, (figure, "", "", "")) for result in results]
        target = next((cell[2] for cell in cells if cell[2]), "")
        rows.append((figure, *(cell[1] for cell in cells), target, *(cell[3] for cell in cells)))
    return render(rows, header)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the national benchmark table (1 when PostgreSQL is down)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.national", description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="sinh lại dữ liệu toàn quốc dù đã có")
    parser.add_argument("--repeat", type=run_count, default=DEFAULT_REPEAT,
                        help=f"số lần đo mỗi truy vấn sau một lần chạy làm nóng (mặc định {DEFAULT_REPEAT})")
    parser.add_argument("--postgres-only", action="store_true", help="không đo SQLite")
    arguments = parser.parse_args(argv)
    problem = postgres_problem(POSTGRES_ADMIN_URL)
    if problem is not None:
        print(f"Không kết nối được PostgreSQL tại {POSTGRES_ADMIN_URL}: {problem}.", file=sys.stderr)
        return 1
    postgres_url = national_postgres_url()
    version = postgres_version(create_engine(postgres_url))
    results = [measure(f"PostgreSQL {version}", postgres_url, arguments.rebuild, arguments.repeat)]
    if not arguments.postgres_only:
        Path(SQLITE_PATH).parent.mkdir(parents=True, exist_ok=True)
        results.append(measure(f"SQLite {sqlite3.sqlite_version}", f"sqlite:///{SQLITE_PATH}", arguments.rebuild,
                               arguments.repeat))
    print(f"Đo ngày {date.today():%d/%m/%Y}; mục tiêu trên máy 2 lõi CPU.")
    print(side_by_side(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
