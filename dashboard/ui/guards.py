"""What every page does first: stop with a Vietnamese message when the database fails or the scope is empty."""

from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import URL_VARIABLE, DatabaseUnavailable
from dashboard.ui.text_blocks import notice


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


def stop_if_empty(report: dict, what: str = "Phạm vi và kỳ báo cáo đã chọn") -> None:
    """Show a Vietnamese message and stop the page when the report has no caseload."""
    empty = (not report["rows"]) if "rows" in report else report["cases"]["caseload"] == 0
    if empty:
        notice(f"{what} chưa có việc thụ lý nào. Hãy chọn kỳ báo cáo hoặc phạm vi khác ở thanh bên trái.", "info")
        st.stop()
