"""The download buttons under a table: its CSV and Excel copies, the filters written above the rows."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.ui.exports import to_csv, to_excel


def download_buttons(table: pd.DataFrame | Callable[[], pd.DataFrame], heading: list[str], file_stem: str,
                     key: str, on_download: Callable[[], None] | None = None) -> None:
    """Draw CSV and Excel download buttons for a table, the heading lines written above it.

    A table given as a function is read and written out only when a button is clicked: a list of a hundred
    thousand cases is not fetched and written twice on every view of its first page. `on_download` runs when
    either is clicked (the audit trail of a case list).
    """
    def contents(write):
        return (lambda: write(table(), heading)) if callable(table) else write(table, heading)
    left, right, _ = st.columns([1, 1, 4])
    clicked = on_download or "rerun"
    left.download_button("Tải CSV", contents(to_csv), f"{file_stem}.csv", "text/csv", key=f"{key}.csv",
                         on_click=clicked)
    right.download_button("Tải Excel", contents(to_excel), f"{file_stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}.xlsx",
                          on_click=clicked)
