"""Files to download: CSV and Excel copies of a table, with the filters written above it."""

import csv
import datetime
import io

import pandas as pd
from openpyxl.utils import get_column_letter

from dashboard.metrics.formatting import format_date
from dashboard.text.escape import spreadsheet_cell, starts_like_formula

# Excel shows whole đồng with thousands separators (never in scientific notation) and rates with 2 decimals;
# the reader's own Excel settings decide which marks it uses.
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "#,##0.00"
# Dates stay dates in Excel, so a reader can sort and filter by them; shown the Vietnamese way.
DATE_FORMAT = "dd/mm/yyyy"
MAX_COLUMN_WIDTH = 40


def _date_columns(table: pd.DataFrame) -> list[str]:
    return [name for name in table.columns if table[name].dtype == object and len(table[name].dropna())
            and all(isinstance(value, datetime.date) for value in table[name].dropna())]


def _text_columns(table: pd.DataFrame) -> list[str]:
    return [name for name in table.columns if table[name].dtype == object or pd.api.types.is_string_dtype(table[name])]


def _as_text(worksheet) -> None:
    """Store every formula-like text as text with Excel's quote prefix: shown as written, never run."""
    for row in worksheet.iter_rows():
        for cell in row:
            if starts_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def to_csv(table: pd.DataFrame, heading: list[str]) -> bytes:
    """Return the table as UTF-8 CSV (with a BOM, so Excel reads the accents), the heading lines first."""
    table = table.assign(**{name: table[name].map(format_date, na_action="ignore") for name in _date_columns(table)})
    table = table.assign(**{name: table[name].map(spreadsheet_cell) for name in _text_columns(table)})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in heading:
        writer.writerow([spreadsheet_cell(line)])
    if heading:
        writer.writerow([])
    table.to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_excel(table: pd.DataFrame, heading: list[str], sheet: str = "Số liệu") -> bytes:
    """Return the table as an .xlsx workbook with the heading lines above it, numbers shown with separators."""
    buffer = io.BytesIO()
    first_row = len(heading) + 1 if heading else 0
    dates = _date_columns(table)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=sheet, index=False, startrow=first_row)
        worksheet = writer.sheets[sheet]
        for row, line in enumerate(heading, start=1):
            worksheet.cell(row=row, column=1, value=line)
        _as_text(worksheet)
        for index, name in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            worksheet.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, max(10, len(str(name)) + 2))
            fmt = None
            if name in dates:
                fmt = DATE_FORMAT
            elif pd.api.types.is_numeric_dtype(table[name]):
                fmt = RATE_FORMAT if pd.api.types.is_float_dtype(table[name]) else COUNT_FORMAT
            for cell in worksheet[letter][first_row + 1:] if fmt else ():
                cell.number_format = fmt
    return buffer.getvalue()
