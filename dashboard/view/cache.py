"""The only place that caches: the database engine for the server's life, and figures keyed by the viewer who read
them and by the data's version. A figure cached for one scope is never served to a viewer outside it, and a page
reads every figure of one run at the version read when the run began: after an import or a close the next run
shows the new figures at once, and never a mix of two versions."""

import sys
from datetime import date

import streamlit as st
from sqlalchemy.engine import Engine

from data_access.queries.case_list import CaseFilter, CaseListPage, case_list
from data_access.queries.lookups import (
    dimension_names, first_decision_date, officer_units, province_names, unit_provinces,
)
from data_access.data_version import DataState, current_version, data_state as data_state_of
from data_access.queries.closed import ClosedPeriod, closed_period
from data_access.queries.viewing import Reader, Viewer, sees_everything, visible_units
from data_access.queries.trust import unit_last_days as unit_last_days_of
from data_access.queries.watch_queries import downgrade_list
from dashboard.database import demo_password, open_dashboard_engine
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import flow_report, warning_counts
from dashboard.metrics.watch import watch_report
from dashboard.metrics.on_track import on_track as on_track_of
from dashboard.metrics.pace_curve import pace_curve as pace_curve_of, row_pace_curves
from dashboard.view.filters import FilterOptions, offered_years, viewer_limits
from dashboard.view.session import current_viewer

# The version keys freshness; the time limit only lets go of figures of versions no page reads any more.
REPORT_TTL_SECONDS = 3600
VERSION_KEY = "thads_data_version"


@st.cache_resource(show_spinner="Đang mở cơ sở dữ liệu (lần đầu tiên sẽ tạo dữ liệu mẫu, khoảng nửa phút)...")
def engine() -> Engine:
    """Return the shared Engine of this server."""
    return open_dashboard_engine(on_first_use=_announce_demo)


def _announce_demo() -> None:
    print("Chưa có cơ sở dữ liệu: đang tạo dữ liệu mẫu của một tỉnh (khoảng nửa phút)...", file=sys.stderr, flush=True)


def demo_sign_in() -> str | None:
    """Return the demo accounts' password on the embedded demo database, None on a configured one."""
    return demo_password()


def pin_version() -> str:
    """Return the data's version now, kept for the rest of this run so all its figures are read at it."""
    st.session_state[VERSION_KEY] = current_version(engine())
    return st.session_state[VERSION_KEY]


def version() -> str:
    """Return the data's version this run reads at (read now if the run has not pinned one)."""
    return st.session_state.get(VERSION_KEY) or pin_version()


def data_state() -> DataState:
    """Return the data's last day and last import time at this run's version, cached."""
    return _data_state(version())


def closed(end: date) -> ClosedPeriod | None:
    """Return the close of a period end at this run's version, None when it is open, cached."""
    return _closed(version(), end)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def _data_state(data_version: str) -> DataState:
    return data_state_of(engine())


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def _closed(data_version: str, end: date) -> ClosedPeriod | None:
    return closed_period(engine(), end)


def reader() -> Reader:
    """Return the database as this session's viewer may read it."""
    return Reader(engine(), current_viewer())


def report(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return chain_report for the period, scope and breakdown as this session's viewer reads it, cached."""
    return _report(current_viewer(), version(), end, scope, by)


def on_track(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the report with what is still needed, the pace and the forecast (per row with `by`), cached."""
    return _on_track(current_viewer(), version(), end, scope, by)


def pace_curve(year: int, scope: Scope, target: dict | None) -> list[dict]:
    """Return the scope's pace at every month end of the work-year, cached."""
    return _pace_curve(current_viewer(), version(), year, scope, target)


def unit_pace_curves(year: int, scope: Scope, targets: dict[str, dict]) -> dict:
    """Return every unit's pace at every month end of the work-year, cached."""
    return _unit_pace_curves(current_viewer(), version(), year, scope, targets)


def flow(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the flow and age of the caseload for the period, scope and breakdown, cached."""
    return _flow(current_viewer(), version(), end, scope, by)


def warnings(end: date, scope: Scope = Scope()) -> dict[str, int]:
    """Return how many cases each warning holds for the period and scope, cached."""
    return _warnings(current_viewer(), version(), end, scope)


def watch(end: date, scope: Scope = Scope(), by: str | None = None) -> dict:
    """Return the classification watch for the period, scope and breakdown, cached."""
    return _watch(current_viewer(), version(), end, scope, by)


def downgrades(start: date, end: date, scope: Scope, which: str, offset: int = 0, limit: int = 5000) -> tuple:
    """Return one page of the downgrades behind a watch count (newest first) and their number, cached."""
    return _downgrades(current_viewer(), version(), start, end, scope, which, offset, limit)


def unit_last_days() -> dict:
    """Return the last day of each visible unit's data, cached."""
    return _unit_last_days(current_viewer(), version())


def filter_options(today: date) -> FilterOptions:
    """Return the work-years, units and officers the filters offer this session's viewer on a given day, cached."""
    return _filter_options(current_viewer(), version(), today)


def cases(start: date, end: date, scope: Scope, chain: str, cell: str, narrow: CaseFilter, sort: str,
          descending: bool, offset: int, limit: int) -> CaseListPage:
    """Return one page of the cases behind a chain cell, their total and their money, cached."""
    return cases_as(current_viewer(), version(), start, end, scope, chain, cell, narrow, sort, descending, offset,
                    limit)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính số liệu...")
def _report(viewer: Viewer, data_version: str, end: date, scope: Scope, by: str | None) -> dict:
    return chain_report(Reader(engine(), viewer), end, scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ và dự báo...")
def _on_track(viewer: Viewer, data_version: str, end: date, scope: Scope, by: str | None) -> dict:
    return on_track_of(Reader(engine(), viewer), end, _report(viewer, data_version, end, scope, by), scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ cả năm...")
def _pace_curve(viewer: Viewer, data_version: str, year: int, scope: Scope, target: dict | None) -> list[dict]:
    return pace_curve_of(Reader(engine(), viewer), year, scope, target)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính tiến độ của từng đơn vị...")
def _unit_pace_curves(viewer: Viewer, data_version: str, year: int, scope: Scope, targets: dict[str, dict]) -> dict:
    return row_pace_curves(Reader(engine(), viewer), year, scope, "unit", targets)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính dòng việc...")
def _flow(viewer: Viewer, data_version: str, end: date, scope: Scope, by: str | None) -> dict:
    return flow_report(Reader(engine(), viewer), end, scope, by)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính các cảnh báo...")
def _warnings(viewer: Viewer, data_version: str, end: date, scope: Scope) -> dict[str, int]:
    return warning_counts(Reader(engine(), viewer), end, scope)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tính theo dõi phân loại án...")
def _watch(viewer: Viewer, data_version: str, end: date, scope: Scope, by: str | None) -> dict:
    return watch_report(Reader(engine(), viewer), end, scope, by)


def downgrades_as(viewer: Viewer, data_version: str, start: date, end: date, scope: Scope, which: str,
                  offset: int, limit: int) -> tuple:
    """Return the downgrades as the viewer given reads them at a data version, for a file written outside the run."""
    return _downgrades(viewer, data_version, start, end, scope, which, offset, limit)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner="Đang tìm các việc...")
def _downgrades(viewer: Viewer, data_version: str, start: date, end: date, scope: Scope, which: str, offset: int,
                limit: int) -> tuple:
    return downgrade_list(Reader(engine(), viewer), start, end, scope, which, limit, offset)


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def _unit_last_days(viewer: Viewer, data_version: str) -> dict:
    return unit_last_days_of(Reader(engine(), viewer))


@st.cache_data(ttl=REPORT_TTL_SECONDS, show_spinner=False)
def _filter_options(viewer: Viewer, data_version: str, today: date) -> FilterOptions:
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
def cases_as(viewer: Viewer, data_version: str, start: date, end: date, scope: Scope, chain: str, cell: str,
             narrow: CaseFilter, sort: str, descending: bool, offset: int, limit: int) -> CaseListPage:
    """Return the cases page as the viewer given reads it at a data version, for a file written outside the
    session's run."""
    return case_list(Reader(engine(), viewer), start, end, scope, cell=cell, chain=chain, narrow=narrow, sort=sort,
                     descending=descending, offset=offset, limit=limit)
