"""What every page does first: stop with a Vietnamese message when the database fails, the viewer may not read
what was asked, or the scope is empty."""

import logging
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import URL_VARIABLE, DatabaseUnavailable
from data_access.queries.viewing import NotPermitted
from dashboard.ui.text_blocks import notice
from dashboard.view import cache


# What a visitor reads when the database fails; the address and the driver's own words go to the server's log.
UNREACHABLE = ("Không kết nối được cơ sở dữ liệu. Hãy báo người quản trị kiểm tra máy chủ cơ sở dữ liệu và cấu hình "
               f"{URL_VARIABLE} (hoặc .streamlit/secrets.toml).")
UNREADABLE = ("Không đọc được cơ sở dữ liệu lúc này. Hãy thử lại sau ít phút; nếu lỗi còn, báo người quản trị xem "
              "nhật ký máy chủ.")
log = logging.getLogger(__name__)


@contextmanager
def database_guard(pin: bool = True):
    """Run the block at the data's version of this run (pinned now unless `pin` is False: a later block of the same
    run keeps the version its first block read); if the database fails, log why, show a Vietnamese message without
    its address and stop."""
    try:
        if pin:
            cache.pin_version()
        yield
    except NotPermitted as refused:
        notice(str(refused))
        st.stop()
    except DatabaseUnavailable:
        log.exception("database unavailable")
        st.error(UNREACHABLE)
        st.stop()
    except SQLAlchemyError:
        log.exception("database query failed")
        st.error(UNREADABLE)
        st.stop()


def stop_if_empty(report: dict, what: str = "Phạm vi và kỳ báo cáo đã chọn") -> None:
    """Show a Vietnamese message and stop the page when the report has no caseload."""
    empty = (not report["rows"]) if "rows" in report else report["cases"]["caseload"] == 0
    if empty:
        notice(f"{what} chưa có việc thụ lý nào. Hãy chọn kỳ báo cáo hoặc phạm vi khác ở thanh bên trái.", "info")
        st.stop()
