"""The statistical forms of results by cases and by money as one workbook: the title, period and unit of measure
above, grouped and merged headers over numbered columns, a row per unit and the total, the signature block below."""

import io
import re
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.reports.bundle import MonthBundle
from dashboard.reports.form_layout import FORMS, Form
from dashboard.text.escape import starts_like_formula

HEADER_TOP = 6
HEADER_ROWS = 3
NUMBERS_ROW = HEADER_TOP + HEADER_ROWS
FIRST_FIGURE_COLUMN = 3
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD = Font(bold=True)
COUNT_FORMAT = "#,##0"
MONEY_FORMAT = "#,##0"
RATE_FORMAT = "0.00"
# The capital stands in as the place of a form of the whole country.
CAPITAL = "Hà Nội"


def place_of(scope_name: str) -> str:
    """Return the place written before the date of a form: the province of its agency, else the capital."""
    place = re.sub(r"^(Thi hành án dân sự|Cục Thi hành án dân sự|Cục THADS)\s+", "", scope_name).strip()
    place = re.sub(r"^(tỉnh|thành phố)\s+", "", place, flags=re.IGNORECASE).strip()
    return CAPITAL if not place or "toàn quốc" in place.lower() else place


def _write(sheet: Worksheet, row: int, column: int, value, *, bold: bool = False, box: bool = False,
           centred: bool = False, number_format: str | None = None):
    cell = sheet.cell(row=row, column=column, value=value)
    if starts_like_formula(value):
        # A name from the data stays text: Excel never runs it.
        cell.data_type = "s"
        cell.quotePrefix = True
    if bold:
        cell.font = BOLD
    if box:
        cell.border = BOX
    if centred:
        cell.alignment = CENTRED
    if number_format:
        cell.number_format = number_format
    return cell


def _merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, last_column: int, value) -> None:
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            sheet.cell(row=row, column=column).border = BOX
    _write(sheet, first_row, first_column, value, bold=True, box=True, centred=True)
    if (first_row, first_column) != (last_row, last_column):
        sheet.merge_cells(start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column)


def _headers(sheet: Worksheet, form: Form, row_label: str) -> None:
    bottom = HEADER_TOP + HEADER_ROWS - 1
    _merge(sheet, HEADER_TOP, 1, bottom, 1, "STT")
    _merge(sheet, HEADER_TOP, 2, bottom, 2, row_label)
    column = FIRST_FIGURE_COLUMN
    for group in form.groups:
        last = column + len(group.keys) - 1
        if len(group.keys) == 1:
            _merge(sheet, HEADER_TOP, column, bottom, column, group.label)
        else:
            _merge(sheet, HEADER_TOP, column, HEADER_TOP, last, group.label)
            _merge(sheet, HEADER_TOP + 1, column, bottom, column, "Tổng số")
            _merge(sheet, HEADER_TOP + 1, column + 1, HEADER_TOP + 1, last, "Chia ra")
            for offset, part in enumerate(group.parts, start=1):
                _merge(sheet, bottom, column + offset, bottom, column + offset, part)
        column = last + 1
    for column, label in ((1, "A"), (2, "B")):
        _write(sheet, NUMBERS_ROW, column, label, box=True, centred=True)
    for number in range(1, len(form.keys) + 1):
        _write(sheet, NUMBERS_ROW, FIRST_FIGURE_COLUMN + number - 1, f"({number})", box=True, centred=True)


# The row above the headers: the close on the left, the unit of measure on the right.
CLOSED_NOTE_ROW = 4


def figure_value(chain: str, key: str, value):
    """Return a chain figure as the forms print it: counts and rates as they are, money in nghìn đồng."""
    if value is None or chain == "cases" or key == "rate":
        return value
    return value // 1000 if value % 1000 == 0 else value / 1000


def _figure_row(sheet: Worksheet, row: int, form: Form, number, name: str, chain: dict, *, bold: bool = False) -> None:
    _write(sheet, row, 1, number, box=True, centred=True, bold=bold)
    _write(sheet, row, 2, name, box=True, bold=bold)
    for offset, key in enumerate(form.keys):
        fmt = RATE_FORMAT if key == "rate" else (COUNT_FORMAT if form.chain == "cases" else MONEY_FORMAT)
        _write(sheet, row, FIRST_FIGURE_COLUMN + offset, figure_value(form.chain, key, chain[key]), box=True,
               bold=bold, number_format=fmt)


def _sheet(sheet: Worksheet, form: Form, bundle: MonthBundle, made_on: date, place: str) -> None:
    last_column = FIRST_FIGURE_COLUMN + len(form.keys) - 1
    window = bundle.report["window"]
    start, end = (date.fromisoformat(window[side]) for side in ("start", "end"))
    _write(sheet, 1, 1, bundle.scope_name.upper(), bold=True)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_column)
    _write(sheet, 2, 1, form.title, bold=True, centred=True)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last_column)
    _write(sheet, 3, 1, f"Kỳ báo cáo: từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", centred=True)
    _write(sheet, CLOSED_NOTE_ROW, last_column, form.unit).alignment = Alignment(horizontal="right")
    _headers(sheet, form, "Tỉnh" if bundle.row_level == "province" else "Đơn vị")
    row = NUMBERS_ROW + 1
    for number, unit in enumerate(bundle.rows, start=1):
        _figure_row(sheet, row, form, number, unit["name"], unit[form.chain])
        row += 1
    _figure_row(sheet, row, form, None, "Tổng cộng", bundle.report[form.chain], bold=True)
    _signatures(sheet, row + 2, last_column, made_on, place)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 38
    for column in range(FIRST_FIGURE_COLUMN, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12 if form.chain == "cases" else 16
    for header_row in range(HEADER_TOP, HEADER_TOP + HEADER_ROWS):
        sheet.row_dimensions[header_row].height = 45
    sheet.freeze_panes = sheet.cell(row=NUMBERS_ROW + 1, column=FIRST_FIGURE_COLUMN)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _signatures(sheet: Worksheet, row: int, last_column: int, made_on: date, place: str) -> None:
    right = max(FIRST_FIGURE_COLUMN, last_column - 5)
    sheet.merge_cells(start_row=row, start_column=right, end_row=row, end_column=last_column)
    _write(sheet, row, right, f"{place}, ngày {made_on:%d} tháng {made_on:%m} năm {made_on:%Y}", centred=True)
    for offset, (left_text, right_text, bold) in enumerate(
            (("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", True),
             ("(Ký, ghi rõ họ tên)", "(Ký, đóng dấu, ghi rõ họ tên)", False)), start=1):
        _write(sheet, row + offset, 2, left_text, bold=bold, centred=True)
        sheet.merge_cells(start_row=row + offset, start_column=right, end_row=row + offset, end_column=last_column)
        _write(sheet, row + offset, right, right_text, bold=bold, centred=True)


def report_forms(bundle: MonthBundle, *, made_on: date, place: str | None = None,
                 closed_note: str | None = None) -> bytes:
    """Return the .xlsx workbook of the forms by cases and by money for the bundle's period end and scope, marked
    with `closed_note` above the table when the period is closed."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for form in FORMS:
        sheet = workbook.create_sheet(form.sheet)
        _sheet(sheet, form, bundle, made_on, place or place_of(bundle.scope_name))
        if closed_note:
            _write(sheet, CLOSED_NOTE_ROW, 1, closed_note)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
