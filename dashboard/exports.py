"""Files to download: CSV and Excel copies of a table, with the filters written above it."""

import csv
import io

import pandas as pd


def to_csv(table: pd.DataFrame, heading: list[str]) -> bytes:
    """Return the table as UTF-8 CSV (with a BOM, so Excel reads the accents), the heading lines first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in heading:
        writer.writerow([line])
    if heading:
        writer.writerow([])
    table.to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_excel(table: pd.DataFrame, heading: list[str], sheet: str = "Số liệu") -> bytes:
    """Return the table as an .xlsx workbook with the heading lines above it."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=sheet, index=False, startrow=len(heading) + 1 if heading else 0)
        worksheet = writer.sheets[sheet]
        for row, line in enumerate(heading, start=1):
            worksheet.cell(row=row, column=1, value=line)
    return buffer.getvalue()
