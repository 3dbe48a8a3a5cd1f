"""The import page's parts: an upload run as an import with its phases on a progress bar, the findings of a refused
one as a table and a workbook, and the history of imports."""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from data_access.exchange.files import ImportRejected
from data_access.exchange.runs import PHASES, RESULTS, ImportBusy, ImportRun, import_history, run_import
from dashboard.metrics import clock
from dashboard.metrics.formatting import format_count
from dashboard.reports.findings import findings_workbook
from dashboard.ui.text_blocks import notice
from dashboard.view import cache

IMPORT_ROLES = ("thong_ke",)
FINDING_COLUMNS = ("Tệp", "Dòng", "Quy tắc", "Nội dung")
HISTORY_COLUMNS = ("Bắt đầu", "Người nhập", "Tệp", "Số dòng", "Thời gian", "Kết quả")
RESULT_KEY = "import.result"


def upload_limit_megabytes() -> int:
    """Return the largest upload Streamlit accepts, in megabytes (server.maxUploadSize)."""
    return int(st.get_option("server.maxUploadSize"))


def counts_text(files: dict[str, int]) -> str:
    """Return the rows per file as "viec.csv: 1.234; su_kien.csv: 5.678"."""
    return "; ".join(f"{name}: {format_count(count)}" for name, count in files.items())


def findings_frame(rejected: ImportRejected) -> pd.DataFrame:
    """Return a refused import's findings as FINDING_COLUMNS, in file and line order."""
    return pd.DataFrame([(issue.file, issue.line or None, issue.rule, issue.message) for issue in rejected.errors],
                        columns=list(FINDING_COLUMNS)).astype({"Dòng": "Int64"})


def history_frame(runs: list[ImportRun]) -> pd.DataFrame:
    """Return the runs as HISTORY_COLUMNS, in the order given."""
    def took(run: ImportRun) -> str:
        return "" if run.seconds is None else f"{run.seconds:.1f} giây".replace(".", ",")

    def result(run: ImportRun) -> str:
        word = RESULTS.get(run.result, run.result).capitalize()
        return f"{word} · {format_count(run.findings)} lỗi" if run.findings else word

    return pd.DataFrame([(f"{run.started_at:%d/%m/%Y %H:%M}", run.actor, run.source, counts_text(run.files),
                          took(run), result(run)) for run in runs], columns=list(HISTORY_COLUMNS))


def history(limit: int = 50) -> pd.DataFrame:
    """Return the latest imports (fifty unless told), newest first."""
    return history_frame(import_history(cache.engine(), limit))


def run_upload(uploaded, login: str) -> None:
    """Import an uploaded file with a progress bar of its phases; keep what happened for the page to show."""
    bar = st.progress(0, text="Bắt đầu nhập...")
    phases = list(PHASES)

    def told(phase: str) -> None:
        bar.progress(phases.index(phase) / len(phases), text=f"{PHASES[phase]}...")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"tai_len{Path(uploaded.name).suffix.lower()}"
        path.write_bytes(uploaded.getvalue())
        try:
            run, summary = run_import(cache.engine(), path, login, clock.now, source=uploaded.name, progress=told)
        except ImportBusy as busy:
            st.session_state[RESULT_KEY] = ("busy", str(busy))
        except ImportRejected as rejected:
            st.session_state[RESULT_KEY] = ("rejected", uploaded.name, rejected)
        else:
            replaced = f" Thay thế {format_count(summary.replaced_cases)} việc đã có." if summary.replaced_cases else ""
            st.session_state[RESULT_KEY] = ("accepted", f"Đã nhập {uploaded.name}: {counts_text(run.files)} dòng."
                                            f"{replaced} Mọi trang hiển thị số liệu mới ngay.")
    bar.progress(1.0, text="Xong.")


def show_result() -> None:
    """Draw what the last import of this session gave: its success, its findings, or that another one runs."""
    said = st.session_state.get(RESULT_KEY)
    if said is None:
        return
    # A file's name and an account's login are the user's text: boxes hold them as text, never as Markdown.
    if said[0] == "accepted":
        notice(said[1], "success")
    elif said[0] == "busy":
        notice(said[1])
    else:
        _, name, rejected = said
        notice(f"Không nhập được {name}: có {format_count(rejected.total)} lỗi, chưa ghi gì vào cơ sở dữ liệu.",
               "error")
        st.dataframe(findings_frame(rejected), key="import.findings", hide_index=True, width="stretch")
        if rejected.total > len(rejected.errors):
            st.caption(f"Bảng liệt kê {format_count(len(rejected.errors))} lỗi đầu tiên.")
        st.download_button("Tải danh sách lỗi (Excel)", findings_workbook(rejected.errors),
                           f"loi_nhap_du_lieu_{clock.now():%Y%m%d_%H%M}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="import.findings_download", on_click="ignore")
