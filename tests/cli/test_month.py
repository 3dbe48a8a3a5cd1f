"""`close`, `reopen` and `revisions` on the command line: a closed month's report stays as closed after an import
that changes its cases, the changes are listed, and reopening gives the current figures."""

import json

from data_access.exchange.files import write_folder
from tests.cli.support import report_json, run_cli, url_of
from tests.support.builders import case, ev, tables

M = 1_000_000
# V3 of the sample, not enforceable until now, was in fact collected in full and done on 22/12/2023.
V3_DONE = tables(cases=[case("V3", "2023-11-01", 5 * M, officer="C03")],
                 events=[ev("V3", "2023-11-10", "chua_co_dieu_kien"), ev("V3", "2023-12-20", "phan_cong", detail="C02"),
                         ev("V3", "2023-12-22", "thu_tien", 5 * M), ev("V3", "2023-12-22", "xong")])


def _import_correction(capsys, db, tmp_path):
    write_folder(V3_DONE, tmp_path / "v3")
    code, _, err = run_cli(capsys, "import", tmp_path / "v3", "--db", url_of(db))
    assert (code, err) == (0, "")


def test_a_closed_month_reports_as_closed_until_reopened(capsys, sample_db, tmp_path):
    before = report_json(capsys, sample_db)
    code, out, err = run_cli(capsys, "close", "--end", "2023-12-31", "--db", url_of(sample_db))
    assert (code, err) == (0, "") and out.startswith("Đã chốt số liệu kỳ báo cáo đến 31/12/2023 lúc ")
    _import_correction(capsys, sample_db, tmp_path)
    closed = report_json(capsys, sample_db)
    assert (closed["cases"], closed["money"]) == (before["cases"], before["money"])
    code, out, err = run_cli(capsys, "revisions", "--end", "2023-12-31", "--format", "json", "--db",
                             url_of(sample_db))
    assert (code, err) == (0, "")
    changes = {(row["scope"], row["chain"], row["indicator"]): (row["closed"], row["current"])
               for row in json.loads(out)["revisions"]}
    # V3 moves from not enforceable to done: one more enforceable and completed case, 5 M more done money.
    assert changes[(None, "cases", "completed")] == (before["cases"]["completed"], before["cases"]["completed"] + 1)
    assert changes[(None, "cases", "not_enforceable")] == (1, 0)
    assert changes[("H01", "money", "done")] == (10 * M, 15 * M)
    assert not any(key[0] == "H02" for key in changes)
    code, out, err = run_cli(capsys, "reopen", "--end", "2023-12-31", "--db", url_of(sample_db))
    assert (code, out, err) == (0, "Đã mở lại kỳ báo cáo đến 31/12/2023: các trang đọc số liệu hiện nay.\n", "")
    assert report_json(capsys, sample_db)["cases"]["completed"] == before["cases"]["completed"] + 1


def test_the_revisions_table_names_the_close_and_the_import(capsys, sample_db, tmp_path):
    run_cli(capsys, "close", "--end", "2023-12-31", "--db", url_of(sample_db))
    _import_correction(capsys, sample_db, tmp_path)
    code, out, err = run_cli(capsys, "revisions", "--end", "2023-12-31", "--db", url_of(sample_db))
    lines = out.splitlines()
    assert (code, err) == (0, "") and lines[0].startswith("Kỳ báo cáo đến 31/12/2023, chốt lúc ")
    assert any(line.startswith("Toàn bộ") and "Chưa có điều kiện (về việc)" in line and "lần nhập 2 lúc" in line
               for line in lines)


def test_a_day_that_cannot_be_closed_and_an_open_period_say_why(capsys, sample_db):
    assert run_cli(capsys, "close", "--end", "2023-12-30", "--db", url_of(sample_db)) == (
        2, "", "Chỉ chốt được ngày cuối tháng; 30/12/2023 không phải ngày cuối tháng.\n")
    assert run_cli(capsys, "reopen", "--end", "2023-12-31", "--db", url_of(sample_db)) == (
        2, "", "Kỳ báo cáo đến 31/12/2023 chưa được chốt nên không cần mở lại.\n")
    assert run_cli(capsys, "revisions", "--end", "2023-12-31", "--db", url_of(sample_db)) == (
        2, "", "Kỳ báo cáo đến 31/12/2023 chưa được chốt.\n")
