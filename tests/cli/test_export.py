"""`export` on the command line: the forms workbook's totals equal `report` for the scope asked, a closed period's
documents carry the closed figures and say so after an import that changes its cases, and a future end is refused."""

import io
import subprocess

from openpyxl import load_workbook

from dashboard.reports.form_layout import CASE_FORM, MONEY_FORM
from dashboard.reports.forms import FIRST_FIGURE_COLUMN
from data_access.exchange.files import write_folder
from tests.cli.support import report_json, run_cli, url_of
from tests.cli.test_month import V3_DONE


def _export(capsys, db, path, *options) -> None:
    code, out, err = run_cli(capsys, "export", "--db", url_of(db), "--end", "2023-12-31", "--out", path, *options)
    assert (code, out, err) == (0, f"Đã ghi {path}.\n", "")


def _totals(path) -> dict[str, dict]:
    """Return each form's total row (the last row with a figure under "Tổng cộng") by its keys."""
    book = load_workbook(io.BytesIO(path.read_bytes()))
    totals = {}
    for form, sheet in zip((CASE_FORM, MONEY_FORM), book.worksheets):
        (row,) = [cell.row for cell in sheet["B"] if cell.value == "Tổng cộng"]
        totals[form.chain] = {key: sheet.cell(row=row, column=FIRST_FIGURE_COLUMN + offset).value
                              for offset, key in enumerate(form.keys)}
    return totals


def _in_forms(report: dict) -> dict[str, dict]:
    cases = {key: report["cases"][key] for key in CASE_FORM.keys}
    money = {key: report["money"][key] if key == "rate" else report["money"][key] // 1000 for key in MONEY_FORM.keys}
    return {"cases": cases, "money": money}


def test_the_forms_totals_are_the_report_of_the_scope_asked(capsys, sample_db, tmp_path):
    _export(capsys, sample_db, tmp_path / "all.xlsx", "--format", "xlsx")
    assert _totals(tmp_path / "all.xlsx") == _in_forms(report_json(capsys, sample_db))
    _export(capsys, sample_db, tmp_path / "h02.xlsx", "--format", "xlsx", "--unit", "H02")
    h02 = report_json(capsys, sample_db, "--unit", "H02")
    assert _totals(tmp_path / "h02.xlsx") == _in_forms(h02) and h02["cases"]["caseload"] == 2


def test_a_closed_periods_documents_keep_its_figures_and_say_it_is_closed(capsys, sample_db, tmp_path):
    before = report_json(capsys, sample_db)
    run_cli(capsys, "close", "--end", "2023-12-31", "--db", url_of(sample_db))
    write_folder(V3_DONE, tmp_path / "v3")
    assert run_cli(capsys, "import", tmp_path / "v3", "--db", url_of(sample_db))[0] == 0
    _export(capsys, sample_db, tmp_path / "closed.xlsx", "--format", "xlsx")
    assert _totals(tmp_path / "closed.xlsx") == _in_forms(before)
    for sheet in load_workbook(tmp_path / "closed.xlsx").worksheets:
        assert sheet["A4"].value.startswith("Số liệu đã chốt ngày ")
    _export(capsys, sample_db, tmp_path / "closed.pdf", "--format", "pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "closed.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Số liệu đã chốt ngày " in text and "Dữ liệu đến ngày 22/12/2023" in text


def test_a_future_end_is_refused_and_writes_nothing(capsys, sample_db, tmp_path):
    code, out, err = run_cli(capsys, "export", "--db", url_of(sample_db), "--end", "2999-12-31", "--format", "pdf",
                             "--out", tmp_path / "x.pdf")
    assert (code, out) == (2, "") and err == "Ngày cuối kỳ 31/12/2999 còn ở tương lai; chọn một ngày đến hôm nay.\n"
    assert not (tmp_path / "x.pdf").exists()
