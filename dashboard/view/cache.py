"""The only place that caches: the database engine for the server's life, figures for a few minutes."""

import sys
from datetime import date

import streamlit as st
from sqlalchemy.engine import Engine

from data_access.queries.case_list import CaseFilter, CaseListPage, case_list
from data_access.queries.chain_queries import (
    dimension_names, first_decision_date, officer_units, province_names, unit_provinces,
)
from dashboard.database import open_dashboard_engine
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.on_track import on_track as on_track_of
from dashboard.metrics.pace_curve import pace_curve as pace_curve_of, row_pace_curves
from dashboard.view.filters import FilterOptions, offered_years

# Imports land a few times a day; five minutes keeps pages instant without showing stale figures for long.
REPORT_TTL_SECONDS = 300


@st.cache_resource(show_spinner="Đang mở cơ sở dữ liệu (lần đầu tiên sẽ tạo dữ liệu mẫu, khoảng nửa phút)...")
def engine() -> Engine:
    """Return the shared Engine of this server."""
    return open_dashboard_engine(on_first_use=_announce_demo)


def _announce_demo() -> None:
    print("Chưa có cơ sở dữ liệu: đang tạo dữ liệu mẫu của một tỉnh (khoảng nửa phút)...", file=sys.stderr, flush=True)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính số liệu...")
def report(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return chain_report for the period, scope and breakdown, cached."""
    return chain_report(engine(), end, scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ và dự báo...")
def on_track(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the report with what is still needed, the pace and the forecast (per row with `by`), cached."""
    return on_track_of(engine(), end, report(end, scope, by), scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ cả năm...")
def pace_curve(year: int, scope: Scope, target: dict | None) -> list[dict]:
    """Return the scope's pace at every month end of the work-year, cached."""
    return pace_curve_of(engine(), year, scope, target)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ của từng đơn vị...")
def unit_pace_curves(year: int, scope: Scope, targets: dict[str, dict]) -> dict:
    """Return every unit's pace at every month end of the work-year, cached."""
    return row_pace_curves(engine(), year, scope, "unit", targets)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def filter_options(today: date) -> FilterOptions:
    """Return the work-years, units and officers the filters offer on a given day, cached."""
    years = offered_years(first_decision_date(engine()), today)
    return FilterOptions(years=years, units=dimension_names(engine(), "unit"), today=today,
                         officers=dimension_names(engine(), "officer"), officer_units=officer_units(engine()),
                         provinces=province_names(engine()), unit_provinces=unit_provinces(engine()))


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tìm các việc...")
def cases(start: date, end: date, scope: Scope, chain: str, cell: str, narrow: CaseFilter, sort: str,
          descending: bool, offset: int, limit: int) -> CaseListPage:
    """Return one page of the cases behind a chain cell, their total and their money, cached."""
    return case_list(engine(), start, end, scope, cell=cell, chain=chain, narrow=narrow, sort=sort,
                     descending=descending, offset=offset, limit=limit)
