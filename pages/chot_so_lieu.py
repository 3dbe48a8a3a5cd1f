"""Chốt số liệu: the statistician closes a month end once its report is sent, reopens it, and sees what later
imports changed in a closed one."""

import streamlit as st

from dashboard.metrics import clock
from dashboard.metrics.data_notes import closed_line
from dashboard.ui.closing_view import CLOSING_ROLES, close, closable_ends, closed_table, reopen, revision_table
from dashboard.ui.filter_bar import data_notes
from dashboard.ui.guards import database_guard
from dashboard.ui.sign_in import signed_in
from dashboard.ui.text_blocks import notice
from dashboard.view import cache
from dashboard.view.navigation import through_navigation

RESULT_KEY = "closing.result"

through_navigation()
with database_guard():
    account = signed_in()
    if account.role not in CLOSING_ROLES:
        notice("Không có quyền chốt số liệu: trang này dành cho người làm thống kê.")
        st.stop()
    st.title("Chốt số liệu")
    data_notes()
    st.caption("Kỳ đã chốt giữ nguyên số liệu như lúc chốt trên mọi trang, tệp tải về, màn hình trình chiếu và báo "
               "cáo, kể cả khi lần nhập sau thay đổi các việc của kỳ đó; cuối trang liệt kê những số đã khác đi.")
    end = st.selectbox("Kỳ báo cáo đến ngày", closable_ends(clock.today()), format_func=lambda day: f"{day:%d/%m/%Y}",
                       key="closing.end")
    said = st.session_state.pop(RESULT_KEY, None)
    if said is not None:
        notice(said[1], "success" if said[0] == "ok" else "error")
    closed = cache.closed(end)
    if closed is None:
        st.info(f"Kỳ báo cáo đến {end:%d/%m/%Y} chưa chốt: các trang đọc số liệu hiện nay.")
        if st.button("Chốt số liệu kỳ này", key="closing.close", type="primary"):
            refused = close(end, account.login)
            st.session_state[RESULT_KEY] = ("error", refused) if refused else (
                "ok", f"Đã chốt số liệu kỳ báo cáo đến {end:%d/%m/%Y}.")
            st.rerun()
    else:
        # closed_by is an account's login: text, never Markdown.
        notice(closed_line(closed), "success")
        confirmed = st.checkbox("Tôi hiểu: mở lại thì mọi trang đọc số liệu hiện nay của kỳ này", key="closing.confirm")
        if st.button("Mở lại kỳ này", key="closing.reopen", disabled=not confirmed):
            refused = reopen(end, account.login)
            st.session_state[RESULT_KEY] = ("error", refused) if refused else (
                "ok", f"Đã mở lại kỳ báo cáo đến {end:%d/%m/%Y}.")
            st.rerun()
        st.subheader("Thay đổi sau khi chốt")
        changes = revision_table(end)
        if changes is None or changes.empty:
            st.caption("Các lần nhập sau khi chốt chưa làm thay đổi số liệu nào của kỳ này.")
        else:
            st.caption("Số đã chốt là số các trang và báo cáo đang dùng; số hiện nay tính từ dữ liệu mới nhất. Lần "
                       "nhập: các lần nhập sau khi chốt có việc của phạm vi đó.")
            st.dataframe(changes, key="closing.revisions", hide_index=True, width="stretch")
    st.subheader("Các kỳ đã chốt")
    table = closed_table()
    if table.empty:
        st.caption("Chưa có kỳ nào được chốt.")
    else:
        st.dataframe(table, key="closing.closed", hide_index=True, width="stretch",
                     column_config={"Chốt lúc": st.column_config.DatetimeColumn(format="DD/MM/YYYY HH:mm")})
