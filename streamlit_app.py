"""Entry point of the dashboard: page settings and the list of pages."""

import streamlit as st

st.set_page_config(page_title="Thi hành án dân sự: bảng điều hành", page_icon="⚖️", layout="wide")
navigation = st.navigation([
    st.Page("pages/overview.py", title="Tổng quan", icon="📊", default=True),
])
navigation.run()
