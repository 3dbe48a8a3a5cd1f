"""Tables built from chain reports, and their CSV and Excel copies."""

import csv
import io
from datetime import date, datetime

import pandas as pd
from openpyxl import load_workbook

from dashboard.ui.exports import to_csv, to_excel
from dashboard.ui.tables import breakdown_table, chain_table, chain_table_text, rate_frame, styled

CASES = {"brought_forward": 10, "new": 5, "caseload": 15, "delegated": 1, "cancelled": 0, "to_enforce": 14,
         "done": 6, "terminated": 1, "in_progress": 3, "deferred_c": 0, "not_enforceable": 4, "enforceable": 10,
         "completed": 7, "rate": 70.0, "carried": 7}
MONEY = {**CASES, "reduced": 2, "completed": 9, "rate": 75.0, "carried": 5, "enforceable": 12, "in_progress": 3}
LAST_CASES = {**CASES, "enforceable": 8, "completed": 4, "rate": 50.0}
REPORT = {"cases": CASES, "money": MONEY, "same_period_last_year": {"cases": LAST_CASES, "money": MONEY}}


def test_chain_table_has_both_periods_the_change_and_points_for_the_rate():
    table = chain_table(REPORT, "cases")
    assert list(table.index)[:3] == ["Năm trước chuyển sang", "Thụ lý mới", "Tổng số thụ lý"]
    assert len(table) == 15
    assert table.loc["Có điều kiện"].tolist() == [10, 8, 2, 25.0]
    assert table.loc["Tỷ lệ xong (%)", "Tăng/giảm"] == 20.0
    assert pd.isna(table.loc["Tỷ lệ xong (%)", "Tăng/giảm (%)"])
    assert "Giảm" in chain_table(REPORT, "money").index


def test_breakdown_and_rate_frames_keep_every_row():
    rows = [{"key": "QN01", "name": "Hạ Long", **REPORT}, {"key": "QN02", "name": "Cẩm Phả", **REPORT}]
    table = breakdown_table(rows, "Đơn vị")
    assert table["Đơn vị"].tolist() == ["Hạ Long", "Cẩm Phả"]
    assert table["Có điều kiện (việc)"].tolist() == [10, 10]
    assert table["Tỷ lệ cùng kỳ năm trước (%) (việc)"].tolist() == [50.0, 50.0]
    assert rate_frame(rows, "money").to_dict("records")[0] == {"key": "QN01", "name": "Hạ Long", "rate": 75.0,
                                                               "last_year": 75.0}


def test_exports_write_the_heading_above_the_table():
    table = pd.DataFrame({"Đơn vị": ["Hạ Long"], "Tỷ lệ (%)": [47.1]})
    heading = ["Đơn vị", "Toàn tỉnh; từ 01/10/2023 đến hết 31/12/2023"]
    text = to_csv(table, heading).decode("utf-8-sig").splitlines()
    assert text == ["Đơn vị", "Toàn tỉnh; từ 01/10/2023 đến hết 31/12/2023", "", "Đơn vị,Tỷ lệ (%)", "Hạ Long,47.1"]
    sheet = pd.read_excel(io.BytesIO(to_excel(table, heading)), header=None)
    assert sheet.iloc[0, 0] == "Đơn vị" and sheet.iloc[1, 0] == heading[1]
    assert sheet.iloc[3].tolist() == ["Đơn vị", "Tỷ lệ (%)"] and sheet.iloc[4].tolist() == ["Hạ Long", 47.1]


def test_excel_cells_show_whole_dong_with_separators_and_rates_with_two_decimals():
    table = pd.DataFrame({"Đơn vị": ["Hạ Long"], "Phải thi hành (tiền)": [1_014_421_323_000], "Tỷ lệ (%)": [47.1]})
    worksheet = load_workbook(io.BytesIO(to_excel(table, ["Tiêu đề"])))["Số liệu"]
    assert worksheet["B4"].value == 1_014_421_323_000 and worksheet["B4"].number_format == "#,##0"
    assert worksheet["C4"].number_format == "#,##0.00"
    assert worksheet.column_dimensions["B"].width == len("Phải thi hành (tiền)") + 2


def test_dates_stay_dates_in_excel_and_read_dd_mm_yyyy_in_the_csv_and_on_screen():
    table = pd.DataFrame({"Mã việc": ["V1", "V2"], "Ngày quyết định": [date(2023, 2, 5), date(2022, 11, 30)]})
    assert to_csv(table, []).decode("utf-8-sig").splitlines() == [
        "Mã việc,Ngày quyết định", "V1,05/02/2023", "V2,30/11/2022"]
    worksheet = load_workbook(io.BytesIO(to_excel(table, ["Tiêu đề"])))["Số liệu"]
    assert worksheet["B4"].value == datetime(2023, 2, 5) and worksheet["B4"].number_format == "dd/mm/yyyy"
    assert worksheet["A4"].number_format == "General"
    shown = styled(table).to_html()
    assert "05/02/2023" in shown and "30/11/2022" in shown and "2023-02-05" not in shown


def test_chain_table_text_writes_vietnamese_numbers_and_points_for_the_rate():
    table = chain_table_text(REPORT, "cases")
    assert table.loc["Có điều kiện"].tolist() == ["10", "8", "+2", "+25,00%"]
    assert table.loc["Tỷ lệ xong (%)"].tolist() == ["70,00", "50,00", "+20,00 điểm", "—"]
    assert table.loc["Ủy thác"].tolist() == ["1", "1", "0", "0,00%"]


FORMULAS = ['=HYPERLINK("http://evil.example","Bấm vào đây")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


def test_csv_downloads_write_formula_like_text_with_a_leading_quote_and_numbers_as_numbers():
    table = pd.DataFrame({"Chấp hành viên": FORMULAS, "Số việc": [3, -1, 0, 7], "Tỷ lệ (%)": [1.5, -2.0, 0.0, 9.25]})
    rows = list(csv.reader(io.StringIO(to_csv(table, ["=1+1 tiêu đề"]).decode("utf-8-sig"))))
    assert rows[0] == ["'=1+1 tiêu đề"]
    assert rows[3:] == [[f"'{text}", count, rate] for text, count, rate in
                        zip(FORMULAS, ("3", "-1", "0", "7"), ("1.5", "-2.0", "0.0", "9.25"))]


def test_excel_downloads_store_formula_like_text_as_quoted_text_never_as_a_formula():
    table = pd.DataFrame({"Chấp hành viên": FORMULAS, "Số việc": [3, -1, 0, 7]})
    worksheet = load_workbook(io.BytesIO(to_excel(table, ["=1+1 tiêu đề"])))["Số liệu"]
    cells = [worksheet["A1"]] + [worksheet[f"A{row}"] for row in range(4, 8)]
    assert [cell.value for cell in cells] == ["=1+1 tiêu đề", *FORMULAS]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert [worksheet[f"B{row}"].value for row in range(4, 8)] == [3, -1, 0, 7]
    assert all(worksheet[f"B{row}"].data_type == "n" for row in range(4, 8))
