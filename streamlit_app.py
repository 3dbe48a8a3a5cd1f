"""Entry point of the dashboard: page settings and the pages the signed-in role may open."""

import streamlit as st

from dashboard.view.session import current_viewer

st.set_page_config(page_title="Thi hành án dân sự: bảng điều hành", page_icon="⚖️", layout="wide")
PAGES = {
    "overview": st.Page("pages/overview.py", title="Tổng quan", icon="📊", default=True),
    "units": st.Page("pages/don_vi.py", title="Đơn vị", icon="🏛️", url_path="don_vi"),
    "officers": st.Page("pages/chap_hanh_vien.py", title="Chấp hành viên", icon="👤", url_path="chap_hanh_vien"),
    "groups": st.Page("pages/nhom_viec.py", title="Nhóm việc", icon="🗂️", url_path="nhom_viec"),
    "trend": st.Page("pages/xu_huong.py", title="Xu hướng", icon="📈", url_path="xu_huong"),
    "flow": st.Page("pages/dong_viec.py", title="Dòng việc", icon="⏳", url_path="dong_viec"),
    "alerts": st.Page("pages/canh_bao.py", title="Cảnh báo", icon="🚨", url_path="canh_bao"),
    "cases": st.Page("pages/danh_sach_viec.py", title="Danh sách việc", icon="📋", url_path="danh_sach_viec"),
    "display": st.Page("pages/trinh_chieu.py", title="Trình chiếu", icon="📺", url_path="trinh_chieu"),
    "import": st.Page("pages/nhap_du_lieu.py", title="Nhập dữ liệu", icon="📥", url_path="nhap_du_lieu"),
    "closing": st.Page("pages/chot_so_lieu.py", title="Chốt số liệu", icon="🔒", url_path="chot_so_lieu"),
    "audit": st.Page("pages/nhat_ky.py", title="Nhật ký", icon="🧾", url_path="nhat_ky"),
    "case": st.Page("pages/viec.py", title="Chi tiết việc", icon="📄", url_path="viec", visibility="hidden"),
}
# The pages each role finds in the sidebar (domain.md section 13); every page checks its reader again.
ROLE_PAGES = {
    "lanh_dao": ("overview", "units", "officers", "groups", "trend", "flow", "alerts", "cases", "display", "case"),
    "thong_ke": ("overview", "units", "officers", "groups", "trend", "flow", "alerts", "cases", "display", "import",
                 "closing", "audit", "case"),
    "don_vi": ("overview", "units", "officers", "groups", "trend", "flow", "alerts", "cases", "case"),
    "chv": ("overview", "groups", "trend", "flow", "cases", "case"),
    "quan_tri": ("audit",),
}
viewer = current_viewer()
if viewer is None or viewer.role not in ROLE_PAGES:
    # Before sign-in (or on a display link's screen) every address opens its page, which asks who is there first.
    navigation = st.navigation(list(PAGES.values()), position="hidden")
else:
    navigation = st.navigation([PAGES[name] for name in ROLE_PAGES[viewer.role]])
navigation.run()
