"""The only place that caches: the database engine for the server's life, reports for a few minutes."""

from datetime import date

import streamlit as st
from sqlalchemy.engine import Engine

from dashboard.chains import Scope, chain_report
from dashboard.database import open_dashboard_engine

# Imports land a few times a day; five minutes keeps pages instant without showing stale figures for long.
REPORT_TTL_SECONDS = 300


@st.cache_resource(show_spinner="Đang mở cơ sở dữ liệu (lần đầu tiên sẽ tạo dữ liệu mẫu, khoảng nửa phút)...")
def engine() -> Engine:
    """Return the shared Engine of this server."""
    return open_dashboard_engine()


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính số liệu...")
def report(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return chain_report for the period, scope and breakdown, cached."""
    return chain_report(engine(), end, scope, by)
