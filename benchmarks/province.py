"""Province-scale benchmark: import, re-import and chain_report timings on SQLite and PostgreSQL.

Run from the project root: PYTHONPATH=. python -m benchmarks.province [--sqlite-only] [--repeat N]
"""

import argparse
import os
import platform
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.engine import Engine

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from data_access.schema import case_states, cases, events
from dashboard.demo.province import generate_province
from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count, round_half_up

POSTGRES_ADMIN_URL = os.environ.get("THADS_BENCH_POSTGRES_URL",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
DATABASE_PREFIX = "thads_bench_"
SEED = 2024
# The period of the reference provincial report (3 months of work-year 2024).
REPORT_END = date(2023, 12, 31)
# Odd, so the median is one real run.
DEFAULT_REPEAT = 7
# A whole province is re-imported after every export from the case system; a minute is the most an operator waits.
IMPORT_TARGET_S = 60.0
# The unit breakdown is the first thing the dashboard draws; under 0,3 s it feels immediate.
UNIT_REPORT_TARGET_S = 0.3
# (argument of chain_report, label); only by="unit" has a target.
BREAKDOWNS = (("unit", 'by="unit"'), ("officer", 'by="officer"'), ("group", 'by="group"'), (None, "không có by"))
HEADER = ("CSDL", "Phép đo", "Giá trị", "Mục tiêu", "Kết quả")


@dataclass(frozen=True)
class Timing:
    """Median and slowest of repeated warm runs, in seconds."""

    median: float
    slowest: float


@dataclass(frozen=True)
class EngineResult:
    """What one database engine measured: row counts, import times and chain_report timings."""

    engine: str
    sizes: dict[str, int]
    import_s: float
    reimport_s: float
    reports: dict[str | None, Timing]


def seconds(value: float) -> str:
    """Return a duration in seconds with a decimal comma and 3 decimals: 0.1841 -> "0,184 s"."""
    return f"{round_half_up(value, 3):.3f} s".replace(".", ",")


def target_text(limit: float) -> str:
    return "< " + f"{Decimal(str(limit)).normalize():f}".replace(".", ",") + " s"


def verdict(value: float, limit: float) -> str:
    """Return "đạt" when value is under the limit, else "KHÔNG ĐẠT"."""
    return "đạt" if value < limit else "KHÔNG ĐẠT"


def run_count(text: str) -> int:
    """Return the --repeat value of a benchmark: a whole number of timed runs, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("phải là số nguyên từ 1 trở lên")
    return int(text)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def time_report(engine: Engine, by: str | None, repeat: int) -> Timing:
    """Return the median and slowest of `repeat` chain_report runs made after one untimed run."""
    chain_report(engine, REPORT_END, by=by)
    runs = [_timed(lambda: chain_report(engine, REPORT_END, by=by)) for _ in range(repeat)]
    return Timing(median=statistics.median(runs), slowest=max(runs))


def row_counts(engine: Engine) -> dict[str, int]:
    """Return the number of rows of cases, events and case_states."""
    with engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (cases, events, case_states)}


def measure(name: str, engine: Engine, tables: dict[str, pd.DataFrame], repeat: int) -> EngineResult:
    """Return the measurements of one empty engine: import, re-import, then chain_report per breakdown."""
    progress(f"{name}: nhập toàn tỉnh")
    import_s = _timed(lambda: import_tables(engine, tables))
    progress(f"{name}: nhập lại (thay thế)")
    reimport_s = _timed(lambda: import_tables(engine, tables))
    reports = {}
    for by, label in BREAKDOWNS:
        progress(f"{name}: chain_report {label}")
        reports[by] = time_report(engine, by, repeat)
    return EngineResult(name, row_counts(engine), import_s, reimport_s, reports)


def result_rows(result: EngineResult, repeat: int) -> list[tuple[str, ...]]:
    """Return the table rows of one engine: sizes, then each figure beside its target and verdict."""
    name, sizes = result.engine, result.sizes
    rows = [
        (name, "Số việc (cases)", format_count(sizes["cases"]), "", ""),
        (name, "Số sự kiện (events = dòng su_kien)", format_count(sizes["events"]), "", ""),
        (name, "Số khoảng trạng thái (case_states)", format_count(sizes["case_states"]), "", ""),
    ]
    for label, value in (("Nhập toàn tỉnh vào CSDL rỗng", result.import_s),
                         ("Nhập lại cùng dữ liệu (thay thế)", result.reimport_s)):
        rows.append((name, label, seconds(value), target_text(IMPORT_TARGET_S), verdict(value, IMPORT_TARGET_S)))
    for by, label in BREAKDOWNS:
        timing = result.reports[by]
        target, outcome = "", ""
        if by == "unit":
            target, outcome = target_text(UNIT_REPORT_TARGET_S), verdict(timing.median, UNIT_REPORT_TARGET_S)
        rows.append((name, f"chain_report {label}: trung vị {repeat} lần", seconds(timing.median), target, outcome))
        rows.append((name, f"chain_report {label}: chậm nhất", seconds(timing.slowest), "", ""))
    return rows


def render(rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER) -> str:
    """Return rows as a plain left-aligned text table under the header."""
    widths = [max(len(row[index]) for row in (header, *rows)) for index in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in (header, *rows)]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def peak_rss_mb() -> float:
    """Return the peak resident set size of this process in MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def postgres_problem(admin_url: str) -> str | None:
    """Return why PostgreSQL cannot be reached at admin_url, or None when it answers."""
    admin = create_engine(admin_url, connect_args={"connect_timeout": 5})
    try:
        with admin.connect():
            return None
    except Exception as error:  # any driver error means the server cannot be used
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    finally:
        admin.dispose()


def database_url(admin_url: str, name: str) -> str:
    """Return admin_url pointing at the database called name."""
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def postgres_version(engine: Engine) -> str:
    """Return the server's version string, e.g. "15.20"."""
    with engine.connect() as connection:
        return connection.execute(text("SHOW server_version")).scalar_one().split()[0]


@contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    """Yield the URL of a fresh thads_bench_ database, dropped on exit even after an error."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"{DATABASE_PREFIX}{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield database_url(admin_url, name)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def _measure_sqlite(tables: dict[str, pd.DataFrame], repeat: int) -> EngineResult:
    with tempfile.TemporaryDirectory(prefix=DATABASE_PREFIX) as folder:
        engine = open_engine(f"sqlite:///{Path(folder) / 'province.sqlite3'}")
        try:
            return measure(f"SQLite {sqlite3.sqlite_version}", engine, tables, repeat)
        finally:
            engine.dispose()


def _measure_postgres(tables: dict[str, pd.DataFrame], repeat: int) -> EngineResult:
    with postgres_database(POSTGRES_ADMIN_URL) as url:
        engine = open_engine(url)
        try:
            return measure(f"PostgreSQL {postgres_version(engine)}", engine, tables, repeat)
        finally:
            engine.dispose()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.province",
                                     description="Đo thời gian nhập và tính chuỗi chỉ tiêu trên dữ liệu cỡ một tỉnh.")
    parser.add_argument("--sqlite-only", action="store_true", help="chỉ đo SQLite, bỏ qua PostgreSQL")
    parser.add_argument("--repeat", type=run_count, default=DEFAULT_REPEAT,
                        help=f"số lần đo mỗi chain_report sau một lần chạy làm nóng (mặc định {DEFAULT_REPEAT})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the benchmark table: 0, or 1 when PostgreSQL is unreachable."""
    arguments = _arguments(argv)
    if not arguments.sqlite_only:
        problem = postgres_problem(POSTGRES_ADMIN_URL)
        if problem is not None:
            where = make_url(POSTGRES_ADMIN_URL).render_as_string(hide_password=True)
            print(f"Không kết nối được PostgreSQL tại {where}: {problem}. "
                  "Hãy khởi động máy chủ, hoặc chạy với --sqlite-only để chỉ đo SQLite.", file=sys.stderr)
            return 1
    progress("sinh dữ liệu toàn tỉnh (không tính giờ)")
    province = generate_province("province", seed=SEED)
    tables = province.tables()
    results = [_measure_sqlite(tables, arguments.repeat)]
    if not arguments.sqlite_only:
        results.append(_measure_postgres(tables, arguments.repeat))
    print(f"Đo ngày {date.today().isoformat()}, {os.cpu_count()} lõi CPU, Python {platform.python_version()}.")
    print(f'Dữ liệu: generate_province("province", seed={SEED}), sự kiện đến ngày {province.today.isoformat()}; '
          f"chain_report(engine, date({REPORT_END.year}, {REPORT_END.month}, {REPORT_END.day}), by=...) "
          "tính cả kỳ này và cùng kỳ năm trước.")
    print("Thời gian nhập chỉ tính import_tables, không tính thời gian sinh dữ liệu. "
          f"chain_report: chạy một lần không tính giờ, rồi đo {arguments.repeat} lần; mục tiêu so với trung vị.")
    if arguments.sqlite_only:
        print("PostgreSQL: bỏ qua (--sqlite-only).")
    print()
    print(render([row for result in results for row in result_rows(result, arguments.repeat)]))
    print()
    print(f"RSS đỉnh của tiến trình (gồm cả sinh dữ liệu): {format_count(round(peak_rss_mb()))} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
