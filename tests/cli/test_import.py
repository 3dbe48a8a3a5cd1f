"""The import and demo commands: files in, every row counted, broken files refused with nothing written."""

from sqlalchemy import select

from data_access.audit import audit_trail
from data_access.exchange.files import write_folder, write_workbook
from data_access.schema import units
from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count
from tests.cli.support import END, IMPORTED, M, SAMPLE, row_counts, run_cli, url_of
from tests.support.builders import case, ev, tables
from tests.support.readers import operator


def test_import_of_a_folder_prints_each_file_with_its_row_count(sample_db, tmp_path, capsys):
    assert row_counts(sample_db)["cases"] == 5 and row_counts(sample_db)["events"] == 10
    # the same folder again replaces the five cases and says so
    code, out, err = run_cli(capsys, "import", tmp_path / "sample", "--db", url_of(sample_db))
    assert (code, out, err) == (0, IMPORTED + "Thay thế 5 việc đã có.\n", "")
    assert row_counts(sample_db)["cases"] == 5


def test_import_of_a_workbook(db, tmp_path, capsys):
    write_workbook(SAMPLE, tmp_path / "du_lieu.xlsx")
    assert run_cli(capsys, "import", tmp_path / "du_lieu.xlsx", "--db", url_of(db)) == (0, IMPORTED, "")
    assert chain_report(operator(db), END)["money"]["caseload"] == 39 * M


def test_a_broken_folder_is_refused_with_file_line_and_rule_and_nothing_changes(sample_db, tmp_path, capsys):
    reader = operator(sample_db)
    before = (row_counts(sample_db), chain_report(reader, END), chain_report(reader, END, by="officer"))
    broken = tables(
        cases=[case("V1", "2023-06-01", 30 * M), case("V9", "2023-10-01", 5 * M, unit="H99")],
        events=[ev("V1", "2023-11-01", "thu_tien", M), ev("V8", "2023-11-01", "xong")],
    )
    write_folder(broken, tmp_path / "broken")
    code, out, err = run_cli(capsys, "import", tmp_path / "broken", "--db", url_of(sample_db))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"Không nhập được {tmp_path / 'broken'}: có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu."
    assert [(line.split(":")[0], line.rsplit(" ", 1)[-1]) for line in lines[1:]] == [
        ("viec.csv, dòng 3", "[code]"), ("su_kien.csv, dòng 3", "[unknown_case]"),
    ]
    assert "H99" in lines[1] and "V8" in lines[2]
    assert (row_counts(sample_db), chain_report(reader, END), chain_report(reader, END, by="officer")) == before
    # Both imports are on the audit trail, the refused one with its count of errors.
    assert [(event.action, event.subject, event.detail) for event in audit_trail(sample_db)] == [
        ("imported", str(tmp_path / "sample"), "don_vi.csv: 3, chap_hanh_vien.csv: 4, viec.csv: 5, su_kien.csv: 10, "
                                               "chi_tieu.csv: 3"),
        ("import_rejected", str(tmp_path / "broken"), "2 lỗi")]


def test_a_missing_import_path_gives_a_plain_message(db, tmp_path, capsys):
    missing = tmp_path / "khong_co"
    code, out, err = run_cli(capsys, "import", missing, "--db", url_of(db))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"Không nhập được {missing}: có 1 lỗi, chưa ghi gì vào cơ sở dữ liệu."
    assert lines[1:] == [f"{missing}: không tìm thấy thư mục CSV, tệp .zip hoặc tệp .xlsx này [source]"]
    assert row_counts(db)["cases"] == 0


def test_an_empty_folder_names_the_files_it_expected(db, tmp_path, capsys):
    (tmp_path / "rong").mkdir()
    code, out, err = run_cli(capsys, "import", tmp_path / "rong", "--db", url_of(db))
    assert (code, out) == (1, "")
    assert ("không có tệp dữ liệu nào (don_vi.csv, chap_hanh_vien.csv, viec.csv, su_kien.csv, chi_tieu.csv)"
            in err.splitlines()[1])


def test_demo_replaces_the_database_with_a_small_province(sample_db, capsys):
    code, out, err = run_cli(capsys, "demo", "--size", "small", "--db", url_of(sample_db))
    assert (code, err) == (0, "")
    counts = row_counts(sample_db)
    assert counts["cases"] > 1000
    assert out == f"Đã tạo cơ sở dữ liệu mẫu: {format_count(counts['cases'])} việc, 19 chấp hành viên, 4 đơn vị.\n"
    assert (counts["officers"], counts["units"]) == (19, 4)
    with sample_db.connect() as connection:
        assert connection.execute(select(units.c.code).order_by(units.c.code)).scalars().all() == [
            "QN00", "QN01", "QN02", "QN03",
        ]
