"""The command line: import, report and demo, run in-process on SQLite and PostgreSQL, and once as a process."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dashboard.chains import chain_report
from dashboard.cli import main
from dashboard.formatting import format_count
from data_access.exchange import write_folder, write_workbook
from data_access.schema import metadata, units
from tests.builders import case, ev, tables, target

ROOT = Path(__file__).resolve().parent.parent
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


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def _counts(db) -> dict[str, int]:
    with db.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables}


@pytest.fixture
def sample_db(db, tmp_path, capsys):
    """Return the db fixture holding SAMPLE, imported through the command line."""
    write_folder(SAMPLE, tmp_path / "sample")
    assert _cli(capsys, "import", tmp_path / "sample", "--db", _url(db)) == (0, IMPORTED, "")
    return db


def _report_json(capsys, db, *options) -> dict:
    code, out, err = _cli(capsys, "report", "--db", _url(db), "--end", "2023-12-31", "--format", "json", *options)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_import_of_a_folder_prints_each_file_with_its_row_count(sample_db, tmp_path, capsys):
    assert _counts(sample_db)["cases"] == 5 and _counts(sample_db)["events"] == 10
    # the same folder again replaces the five cases and says so
    code, out, err = _cli(capsys, "import", tmp_path / "sample", "--db", _url(sample_db))
    assert (code, out, err) == (0, IMPORTED + "Thay thế 5 việc đã có.\n", "")
    assert _counts(sample_db)["cases"] == 5


def test_import_of_a_workbook(db, tmp_path, capsys):
    write_workbook(SAMPLE, tmp_path / "du_lieu.xlsx")
    assert _cli(capsys, "import", tmp_path / "du_lieu.xlsx", "--db", _url(db)) == (0, IMPORTED, "")
    assert chain_report(db, END)["money"]["caseload"] == 39 * M


def test_a_broken_folder_is_refused_with_file_line_and_rule_and_nothing_changes(sample_db, tmp_path, capsys):
    before = (_counts(sample_db), chain_report(sample_db, END), chain_report(sample_db, END, by="officer"))
    broken = tables(
        cases=[case("V1", "2023-06-01", 30 * M), case("V9", "2023-10-01", 5 * M, unit="H99")],
        events=[ev("V1", "2023-11-01", "thu_tien", M), ev("V8", "2023-11-01", "xong")],
    )
    write_folder(broken, tmp_path / "broken")
    code, out, err = _cli(capsys, "import", tmp_path / "broken", "--db", _url(sample_db))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"Không nhập được {tmp_path / 'broken'}: có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu."
    assert [(line.split(":")[0], line.rsplit(" ", 1)[-1]) for line in lines[1:]] == [
        ("viec.csv, dòng 3", "[code]"), ("su_kien.csv, dòng 3", "[unknown_case]"),
    ]
    assert "H99" in lines[1] and "V8" in lines[2]
    assert (_counts(sample_db), chain_report(sample_db, END), chain_report(sample_db, END, by="officer")) == before


def test_a_missing_import_path_gives_a_plain_message(db, tmp_path, capsys):
    missing = tmp_path / "khong_co"
    code, out, err = _cli(capsys, "import", missing, "--db", _url(db))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"Không nhập được {missing}: có 1 lỗi, chưa ghi gì vào cơ sở dữ liệu."
    assert lines[1:] == [f"{missing}: không tìm thấy thư mục CSV hoặc tệp .xlsx này [source]"]
    assert _counts(db)["cases"] == 0


def test_an_empty_folder_names_the_files_it_expected(db, tmp_path, capsys):
    (tmp_path / "rong").mkdir()
    code, out, err = _cli(capsys, "import", tmp_path / "rong", "--db", _url(db))
    assert (code, out) == (1, "")
    assert ("không có tệp dữ liệu nào (don_vi.csv, chap_hanh_vien.csv, viec.csv, su_kien.csv, chi_tieu.csv)"
            in err.splitlines()[1])


def test_report_json_holds_both_chains_last_year_and_the_target(sample_db, capsys):
    got = _report_json(capsys, sample_db)
    assert list(got) == ["window", "cases", "money", "same_period_last_year", "target"]
    assert list(got["cases"]) == CASE_KEYS
    assert list(got["money"]) == MONEY_KEYS
    assert list(got["same_period_last_year"]) == ["window", "cases", "money"]
    assert got == {
        "window": {"start": "2023-10-01", "end": "2023-12-31"},
        # V1 and V5 brought forward, V2 and V3 new; V5 deducted; V1 done; V2 hoãn c; V3 not enforceable
        "cases": {"brought_forward": 2, "new": 2, "caseload": 4, "delegated": 1, "cancelled": 0, "to_enforce": 3,
                  "done": 1, "terminated": 0, "in_progress": 0, "deferred_c": 1, "not_enforceable": 1,
                  "enforceable": 2, "completed": 1, "rate": 50.0, "carried": 2},
        # done: 10 collected on V1 + 3 on V2; completed 13 + 1 reduced; rate 14 / 30 = 46.666...
        "money": {"brought_forward": 14 * M, "new": 25 * M, "caseload": 39 * M, "delegated": 4 * M, "cancelled": 0,
                  "to_enforce": 35 * M, "done": 13 * M, "terminated": 0, "reduced": M, "in_progress": 0,
                  "deferred_c": 16 * M, "not_enforceable": 5 * M, "enforceable": 30 * M, "completed": 14 * M,
                  "rate": 46.67, "carried": 21 * M},
        "same_period_last_year": LAST_YEAR,
        "target": {"cases": 84.0, "money": 47.0},
    }


@pytest.mark.parametrize(("options", "expected"), [
    (["--unit", "H01"], {"cases": 85.0, "money": 50.0}),
    (["--unit", "H02"], None),
    (["--officer", "C02"], {"cases": 90.0, "money": 60.0}),
    (["--unit", "H01", "--officer", "C02"], {"cases": 90.0, "money": 60.0}),
    (["--group", "ngan_sach"], None),
    (["--mode", "chu_dong"], None),
])
def test_report_json_target_of_the_scope(sample_db, capsys, options, expected):
    assert _report_json(capsys, sample_db, *options)["target"] == expected


def test_report_json_scoped_to_an_officer_follows_the_reassignment(sample_db, capsys):
    got = _report_json(capsys, sample_db, "--officer", "C02")
    assert (got["cases"], got["money"]) == (H01_CASES, H01_MONEY)
    assert _report_json(capsys, sample_db, "--officer", "C03")["cases"] == NO_CASES


def test_report_json_by_unit_rows(sample_db, capsys):
    got = _report_json(capsys, sample_db, "--by", "unit")
    assert list(got) == ["window", "rows"]
    assert got["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    for row in got["rows"]:
        assert list(row) == ["key", "name", "cases", "money", "same_period_last_year"]
        assert list(row["same_period_last_year"]) == ["window", "cases", "money"]
        assert (list(row["cases"]), list(row["money"])) == (CASE_KEYS, MONEY_KEYS)
    assert got["rows"] == [
        {"key": "H01", "name": "Chi cục THADS huyện Đông", "cases": H01_CASES, "money": H01_MONEY,
         "same_period_last_year": LAST_YEAR},
        {"key": "H02", "name": "Chi cục THADS huyện Tây", "cases": H02_CASES, "money": H02_MONEY,
         "same_period_last_year": NO_LAST_YEAR},
    ]


def test_report_json_by_officer_attributes_the_officer_at_the_end(sample_db, capsys):
    rows = _report_json(capsys, sample_db, "--by", "officer")["rows"]
    # C03 was assigned V3 at its decision but lost it to C02 on 20/12
    assert [(row["key"], row["name"]) for row in rows] == [("C02", "Trần Thị Bình"), ("C04", "Phạm Thị Dung")]
    assert [(row["cases"], row["money"]) for row in rows] == [(H01_CASES, H01_MONEY), (H02_CASES, H02_MONEY)]
    assert [row["same_period_last_year"] for row in rows] == [LAST_YEAR, NO_LAST_YEAR]


def test_report_json_by_group_counts_a_case_in_each_of_its_groups(sample_db, capsys):
    rows = _report_json(capsys, sample_db, "--by", "group")["rows"]
    assert [(row["key"], row["name"]) for row in rows] == [
        ("ngan_sach", "Thu ngân sách nhà nước"), ("tin_dung", "Tín dụng, ngân hàng"),
    ]
    assert [(row["cases"]["caseload"], row["cases"]["completed"], row["cases"]["rate"]) for row in rows] == [
        (1, 1, 100.0), (1, 0, 0.0),
    ]
    assert [(row["money"]["completed"], row["money"]["enforceable"], row["money"]["rate"]) for row in rows] == [
        (10 * M, 10 * M, 100.0), (4 * M, 20 * M, 20.0),
    ]
    # V4 sat in both groups a year earlier
    assert [row["same_period_last_year"] for row in rows] == [LAST_YEAR, LAST_YEAR]


def test_report_text_prints_the_report_paragraph(sample_db, capsys):
    code, out, err = _cli(capsys, "report", "--db", _url(sample_db), "--end", "2023-12-31")
    assert (code, err) == (0, "")
    assert "đã thi hành xong 1/2 việc có điều kiện thi hành" in out
    assert out == PARAGRAPH + "\n"


def test_report_text_by_unit_prints_a_table_with_the_unit_names(sample_db, capsys):
    code, out, err = _cli(capsys, "report", "--db", _url(sample_db), "--end", "2023-12-31", "--by", "unit",
                          "--format", "text")
    assert (code, err) == (0, "")
    assert [line.split() for line in out.splitlines()] == [
        ["Mã", "Tên", "Xong/Có", "ĐK", "Tỷ", "lệ", "việc", "Tiền", "xong", "Tỷ", "lệ", "tiền"],
        ["H01", "Chi", "cục", "THADS", "huyện", "Đông", "1/1", "100,00%", "10,0", "triệu", "đồng", "100,00%"],
        ["H02", "Chi", "cục", "THADS", "huyện", "Tây", "0/1", "0,00%", "4,0", "triệu", "đồng", "20,00%"],
    ]


@pytest.mark.parametrize(("option", "message"), [
    (["--unit", "NOPE"], "Không có đơn vị mã 'NOPE'."),
    (["--officer", "C99"], "Không có chấp hành viên mã 'C99'."),
    (["--group", "ngan_hang"], "Không có nhóm việc mã 'ngan_hang'."),
    (["--judgment-type", "dan"], "Không có loại bản án mã 'dan'."),
    (["--mode", "truc_tiep"], "Không có hình thức thụ lý mã 'truc_tiep'."),
])
def test_an_unknown_scope_code_exits_2_naming_it(sample_db, capsys, option, message):
    assert _cli(capsys, "report", "--db", _url(sample_db), "--end", "2023-12-31", *option) == (2, "", message + "\n")


@pytest.mark.parametrize("bad", ["2023-02-30", "31/12/2023", "hôm nay"])
def test_a_bad_date_is_an_argument_error(capsys, bad):
    with pytest.raises(SystemExit) as caught:
        main(["report", "--db", "sqlite:///:memory:", "--end", bad])
    assert caught.value.code == 2
    assert f"ngày '{bad}' không đúng dạng YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["report", "--end", "2023-12-31"], ["import", "."], ["demo", "--size", "small"]])
def test_an_unreachable_database_exits_2_with_a_plain_message(capsys, command):
    code, out, err = _cli(capsys, *command, "--db", UNREACHABLE)
    assert (code, out) == (2, "")
    assert err.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres@127.0.0.1:1/x: ")
    assert len(err.splitlines()) == 1


def test_python_m_dashboard_reports_an_unreachable_database_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "report", "--end", "2023-12-31", "--db", UNREACHABLE],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": "."}, capture_output=True, text=True, encoding="utf-8",
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("Không kết nối được cơ sở dữ liệu postgresql+psycopg://postgres@127.0.0.1:1/x: ")
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_demo_replaces_the_database_with_a_small_province(sample_db, capsys):
    code, out, err = _cli(capsys, "demo", "--size", "small", "--db", _url(sample_db))
    assert (code, err) == (0, "")
    counts = _counts(sample_db)
    assert counts["cases"] > 1000
    assert out == f"Đã tạo cơ sở dữ liệu mẫu: {format_count(counts['cases'])} việc, 22 chấp hành viên, 4 đơn vị.\n"
    assert (counts["officers"], counts["units"]) == (22, 4)
    with sample_db.connect() as connection:
        assert connection.execute(select(units.c.code).order_by(units.c.code)).scalars().all() == [
            "QN00", "QN01", "QN02", "QN03",
        ]


def test_a_period_ending_in_the_future_is_refused(db, capsys):
    code, out, err = _cli(capsys, "report", "--end", "2099-12-31", "--db", _url(db))
    assert (code, out) == (2, "")
    assert err.strip() == "Ngày cuối kỳ 31/12/2099 còn ở tương lai; chọn một ngày đến hôm nay."
