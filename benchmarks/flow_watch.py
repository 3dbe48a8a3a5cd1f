"""`flow` and `watch` on the whole country (PostgreSQL): a month end for the country and for one province, each
beside the chains report of the same scope, measured in the same run.

Run from the project root: PYTHONPATH=. python -m benchmarks.flow_watch [--rebuild] [--repeat 5]
The first run builds the national demo into the PostgreSQL database `thads_national` (about a quarter of an hour).
"""

import argparse
import statistics
import time

from data_access.engine import open_engine
from data_access.queries.viewing import OPERATOR, Reader
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import flow_report
from dashboard.metrics.watch import watch_report
from benchmarks.national_data import (
    Measured, ensure_national, latest_month_end, national_postgres_url, progress, sample_places,
)
from benchmarks.province import render, seconds, target_text, verdict

TARGETS = {"country": 0.5, "province": 0.3}


def _median(work, repeat: int) -> float:
    work()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    """Print the median time of flow and watch at the latest month end, for the country and for one province."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="sinh lại CSDL toàn quốc")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    engine = open_engine(national_postgres_url())
    measured = Measured("PostgreSQL")
    ensure_national(engine, args.rebuild, measured)
    reader = Reader(engine, OPERATOR)
    end = latest_month_end(engine)
    province = sample_places(engine, end)["province"]
    progress(f"Đo tại {end:%d/%m/%Y}, tỉnh mẫu {province}")
    print(f"PostgreSQL, {end:%d/%m/%Y}, trung vị của {args.repeat} lần đo sau một lần chạy trước")
    for place, scope in (("country", Scope()), ("province", Scope(province=province))):
        target = TARGETS[place]
        words = "toàn quốc" if place == "country" else f"một tỉnh ({province})"
        for name, report in (("flow", flow_report), ("watch", watch_report)):
            took = _median(lambda: report(reader, end, scope), args.repeat)
            measured.add(f"{name} {words}", seconds(took), target_text(target), verdict(took, target))
        baseline = _median(lambda: chain_report(reader, end, scope), args.repeat)
        measured.add(f"report {words} (so sánh)", seconds(baseline))
    print(render(measured.rows, ("Phép đo", "Giá trị", "Mục tiêu", "Kết quả")))
    engine.dispose()


if __name__ == "__main__":
    main()
