"""The findings of a refused import as a workbook: file, line, rule and message, one row per finding."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from data_access.exchange.files import ImportIssue
from dashboard.text.escape import starts_like_formula

COLUMNS = (("Tệp", 18), ("Dòng", 8), ("Quy tắc", 22), ("Nội dung", 100))


def findings_workbook(issues: list[ImportIssue]) -> bytes:
    """Return an .xlsx of the findings in the order given, the header frozen above them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lỗi nhập dữ liệu"
    for column, (label, width) in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=column, value=label).font = Font(bold=True)
        sheet.column_dimensions[chr(64 + column)].width = width
    for row, issue in enumerate(issues, start=2):
        for column, value in enumerate((issue.file, issue.line or None, issue.rule, issue.message), start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if starts_like_formula(value):
                # A file's own text stays text: Excel never runs it.
                cell.data_type = "s"
                cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
