"""The only place that caches: the database engine for the server's life, figures for a few minutes, each kept
apart for the viewer who read it: a figure cached for one scope is never served to a viewer outside it."""

import sys
from datetime import date

import streamlit as st
from sqlalchemy.engine import Engine

from data_access.queries.case_list import CaseFilter, CaseListPage, case_list
from data_access.queries.lookups import (
    dimension_names, first_decision_date, officer_units, province_names, unit_provinces,
)
from data_access.queries.viewing import Reader, Viewer, sees_everything, visible_units
from dashboard.database import demo_password, open_dashboard_engine
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.on_track import on_track as on_track_of
from dashboard.metrics.pace_curve import pace_curve as pace_curve_of, row_pace_curves
from dashboard.view.filters import FilterOptions, offered_years, viewer_limits
from dashboard.view.session import current_viewer

# Imports land a few times a day; five minutes keeps pages instant without showing stale figures for long.
REPORT_TTL_SECONDS = 300


@st.cache_resource(show_spinner="Đang mở cơ sở dữ liệu (lần đầu tiên sẽ tạo dữ liệu mẫu, khoảng nửa phút)...")
def engine() -> Engine:
    """Return the shared Engine of this server."""
    return open_dashboard_engine(on_first_use=_announce_demo)


def _announce_demo() -> None:
    print("Chưa có cơ sở dữ liệu: đang tạo dữ liệu mẫu của một tỉnh (khoảng nửa phút)...", file=sys.stderr, flush=True)


def demo_sign_in() -> str | None:
    """Return the demo accounts' password on the embedded demo database, None on a configured one."""
    return demo_password()


def reader() -> Reader:
    """Return the database as this session's viewer may read it."""
    return Reader(engine(), current_viewer())


def report(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return chain_report for the period, scope and breakdown as this session's viewer reads it, cached."""
    return _report(current_viewer(), end, scope, by)


def on_track(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the report with what is still needed, the pace and the forecast (per row with `by`), cached."""
    return _on_track(current_viewer(), end, scope, by)


def pace_curve(year: int, scope: Scope, target: dict | None) -> list[dict]:
    """Return the scope's pace at every month end of the work-year, cached."""
    return _pace_curve(current_viewer(), year, scope, target)


def unit_pace_curves(year: int, scope: Scope, targets: dict[str, dict]) -> dict:
    """Return every unit's pace at every month end of the work-year, cached."""
    return _unit_pace_curves(current_viewer(), year, scope, targets)


def filter_options(today: date) -> FilterOptions:
    """Return the work-years, units and officers the filters offer this session's viewer on a given day, cached."""
    return _filter_options(current_viewer(), today)


def cases(start: date, end: date, scope: Scope, chain: str, cell: str, narrow: CaseFilter, sort: str,
          descending: bool, offset: int, limit: int) -> CaseListPage:
    """Return one page of the cases behind a chain cell, their total and their money, cached."""
    return cases_as(current_viewer(), start, end, scope, chain, cell, narrow, sort, descending, offset, limit)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính số liệu...")
def _report(viewer: Viewer, end: date, scope: Scope, by: str | None) -> dict:
    return chain_report(Reader(engine(), viewer), end, scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ và dự báo...")
def _on_track(viewer: Viewer, end: date, scope: Scope, by: str | None) -> dict:
    return on_track_of(Reader(engine(), viewer), end, _report(viewer, end, scope, by), scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ cả năm...")
def _pace_curve(viewer: Viewer, year: int, scope: Scope, target: dict | None) -> list[dict]:
    return pace_curve_of(Reader(engine(), viewer), year, scope, target)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ của từng đơn vị...")
def _unit_pace_curves(viewer: Viewer, year: int, scope: Scope, targets: dict[str, dict]) -> dict:
    return row_pace_curves(Reader(engine(), viewer), year, scope, "unit", targets)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def _filter_options(viewer: Viewer, today: date) -> FilterOptions:
    read = Reader(engine(), viewer)
    units = dimension_names(read, "unit")
    # Provinces are offered as far as the viewer sees units in them; a unit head's is its own province.
    seen = visible_units(read)
    places = unit_provinces(engine())
    every_province = province_names(engine())
    seen_provinces = None if seen is None else {places.get(unit) for unit in seen}
    provinces = {code: name for code, name in every_province.items()
                 if seen_provinces is None or code in seen_provinces}
    homes = officer_units(read)
    return FilterOptions(years=offered_years(first_decision_date(engine()), today), units=units, today=today,
                         officers=dimension_names(read, "officer"), officer_units=homes,
                         provinces=provinces, unit_provinces={code: places[code] for code in units if code in places},
                         **viewer_limits(viewer, homes, places, several=len(every_province) > 1,
                                         everything=sees_everything(read)))


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tìm các việc...")
def cases_as(viewer: Viewer, start: date, end: date, scope: Scope, chain: str, cell: str, narrow: CaseFilter,
             sort: str, descending: bool, offset: int, limit: int) -> CaseListPage:
    """Return the cases page as the viewer given reads it, for a file written outside the session's run."""
    return case_list(Reader(engine(), viewer), start, end, scope, cell=cell, chain=chain, narrow=narrow, sort=sort,
                     descending=descending, offset=offset, limit=limit)
