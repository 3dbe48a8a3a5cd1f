"""Entry point of the dashboard: page settings and the list of pages."""

import streamlit as st

st.set_page_config(page_title="Thi hành án dân sự: bảng điều hành", page_icon="⚖️", layout="wide")
navigation = st.navigation([
    st.Page("pages/overview.py", title="Tổng quan", icon="📊", default=True),
    st.Page("pages/units.py", title="Đơn vị", icon="🏛️", url_path="don_vi"),
    st.Page("pages/officers.py", title="Chấp hành viên", icon="👤", url_path="chap_hanh_vien"),
    st.Page("pages/groups.py", title="Nhóm việc", icon="🗂️", url_path="nhom_viec"),
    st.Page("pages/trend.py", title="Xu hướng", icon="📈", url_path="xu_huong"),
    st.Page("pages/cases.py", title="Danh sách việc", icon="📋", url_path="danh_sach_viec"),
    st.Page("pages/case.py", title="Chi tiết việc", icon="📄", url_path="viec", visibility="hidden"),
])
navigation.run()
