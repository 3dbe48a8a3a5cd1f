"""Nhật ký: the audit trail (sign-ins, locks, accounts, display links, imports, closes, downloads) for the
administrators and the statisticians."""

from datetime import datetime, timedelta

import pandas as pd
import streamlit as st

from dashboard.ui.audit_view import AUDIT_ROLES, trail_table
from dashboard.ui.guards import database_guard
from dashboard.ui.sign_in import signed_in
from dashboard.ui.text_blocks import notice
from dashboard.metrics import clock
from dashboard.metrics.formatting import format_count
from dashboard.view.navigation import through_navigation

# A month of events is what a monthly check reads; older ones are a date away.
DEFAULT_DAYS = 30

through_navigation()
with database_guard():
    account = signed_in()
    if account.role not in AUDIT_ROLES:
        notice("Không có quyền xem nhật ký: trang này dành cho quản trị và thống kê.")
        st.stop()
    st.title("Nhật ký hoạt động")
    since = st.date_input("Từ ngày", value=clock.today() - timedelta(days=DEFAULT_DAYS), format="DD/MM/YYYY",
                          key="audit.since")
    table = trail_table(datetime.combine(since, datetime.min.time()))
if table.empty:
    st.info(f"Không có hoạt động nào từ ngày {since:%d/%m/%Y}.")
    st.stop()
st.caption(f"{format_count(len(table))} hoạt động từ ngày {since:%d/%m/%Y}, mới nhất trước.")
st.dataframe(table, key="audit.table", hide_index=True, width="stretch",
             column_config={"Lúc": st.column_config.DatetimeColumn(format="DD/MM/YYYY HH:mm:ss")})
st.download_button("Tải nhật ký (CSV)", pd.DataFrame(table).to_csv(index=False).encode("utf-8-sig"),
                   file_name=f"nhat_ky_{clock.today():%Y%m%d}.csv", mime="text/csv", key="audit.download")
