"""Small Streamlit helpers shared by the pages."""

import datetime
from collections.abc import Callable
from contextlib import contextmanager

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import URL_VARIABLE, DatabaseUnavailable
from dashboard.exports import to_csv, to_excel
from dashboard.formatting import format_count, format_date, format_percent


@contextmanager
def database_guard():
    """Run the block; if the database fails, show what to check in Vietnamese and stop the page."""
    try:
        yield
    except DatabaseUnavailable as error:
        st.error(str(error))
        st.stop()
    except SQLAlchemyError as error:
        first_line = str(error).strip().splitlines()[0]
        st.error(f"Không đọc được cơ sở dữ liệu: {first_line}. Kiểm tra máy chủ cơ sở dữ liệu đang chạy và "
                 f"biến {URL_VARIABLE} hoặc tệp .streamlit/secrets.toml.")
        st.stop()


# Charts are read, not edited: Plotly's toolbar (in English) and its logo stay hidden.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
# Height of one st.dataframe row in pixels, to size a table so it shows every row without scrolling.
TABLE_ROW_PIXELS = 35


def _cell_text(value, decimals: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return format_date(value)
    if value is None or pd.isna(value):
        return "—"
    return format_percent(value, decimals).removesuffix("%") if decimals else format_count(int(value))


def styled(table: pd.DataFrame, rate_columns: tuple[str, ...] = ()) -> "pd.io.formats.style.Styler":
    """Return the table styled with Vietnamese numbers (1.577; 47,10) and dates (31/12/2023), sortable by value."""
    formats = {}
    for column in table.columns:
        if pd.api.types.is_numeric_dtype(table[column]) or table[column].dtype == object:
            decimals = 2 if column in rate_columns or "Tỷ lệ" in str(column) or "(%)" in str(column) else 0
            formats[column] = lambda value, decimals=decimals: _cell_text(value, decimals)
    return table.style.format(formats, na_rep="—")


def download_buttons(table: pd.DataFrame | Callable[[], pd.DataFrame], heading: list[str], file_stem: str,
                     key: str) -> None:
    """Draw CSV and Excel download buttons for a table, the heading lines written above it.

    A table given as a function is read and written out only when a button is clicked: a list of a hundred
    thousand cases is not fetched and written twice on every view of its first page.
    """
    def contents(write):
        return (lambda: write(table(), heading)) if callable(table) else write(table, heading)
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Tải CSV", contents(to_csv), f"{file_stem}.csv", "text/csv", key=f"{key}.csv")
    right.download_button("Tải Excel", contents(to_excel), f"{file_stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}.xlsx")


def stop_if_empty(report: dict, what: str = "Phạm vi và kỳ báo cáo đã chọn") -> None:
    """Show a Vietnamese message and stop the page when the report has no caseload."""
    empty = (not report["rows"]) if "rows" in report else report["cases"]["caseload"] == 0
    if empty:
        st.info(f"{what} chưa có việc thụ lý nào. Hãy chọn kỳ báo cáo hoặc phạm vi khác ở thanh bên trái.")
        st.stop()
