"""Entry point of the dashboard: page settings and the list of pages."""

import streamlit as st

st.set_page_config(page_title="Thi hành án dân sự: bảng điều hành", page_icon="⚖️", layout="wide")
navigation = st.navigation([
    st.Page("pages/overview.py", title="Tổng quan", icon="📊", default=True),
    st.Page("pages/don_vi.py", title="Đơn vị", icon="🏛️", url_path="don_vi"),
    st.Page("pages/chap_hanh_vien.py", title="Chấp hành viên", icon="👤", url_path="chap_hanh_vien"),
    st.Page("pages/nhom_viec.py", title="Nhóm việc", icon="🗂️", url_path="nhom_viec"),
    st.Page("pages/xu_huong.py", title="Xu hướng", icon="📈", url_path="xu_huong"),
    st.Page("pages/danh_sach_viec.py", title="Danh sách việc", icon="📋", url_path="danh_sach_viec"),
    st.Page("pages/trinh_chieu.py", title="Trình chiếu", icon="📺", url_path="trinh_chieu"),
    st.Page("pages/viec.py", title="Chi tiết việc", icon="📄", url_path="viec", visibility="hidden"),
])
navigation.run()
