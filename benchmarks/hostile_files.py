"""Hostile files at full size: time and peak memory of each refusal beside good imports of the same size.

Run from the project root: PYTHONPATH=. python -m benchmarks.hostile_files [--keep FOLDER]
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.hostile_data import (
    empty_rows, grown_cases, one_far_row, one_huge_cell, sparse_csv, text_named_xlsx,
)
from benchmarks.province import progress, render, seconds
from data_access.engine import open_engine
from data_access.exchange.files import write_folder
from data_access.exchange.importer import import_tables
from data_access.schema import metadata
from dashboard.demo.province import generate_province
from dashboard.metrics.formatting import format_count

SEED = 2024
# A fixed day, so every run measures the same files.
BUILD_DAY = date(2026, 11, 28)
GROWN_CSV_BYTES = 50 * 1024 * 1024
HUGE_CELL_CHARACTERS = 400 * 1024 * 1024
EMPTY_ROWS_PAST_SIZE_LIMIT = 20_000_000
EMPTY_ROWS_UNDER_SIZE_LIMIT = 3_000_000
OVERSIZED_CSV_BYTES = 201 * 1024 * 1024
# A refusal is found before the rows are kept: it costs little more than the interpreter, and no operator waits.
REFUSAL_TARGET_S = 15.0
REFUSAL_MEMORY_OVER_FLOOR_MB = 100.0
HEADER = ("Tệp", "Kích thước", "Mã thoát", "Thời gian", "Bộ nhớ đỉnh", "Mục tiêu", "Kết quả", "CSDL", "Thông báo")


@dataclass(frozen=True)
class Case:
    """One file to import: its label, path, and whether the import should succeed."""

    label: str
    path: Path
    accepted: bool


@dataclass(frozen=True)
class Run:
    """What one import process did: exit code, wall seconds, peak resident MB, first line it printed."""

    code: int
    seconds: float
    peak_mb: float
    first_line: str


def _megabytes(size: float) -> str:
    return f"{size:,.0f} MB".replace(",", ".")


def _size_of(path: Path) -> int:
    if path.is_dir():
        return sum(child.stat().st_size for child in path.iterdir())
    return path.stat().st_size


# The import runs in a fresh interpreter that reports its own peak at exit: the peak a parent reads with wait4
# would include the benchmark's own memory, which the child's exec inherits as its starting high-water mark.
_MEASURED_IMPORT = """
import sys
from dashboard.cli import main
try:
    code = main(sys.argv[2:])
finally:
    with open("/proc/self/status") as status, open(sys.argv[1], "w") as peak:
        peak.write(status.read())
sys.exit(code)
"""


def run_import(path: Path, database: Path) -> Run:
    """Return the exit code, time, peak memory and first message of `python -m dashboard import` on a path."""
    report = database.with_suffix(".status")
    started = time.perf_counter()
    finished = subprocess.run([sys.executable, "-c", _MEASURED_IMPORT, str(report), "import", str(path), "--db",
                               f"sqlite:///{database}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - started
    peak_kb = next(int(line.split()[1]) for line in report.read_text().splitlines() if line.startswith("VmHWM:"))
    report.unlink()
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    first = lines[1] if len(lines) > 1 and finished.returncode else (lines[0] if lines else "")
    return Run(finished.returncode, elapsed, peak_kb / 1024, first[:110])


def row_counts(database: Path) -> dict[str, int]:
    """Return the number of rows of every table of a SQLite database."""
    engine = open_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        counts = {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                  for table in metadata.sorted_tables}
    engine.dispose()
    return counts


def make_files(folder: Path) -> tuple[dict, list[Case]]:
    """Return the province's tables and the files to import, written under folder."""
    progress("Tạo tỉnh mẫu")
    tables = generate_province("province", seed=SEED, today=BUILD_DAY).tables()
    write_folder(tables, folder / "tinh_mau")
    progress("Tạo các tệp")
    grown_cases(tables, folder / "viec_50mb_hop_le", GROWN_CSV_BYTES, bad_last_line=False)
    grown_cases(tables, folder / "viec_50mb_dong_cuoi_sai", GROWN_CSV_BYTES, bad_last_line=True)
    one_huge_cell(folder / "mot_o_400mb.xlsx", HUGE_CELL_CHARACTERS)
    empty_rows(folder / "20_trieu_dong_trong.xlsx", EMPTY_ROWS_PAST_SIZE_LIMIT, dimension=True)
    empty_rows(folder / "3_trieu_dong_trong.xlsx", EMPTY_ROWS_UNDER_SIZE_LIMIT, dimension=True)
    empty_rows(folder / "3_trieu_dong_trong_khong_kich_thuoc.xlsx", EMPTY_ROWS_UNDER_SIZE_LIMIT, dimension=False)
    one_far_row(folder / "dong_so_20_trieu.xlsx", EMPTY_ROWS_PAST_SIZE_LIMIT)
    text_named_xlsx(folder / "van_ban_mang_ten.xlsx")
    sparse_csv(folder / "viec_201mb", OVERSIZED_CSV_BYTES)
    cases = [
        Case("Tỉnh mẫu, thư mục CSV (hợp lệ)", folder / "tinh_mau", True),
        Case("viec.csv 50 MB (hợp lệ)", folder / "viec_50mb_hop_le", True),
        Case("viec.csv 50 MB, dòng cuối sai", folder / "viec_50mb_dong_cuoi_sai", False),
        Case(".xlsx một ô 400 MB", folder / "mot_o_400mb.xlsx", False),
        Case(".xlsx 20 triệu dòng trống", folder / "20_trieu_dong_trong.xlsx", False),
        Case(".xlsx 3 triệu dòng trống", folder / "3_trieu_dong_trong.xlsx", False),
        Case(".xlsx 3 triệu dòng trống, không ghi kích thước", folder / "3_trieu_dong_trong_khong_kich_thuoc.xlsx",
             False),
        Case(".xlsx hai dòng, dòng thứ hai số 20.000.000", folder / "dong_so_20_trieu.xlsx", False),
        Case("Tệp văn bản mang tên .xlsx", folder / "van_ban_mang_ten.xlsx", False),
        Case("viec.csv 201 MB", folder / "viec_201mb", False),
    ]
    return tables, cases


def measure(folder: Path, tables: dict, cases: list[Case]) -> list[tuple[str, ...]]:
    """Return one table row per file: its import beside the target, and whether the database stayed unchanged."""
    seeded = folder / "seeded.sqlite3"
    engine = open_engine(f"sqlite:///{seeded}")
    import_tables(engine, {stem: tables[stem] for stem in ("don_vi", "chap_hanh_vien", "chi_tieu")})
    engine.dispose()
    before = row_counts(seeded)
    floor = run_import(folder / "khong_co", seeded)
    rows = [("Đường dẫn không có (mức nền)", "", str(floor.code), seconds(floor.seconds), _megabytes(floor.peak_mb),
             "", "", "", floor.first_line)]
    for case in cases:
        progress(f"Nhập: {case.label}")
        database = folder / "run.sqlite3"
        shutil.copy(seeded, database)
        run = run_import(case.path, database)
        size = _megabytes(_size_of(case.path) / 1024 / 1024)
        if case.accepted:
            ok = run.code == 0
            target, outcome, database_note = "nhập được", "đạt" if ok else "KHÔNG ĐẠT", "đã ghi"
        else:
            limit = floor.peak_mb + REFUSAL_MEMORY_OVER_FLOOR_MB
            ok = run.code == 1 and run.seconds < REFUSAL_TARGET_S and run.peak_mb <= limit
            target = f"từ chối, < {REFUSAL_TARGET_S:.0f} s, ≤ {_megabytes(limit)}"
            outcome = "đạt" if ok else "KHÔNG ĐẠT"
            database_note = "không đổi" if row_counts(database) == before else "ĐÃ ĐỔI"
        rows.append((case.label, size, str(run.code), seconds(run.seconds), _megabytes(run.peak_mb), target, outcome,
                     database_note, run.first_line))
        database.unlink()
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print the table of every file's import; return 0 (the verdicts are in the table)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path,
                        help="thư mục giữ lại các tệp đã tạo (mặc định: thư mục tạm, xóa khi xong)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="thads_hostile_")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    try:
        tables, cases = make_files(folder)
        rows = measure(folder, tables, cases)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(render(rows, HEADER))
    print(f"\nTỉnh mẫu: {format_count(len(tables['viec']))} việc, {format_count(len(tables['su_kien']))} sự kiện. "
          "Bộ nhớ đỉnh: RSS lớn nhất của tiến trình nhập (VmHWM); mức nền là một lần nhập đường dẫn không có.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
