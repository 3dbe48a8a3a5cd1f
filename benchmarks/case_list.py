"""Case-list benchmark on the national demo (about 5 million cases, PostgreSQL): one page of Danh sách việc per drill.

Run from the project root: PYTHONPATH=. python -m benchmarks.case_list [--rebuild] [--repeat N]
"""

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from data_access.engine import open_engine
from data_access.queries.case_list import CaseFilter, case_list
from data_access.queries.chain_queries import Scope
from data_access.schema import cases, events
from dashboard.demo.national_build import build_national
from dashboard.metrics.formatting import format_count, format_date
from dashboard.metrics.periods import window_ending
from benchmarks.national_data import DATABASE_NAME, NATIONAL_CASES, case_count, national_postgres_url, sample_places
from benchmarks.province import (
    POSTGRES_ADMIN_URL, Timing, progress, target_text, postgres_problem, postgres_version, render, row_counts,
    run_count, seconds, verdict,
)

# Odd, so the median is one real run.
DEFAULT_REPEAT = 5
# The page answers a click on a number of the report; past a second the leader thinks the click was lost.
PAGE_TARGET_S = 1.0
PAGE_SIZE = 50
# The first quarter of work-year 2026 and the whole work-year 2025: month ends, as the period menu offers them.
QUARTER = (date(2025, 10, 1), date(2025, 12, 31))
WORK_YEAR = (date(2024, 10, 1), date(2025, 9, 30))
# "Large amount still owed" as a leader would filter it: 100 million đồng.
LARGE_REMAINING = 100_000_000


@dataclass(frozen=True)
class Drill:
    """One case list a leader opens: a label, the window, the scope and the keyword arguments of case_list."""

    label: str
    start: date
    end: date
    scope: Scope = Scope()
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DrillResult:
    """The timing of one drill and the number of cases its whole list holds."""

    drill: Drill
    timing: Timing
    total: int


def page(engine: Engine, drill: Drill):
    """Return what case_list returns for the drill's page, as the Danh sách việc page calls it."""
    options = {"cell": "caseload", "chain": "cases", "narrow": CaseFilter(), "sort": "remaining", "descending": True,
               "offset": 0, "limit": PAGE_SIZE} | drill.options
    return case_list(engine, drill.start, drill.end, drill.scope, **options)


def last_data_day(engine: Engine) -> date:
    """Return the latest event date: the end of the "đến nay" view, a day with no month-end figures."""
    with engine.connect() as connection:
        return connection.execute(select(func.max(events.c.occurred_on))).scalar_one()


def unit_size(engine: Engine, unit: str) -> int:
    """Return how many cases a unit holds."""
    with engine.connect() as connection:
        return connection.execute(select(func.count()).where(cases.c.unit_code == unit)).scalar_one()


def drills(engine: Engine) -> list[Drill]:
    """Return the drills timed, with the places and the last page looked up in the database."""
    places = sample_places(engine, QUARTER[1])
    province, unit, officer = places["province"], places["unit"], places["officer"]
    progress("đếm danh sách thụ lý toàn quốc để tìm trang cuối")
    caseload = page(engine, Drill("", *QUARTER, options={"sort": "code", "descending": False})).total
    last_offset = max(0, (caseload - 1) // PAGE_SIZE * PAGE_SIZE)
    today = last_data_day(engine)
    return [
        Drill("Toàn quốc, thụ lý (quý), còn lại giảm dần", *QUARTER),
        Drill("Toàn quốc, thụ lý (quý), trang 2", *QUARTER, options={"offset": PAGE_SIZE}),
        Drill("Toàn quốc, đang thi hành (năm)", *WORK_YEAR, options={"cell": "in_progress"}),
        Drill(f"Toàn quốc, thụ lý (quý), trang cuối theo mã (offset {format_count(last_offset)})", *QUARTER,
              options={"sort": "code", "descending": False, "offset": last_offset}),
        Drill("Toàn quốc, có điều kiện, nhóm ngân sách, mới nhất trước (quý)", *QUARTER, Scope(group="ngan_sach"),
              {"cell": "enforceable", "sort": "decided_on"}),
        Drill(f"Toàn quốc, đang thi hành, còn ≥ {format_count(LARGE_REMAINING)} đ, cũ nhất trước (quý)", *QUARTER,
              options={"narrow": CaseFilter(buckets=("in_progress",), min_remaining=LARGE_REMAINING),
                       "sort": "age_days"}),
        Drill(f"Tỉnh {province}, có điều kiện (quý)", *QUARTER, Scope(province=province), {"cell": "enforceable"}),
        Drill(f"Đơn vị {unit} ({format_count(unit_size(engine, unit))} việc), có điều kiện (quý)", *QUARTER,
              Scope(unit=unit), {"cell": "enforceable"}),
        Drill(f"CHV {officer}, thụ lý (quý)", *QUARTER, Scope(officer=officer)),
        Drill("Toàn quốc, chuỗi tiền, xong (quý), theo số tiền tính vào chỉ tiêu", *QUARTER,
              options={"chain": "money", "cell": "done", "sort": "value"}),
        Drill(f"Toàn quốc, thụ lý đến nay ({format_date(today)}, không phải cuối tháng)",
              window_ending(today).start, today),
    ]


def time_drill(engine: Engine, drill: Drill, repeat: int) -> DrillResult:
    """Return the median and slowest of `repeat` page loads made after one untimed load, and the list's size."""
    total = page(engine, drill).total
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        page(engine, drill)
        runs.append(time.perf_counter() - started)
    return DrillResult(drill, Timing(median=statistics.median(runs), slowest=max(runs)), total)


def database_size(engine: Engine) -> int:
    """Return the size of the connected database in bytes (pg_database_size)."""
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def server_settings(engine: Engine) -> str:
    """Return the PostgreSQL settings that bear on these timings, as "name=value" pairs."""
    with engine.connect() as connection:
        pairs = [(name, connection.execute(text(f"SHOW {name}")).scalar_one())
                 for name in ("shared_buffers", "work_mem", "max_parallel_workers_per_gather", "jit")]
    return ", ".join(f"{name}={value}" for name, value in pairs)


def result_rows(name: str, sizes: dict[str, int], size_bytes: int, build_s: float | None,
                results: list[DrillResult], repeat: int) -> list[tuple[str, ...]]:
    """Return the table rows: the database's size and build time, then each drill's list size and timings."""
    rows = [
        (name, "Số việc (cases)", format_count(sizes["cases"]), "", ""),
        (name, "Số sự kiện (events)", format_count(sizes["events"]), "", ""),
        (name, "Số khoảng trạng thái (case_states)", format_count(sizes["case_states"]), "", ""),
        (name, "Dung lượng CSDL (pg_database_size)", f"{format_count(round(size_bytes / 2**20))} MB", "", ""),
        (name, "Xây CSDL (demo --size national)", "dùng lại" if build_s is None else seconds(build_s), "", ""),
    ]
    target = target_text(PAGE_TARGET_S)
    for result in results:
        label, timing = result.drill.label, result.timing
        rows += [
            (name, f"{label}: số việc", format_count(result.total), "", ""),
            (name, f"{label}: trung vị {repeat} lần", seconds(timing.median), target,
             verdict(timing.median, PAGE_TARGET_S)),
            (name, f"{label}: chậm nhất", seconds(timing.slowest), "", ""),
        ]
    return rows


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.case_list",
                                     description="Đo thời gian mở một trang Danh sách việc trên khoảng 5 triệu việc.")
    parser.add_argument("--rebuild", action="store_true",
                        help=f"sinh lại dữ liệu toàn quốc trong {DATABASE_NAME} dù đã có")
    parser.add_argument("--repeat", type=run_count, default=DEFAULT_REPEAT,
                        help=f"số lần đo mỗi danh sách sau một lần chạy làm nóng (mặc định {DEFAULT_REPEAT})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the benchmark table: 0, or 1 when PostgreSQL is unreachable."""
    arguments = _arguments(argv)
    problem = postgres_problem(POSTGRES_ADMIN_URL)
    if problem is not None:
        print(f"Không kết nối được PostgreSQL: {problem}. Hãy khởi động máy chủ rồi chạy lại.", file=sys.stderr)
        return 1
    # The schema step gives a database built by an earlier version the indexes the lists walk.
    engine = open_engine(national_postgres_url())
    try:
        build_s = None
        if arguments.rebuild or case_count(engine) < NATIONAL_CASES:
            progress(f"sinh và nạp dữ liệu toàn quốc vào {DATABASE_NAME}")
            build_s = build_national(engine, progress=sys.stderr).seconds
        results = []
        for drill in drills(engine):
            progress(drill.label)
            results.append(time_drill(engine, drill, arguments.repeat))
        name = f"PostgreSQL {postgres_version(engine)}"
        rows = result_rows(name, row_counts(engine), database_size(engine), build_s, results,
                           arguments.repeat)
        settings = server_settings(engine)
    finally:
        engine.dispose()
    print(f"Đo ngày {date.today().isoformat()}, {os.cpu_count()} lõi CPU, Python {platform.python_version()}; "
          f"{settings}.")
    print(f"Quý = {format_date(QUARTER[0])}-{format_date(QUARTER[1])}; "
          f"năm = năm công tác {WORK_YEAR[1].year}, {format_date(WORK_YEAR[0])}-{format_date(WORK_YEAR[1])}.")
    print(f"CSDL {DATABASE_NAME}: dữ liệu mẫu toàn quốc (python -m dashboard demo --size national), 34 tỉnh.")
    print(f"Mỗi dòng là một lần mở trang Danh sách việc: một lời gọi case_list (đếm cả danh sách và lấy "
          f"{PAGE_SIZE} dòng); chạy một lần không tính giờ, rồi đo {arguments.repeat} lần; mục tiêu so với trung vị.")
    print()
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
