"""The overview's downloads: its chain tables with the paragraph, the statistical forms workbook and the monthly
report PDF, each read through the viewer's scope and written only when its button is clicked."""

from datetime import date

import pandas as pd
import streamlit as st

from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics import clock
from dashboard.metrics.chain_labels import CHAIN_LABELS
from dashboard.metrics.chains import CASE_KEYS, MONEY_KEYS
from dashboard.metrics.data_notes import closed_line, data_line
from dashboard.reports.bundle import month_bundle
from dashboard.reports.forms import report_forms
from dashboard.reports.monthly_pdf import monthly_pdf
from dashboard.ui.exports import to_excel
from dashboard.view import cache
from dashboard.view.filters import FilterOptions, Filters, describe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHAIN_COLUMNS = ("Chỉ tiêu", "Về việc: kỳ này", "Về việc: cùng kỳ năm trước", "Về tiền (đồng): kỳ này",
                 "Về tiền (đồng): cùng kỳ năm trước")


def chain_frame(report: dict) -> pd.DataFrame:
    """Return both chains of a report and of the same period last year as one table, a row per indicator."""
    last_year = report["same_period_last_year"]

    def value(chain: str, keys: tuple, source: dict, key: str):
        return source[chain][key] if key in keys else None

    return pd.DataFrame([(CHAIN_LABELS[key], value("cases", CASE_KEYS, report, key),
                          value("cases", CASE_KEYS, last_year, key), report["money"][key], last_year["money"][key])
                         for key in MONEY_KEYS], columns=list(CHAIN_COLUMNS))


def month_downloads(report: dict, paragraph: str, filters: Filters, options: FilterOptions) -> None:
    """Draw the three download buttons of the overview for its period and scope."""
    end, scope = filters.period_end(options.today), filters.scope()
    # The files are written when a button is clicked, outside this run: who reads, and what, are taken now.
    reader, state, closed = cache.reader(), cache.data_state(), cache.closed(end)
    notes = [data_line(state), *([closed_line(closed)] if closed else [])]
    heading = ["Kết quả thi hành án dân sự", describe(filters, options), *notes, paragraph]
    stem = f"{end:%Y%m%d}"
    tables, forms, document = st.columns(3)
    tables.download_button("Tải bảng chỉ tiêu (Excel)", lambda: to_excel(chain_frame(report), heading),
                           f"chi_tieu_thong_ke_{stem}.xlsx", XLSX, key="overview.chains_download", on_click="ignore")
    forms.download_button("Tải biểu mẫu thống kê (Excel)", lambda: _forms(reader, end, scope, notes),
                          f"bieu_mau_thong_ke_{stem}.xlsx", XLSX, key="overview.forms_download", on_click="ignore")
    document.download_button("Tải báo cáo tháng (PDF)", lambda: _pdf(reader, end, scope, notes),
                             f"bao_cao_thang_{stem}.pdf", "application/pdf", key="overview.pdf_download",
                             on_click="ignore")


def _forms(reader: Reader, end: date, scope: Scope, notes: list[str]) -> bytes:
    return report_forms(month_bundle(reader, end, scope), made_on=clock.today(),
                        closed_note=notes[1] if len(notes) > 1 else None)


def _pdf(reader: Reader, end: date, scope: Scope, notes: list[str]) -> bytes:
    return monthly_pdf(month_bundle(reader, end, scope), made_on=clock.today(), data_note=notes[0],
                       closed_note=notes[1] if len(notes) > 1 else None)
