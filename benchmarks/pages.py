"""Page benchmark: each page's server-side render time at province scale, cold and warm, on SQLite and PostgreSQL.

Run from the project root: PYTHONPATH=. python -m benchmarks.pages [--sqlite-only] [--repeat N]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from data_access.engine import PROJECT_ROOT, open_engine
from dashboard.demo.build import build_demo
from benchmarks.province import POSTGRES_ADMIN_URL, postgres_database, postgres_problem, render, seconds, verdict

PAGES = ("overview", "don_vi", "chap_hanh_vien", "nhom_viec", "xu_huong")
# The default view (the current work-year to its last closed month) and the heaviest: a whole work-year.
VIEWS = {"mặc định": {}, "cả năm 2025": {"nam": "2025", "den": "2025-09-30"}}
# Odd, so the median is one real run.
DEFAULT_REPEAT = 5
# A page that answers within half a second feels immediate when a leader clicks through.
WARM_TARGET_S = 0.5
# The first view after the cache expires (every five minutes) may take a moment, but not more than two seconds.
COLD_TARGET_S = 2.0
# AppTest waits this long at most for one run; the benchmark reports times, it does not enforce them.
RUN_LIMIT_S = 120


def _run(page: str, query: dict[str, str]) -> float:
    app = AppTest.from_file(str(PROJECT_ROOT / "pages" / f"{page}.py"), default_timeout=RUN_LIMIT_S)
    for key, value in query.items():
        app.query_params[key] = value
    started = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"pages/{page}.py failed: {app.exception[0].message}")
    return elapsed


def measure_pages(url: str, label: str, repeat: int) -> list[tuple[str, ...]]:
    """Return table rows of cold and warm render times of every page on the database at `url`."""
    os.environ["THADS_DATABASE_URL"] = url
    rows = []
    for view, query in VIEWS.items():
        for page in PAGES:
            st.cache_data.clear()
            st.cache_resource.clear()
            cold = _run(page, query)
            warm = statistics.median(_run(page, query) for _ in range(repeat))
            rows.append((label, f"{page}, {view}: lạnh (không có cache)", seconds(cold),
                         f"< {seconds(COLD_TARGET_S)}", verdict(cold, COLD_TARGET_S)))
            rows.append((label, f"{page}, {view}: ấm, trung vị {repeat} lần", seconds(warm),
                         f"< {seconds(WARM_TARGET_S)}", verdict(warm, WARM_TARGET_S)))
    return rows


def _build(url: str) -> None:
    print(f"... tạo tỉnh mẫu tại {url.split('@')[-1]}", file=sys.stderr)
    engine = open_engine(url)
    build_demo(engine)
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Print the page timing table; return 1 when PostgreSQL is needed but unreachable."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages", description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite-only", action="store_true", help="không đo trên PostgreSQL")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="số lần đo khi ấm")
    arguments = parser.parse_args(argv)
    if not arguments.sqlite_only and (problem := postgres_problem(POSTGRES_ADMIN_URL)):
        print(problem, file=sys.stderr)
        return 1
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'pages.sqlite3'}"
        _build(url)
        rows += measure_pages(url, "SQLite", arguments.repeat)
    if not arguments.sqlite_only:
        with postgres_database(POSTGRES_ADMIN_URL) as url:
            _build(url)
            rows += measure_pages(url, "PostgreSQL", arguments.repeat)
    print("Thời gian chạy kịch bản trang phía máy chủ (AppTest: chạy trang, tính số liệu, dựng biểu đồ) trên tỉnh "
          "mẫu cỡ 'province'; 'mặc định' = năm công tác hiện tại đến tháng gần nhất, 'cả năm 2025' = 01/10/2024 "
          "đến 30/09/2025.")
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
