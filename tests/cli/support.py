"""The command line's test data: five cases counted by hand, the figures expected of them, and helpers that run the
command line in-process."""

import json
from datetime import date

from sqlalchemy import func, select

from data_access.schema import metadata
from dashboard.cli import main
from tests.support.builders import case, ev, tables, target

M = 1_000_000
END = date(2023, 12, 31)
UNREACHABLE = "postgresql://postgres@127.0.0.1:1/x"

# Five cases counted by hand for the window 1/10/2023-31/12/2023 and its same period 1/10/2022-31/12/2022:
# V1 brought forward, collected in full and done; V2 new, 3 collected, 1 reduced, then hoãn c;
# V3 new, not enforceable, reassigned from C03 to C02; V4 only in last year's window (2 reduced, in progress
# on 31/12/2022, terminated in March 2023); V5 brought forward and delegated with nothing collected.
SAMPLE = tables(
    cases=[
        case("V1", "2023-06-01", 10 * M, groups="ngan_sach"),
        case("V2", "2023-10-15", 20 * M, unit="H02", officer="C04", groups="tin_dung"),
        case("V3", "2023-11-01", 5 * M, officer="C03"),
        case("V4", "2022-11-01", 8 * M, groups="ngan_sach|tin_dung"),
        case("V5", "2023-09-01", 4 * M, unit="H02", officer="C04"),
    ],
    events=[
        ev("V1", "2023-11-01", "xong"), ev("V1", "2023-11-01", "thu_tien", 10 * M),
        ev("V2", "2023-11-05", "thu_tien", 3 * M), ev("V2", "2023-11-20", "giam", M),
        ev("V2", "2023-12-01", "hoan", detail="c"),
        ev("V3", "2023-11-10", "chua_co_dieu_kien"), ev("V3", "2023-12-20", "phan_cong", detail="C02"),
        ev("V4", "2022-12-10", "giam", 2 * M), ev("V4", "2023-03-01", "dinh_chi"),
        ev("V5", "2023-12-05", "uy_thac"),
    ],
    targets=[target(2024, "tinh", "", "84", "47"), target(2024, "don_vi", "H01", "85", "50"),
             target(2024, "chv", "C02", "90", "60")],
)
IMPORTED = ("don_vi.csv: 3 dòng\nchap_hanh_vien.csv: 4 dòng\nviec.csv: 5 dòng\nsu_kien.csv: 10 dòng\n"
            "chi_tieu.csv: 3 dòng\n")

CASE_KEYS = ["brought_forward", "new", "caseload", "delegated", "cancelled", "to_enforce", "done", "terminated",
             "in_progress", "deferred_c", "not_enforceable", "enforceable", "completed", "rate", "carried"]
MONEY_KEYS = CASE_KEYS[:8] + ["reduced"] + CASE_KEYS[8:]
NO_CASES = dict.fromkeys(CASE_KEYS, 0) | {"rate": None}
NO_MONEY = dict.fromkeys(MONEY_KEYS, 0) | {"rate": None}

LAST_YEAR = {
    "window": {"start": "2022-10-01", "end": "2022-12-31"},
    "cases": NO_CASES | {"new": 1, "caseload": 1, "to_enforce": 1, "in_progress": 1, "enforceable": 1, "rate": 0.0,
                         "carried": 1},
    # V4: 8 owed, 2 reduced in the window, 6 left in progress; rate 2 / 8
    "money": NO_MONEY | {"new": 8 * M, "caseload": 8 * M, "to_enforce": 8 * M, "reduced": 2 * M,
                         "in_progress": 6 * M, "enforceable": 8 * M, "completed": 2 * M, "rate": 25.0,
                         "carried": 6 * M},
}
NO_LAST_YEAR = {"window": LAST_YEAR["window"], "cases": NO_CASES, "money": NO_MONEY}

# H01 (and officer C02, who holds V1 at its xong and V3 at the end): V1 done, V3 not enforceable.
H01_CASES = NO_CASES | {"brought_forward": 1, "new": 1, "caseload": 2, "to_enforce": 2, "done": 1,
                        "not_enforceable": 1, "enforceable": 1, "completed": 1, "rate": 100.0, "carried": 1}
H01_MONEY = NO_MONEY | {"brought_forward": 10 * M, "new": 5 * M, "caseload": 15 * M, "to_enforce": 15 * M,
                        "done": 10 * M, "not_enforceable": 5 * M, "enforceable": 10 * M, "completed": 10 * M,
                        "rate": 100.0, "carried": 5 * M}
# H02 (and officer C04): V5 delegated with its 4 left, V2 deferred point c with 20 - 3 - 1 = 16 left.
H02_CASES = NO_CASES | {"brought_forward": 1, "new": 1, "caseload": 2, "delegated": 1, "to_enforce": 1,
                        "deferred_c": 1, "enforceable": 1, "rate": 0.0, "carried": 1}
H02_MONEY = NO_MONEY | {"brought_forward": 4 * M, "new": 20 * M, "caseload": 24 * M, "delegated": 4 * M,
                        "to_enforce": 20 * M, "done": 3 * M, "reduced": M, "deferred_c": 16 * M,
                        "enforceable": 20 * M, "completed": 4 * M, "rate": 20.0, "carried": 16 * M}

PARAGRAPH = (
    "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong 1/2 việc "
    "có điều kiện thi hành, tương ứng với 14,0 triệu đồng; đạt tỷ lệ 50,00% về việc (cao hơn 50,00% so với cùng "
    "kỳ năm 2023), 46,67% về tiền (cao hơn 21,67% so với cùng kỳ năm 2023). Trong đó, đối với các khoản thu cho "
    "ngân sách nhà nước, các đơn vị đã giải quyết xong 1 việc/1 việc có điều kiện thi hành, giải quyết xong "
    "10,0 triệu đồng/10,0 triệu đồng số tiền có điều kiện giải quyết; đạt tỷ lệ 100,00% về việc và 100,00% về "
    "tiền (cao hơn 100,00% về việc và 75,00% về tiền so với tỷ lệ cùng kỳ năm 2023). So với chỉ tiêu được giao "
    "(84,00% về việc, 47,00% về tiền), đạt 59,52% và 99,30% kế hoạch."
)



def url_of(engine) -> str:
    """Return the URL of an engine, password included, as the command line takes it."""
    return engine.url.render_as_string(hide_password=False)


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """Return the exit code, standard output and standard error of the command line run in-process."""
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def row_counts(db) -> dict[str, int]:
    """Return the number of rows of every data table; the import history, which records a refused import too, is
    left out."""
    with db.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables if table.name != "import_runs"}


def report_json(capsys, db, *options) -> dict:
    """Return the JSON report of the end of the hand-counted quarter, the command having succeeded."""
    code, out, err = run_cli(capsys, "report", "--db", url_of(db), "--end", "2023-12-31", "--format", "json", *options)
    assert (code, err) == (0, "")
    return json.loads(out)
