"""The forms workbook read cell by cell: every unit's row and the total equal the chains, the rows sum to the
total, the headers are merged as the forms group them, money is in nghìn đồng, and names stay text."""

import io
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook

from dashboard.metrics.chains import chain_report
from dashboard.reports.bundle import month_bundle
from dashboard.reports.findings import findings_workbook
from dashboard.reports.form_layout import CASE_FORM, MONEY_FORM
from dashboard.reports.forms import FIRST_FIGURE_COLUMN, NUMBERS_ROW, place_of, report_forms
from data_access.exchange.files import ImportIssue
from tests.support.readers import operator

END = date(2025, 5, 31)
MADE_ON = date(2025, 6, 3)


@pytest.fixture(scope="module")
def bundle(province_db):
    return month_bundle(operator(province_db), END)


@pytest.fixture(scope="module")
def book(bundle):
    return load_workbook(io.BytesIO(report_forms(bundle, made_on=MADE_ON)))


def _row(sheet, row: int, form) -> list:
    return [sheet.cell(row=row, column=FIRST_FIGURE_COLUMN + offset).value for offset in range(len(form.keys))]


def _expected(chain: dict, form) -> list:
    if form.chain == "cases":
        return [chain[key] for key in form.keys]
    return [chain[key] if key == "rate" else chain[key] / 1000 for key in form.keys]


@pytest.mark.parametrize("form", [CASE_FORM, MONEY_FORM], ids=["cases", "money"])
def test_every_row_and_the_total_equal_the_report_and_the_rows_sum_to_it(province_db, bundle, book, form):
    sheet = book[form.sheet]
    first = NUMBERS_ROW + 1
    for number, unit in enumerate(bundle.rows, start=1):
        assert sheet.cell(row=first + number - 1, column=1).value == number
        assert sheet.cell(row=first + number - 1, column=2).value == unit["name"]
        assert _row(sheet, first + number - 1, form) == pytest.approx(_expected(unit[form.chain], form))
    total_row = first + len(bundle.rows)
    assert sheet.cell(row=total_row, column=2).value == "Tổng cộng"
    report = chain_report(operator(province_db), END)
    assert _row(sheet, total_row, form) == pytest.approx(_expected(report[form.chain], form))
    for offset, key in enumerate(form.keys):
        if key != "rate":
            rows = [sheet.cell(row=row, column=FIRST_FIGURE_COLUMN + offset).value for row in range(first, total_row)]
            assert sum(rows) == pytest.approx(_row(sheet, total_row, form)[offset]), key


def test_the_province_office_comes_first(bundle):
    assert bundle.row_level == "unit" and "tỉnh" in bundle.rows[0]["name"].lower()


def test_the_headers_are_grouped_and_numbered_under_the_title(bundle, book):
    sheet = book[MONEY_FORM.sheet]
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    # STT and the name over three header rows; "Tổng số thụ lý" over its three columns, "Chia ra" over two.
    assert {"A6:A8", "B6:B8", "C6:E6", "C7:C8", "D7:E7"} <= merged
    assert [sheet[f"{column}6"].value for column in "ABC"] == ["STT", "Đơn vị", "Tổng số thụ lý"]
    assert [sheet[f"{column}8"].value for column in "DE"] == ["Năm trước chuyển sang", "Thụ lý mới"]
    numbers = [sheet.cell(row=NUMBERS_ROW, column=column).value for column in range(1, 4 + len(MONEY_FORM.keys))]
    assert numbers[:4] == ["A", "B", "(1)", "(2)"] and numbers[-2] == f"({len(MONEY_FORM.keys)})"
    assert sheet["A2"].value == "KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN"
    assert sheet["A3"].value == "Kỳ báo cáo: từ 01/10/2024 đến 31/05/2025"
    assert "Đơn vị tính: nghìn đồng" in [cell.value for cell in sheet[4]]
    assert "Đơn vị tính: việc" in [cell.value for cell in book[CASE_FORM.sheet][4]]
    texts = [cell.value for row in sheet.iter_rows(min_row=NUMBERS_ROW + len(bundle.rows) + 2) for cell in row
             if cell.value]
    assert texts[:3] == [f"{place_of(bundle.scope_name)}, ngày 03 tháng 06 năm 2025", "NGƯỜI LẬP BIỂU",
                         "THỦ TRƯỞNG ĐƠN VỊ"]
    assert "(Ký, đóng dấu, ghi rõ họ tên)" in texts


def test_a_name_that_looks_like_a_formula_stays_text(bundle):
    hostile = '=HYPERLINK("http://x.example","bấm")'
    rows = [{**bundle.rows[0], "name": hostile}, *bundle.rows[1:]]
    book = load_workbook(io.BytesIO(report_forms(replace(bundle, rows=rows, scope_name="+tỉnh"), made_on=MADE_ON)))
    cell = book[CASE_FORM.sheet].cell(row=NUMBERS_ROW + 1, column=2)
    assert (cell.value, cell.data_type) == (hostile, "s")
    assert book[CASE_FORM.sheet]["A1"].data_type == "s"


@pytest.mark.parametrize(("name", "place"), [("Thi hành án dân sự tỉnh Quảng Ninh", "Quảng Ninh"),
                                             ("Thi hành án dân sự toàn quốc", "Hà Nội")])
def test_the_place_is_the_province_or_the_capital(name, place):
    assert place_of(name) == place


def test_the_findings_workbook_lists_file_line_rule_and_message_in_order():
    issues = [ImportIssue("viec.csv", 3, "code", "mã đơn vị không hợp lệ: 'H99'"),
              ImportIssue("loi.zip", 0, "archive", "=tệp hỏng")]
    sheet = load_workbook(io.BytesIO(findings_workbook(issues))).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Tệp", "Dòng", "Quy tắc", "Nội dung"], ["viec.csv", 3, "code", "mã đơn vị không hợp lệ: 'H99'"],
        ["loi.zip", None, "archive", "=tệp hỏng"]]
    assert sheet["D3"].data_type == "s"
