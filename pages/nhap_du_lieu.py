"""Nhập dữ liệu: the statistician uploads a month's exchange files, sees them checked and written, or refused with
every finding, and the history of imports."""

import streamlit as st

from dashboard.ui.filter_bar import data_notes
from dashboard.ui.guards import database_guard
from dashboard.ui.import_view import IMPORT_ROLES, history, run_upload, show_result, upload_limit_megabytes
from dashboard.ui.sign_in import signed_in
from dashboard.ui.text_blocks import notice
from dashboard.view.navigation import through_navigation

through_navigation()
with database_guard():
    account = signed_in()
    if account.role not in IMPORT_ROLES:
        notice("Không có quyền nhập dữ liệu: trang này dành cho người làm thống kê.")
        st.stop()
    st.title("Nhập dữ liệu")
    data_notes()
    st.markdown("Tải lên một tệp **.zip** chứa các tệp CSV theo định dạng trao đổi (don_vi.csv, chap_hanh_vien.csv, "
                "viec.csv, su_kien.csv, chi_tieu.csv; có thể chỉ một phần các tệp) hoặc một tệp **.xlsx** có mỗi tệp "
                "một trang. Dữ liệu được kiểm tra hết trước khi ghi: có một lỗi là không ghi gì cả.")
    st.caption(f"Dung lượng tối đa của một tệp tải lên: {upload_limit_megabytes()} MB.")
    uploaded = st.file_uploader("Tệp dữ liệu (.zip hoặc .xlsx)", type=["zip", "xlsx"], key="import.file")
    if st.button("Nhập", key="import.run", type="primary", disabled=uploaded is None):
        run_upload(uploaded, account.login)
    show_result()
    st.subheader("Lịch sử nhập dữ liệu")
    runs = history()
    if runs.empty:
        st.caption("Chưa có lần nhập nào.")
    else:
        st.dataframe(runs, key="import.history", hide_index=True, width="stretch")
