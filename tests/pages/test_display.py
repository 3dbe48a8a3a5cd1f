"""The meeting-room display run by AppTest, and how a screen keeps, refreshes and recovers its figures."""

import html
from datetime import date, datetime, timedelta

import pytest
import streamlit as st
from sqlalchemy.exc import OperationalError

from data_access.data_version import data_state
from data_access.exchange.importer import import_tables
from data_access.queries.lookups import officer_units

from dashboard.display import screen as display_screen
from dashboard.display.running import SCREEN_KEY
from dashboard.display.screen import SLIDES, Screen, display_query, refresh
from dashboard.display.settings import DisplaySettings
from dashboard.metrics.chains import chain_report
from dashboard.metrics.data_notes import data_line
from dashboard.metrics.flow import warning_counts
from dashboard.metrics.flow_labels import WARNING_LABELS, WATCH_LABELS
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.watch import watch_report
from dashboard.metrics.clock import today
from dashboard.metrics.periods import window_ending
from tests.pages.support import figures, run_page
from tests.support.builders import case, ev, tables
from tests.support.readers import operator


def _html(app) -> str:
    return " ".join(item.value for item in app.markdown)


def test_the_display_opens_on_the_rates_of_the_work_year_to_date(app_engine):
    app = run_page("trinh_chieu", {"chuyen": "10"})
    assert not app.exception
    report = chain_report(operator(app_engine), today())
    shown = _html(app)
    assert f"{format_count(report['cases']['completed'])} / {format_count(report['cases']['enforceable'])} việc" \
        in shown
    # The heading names the period the figures cover and how recent their data is.
    start = window_ending(today()).start
    assert f"lũy kế · Toàn tỉnh; từ {start:%d/%m/%Y} đến hết {today():%d/%m/%Y}" in shown
    assert f'<span class="time">{data_line(data_state(app_engine))}</span>' in shown
    assert f'<div class="screen-title">{SLIDES[0]}</div>' in shown and "1/6" in shown
    gauges = [figure["data"][0] for figure in figures(app)]
    assert [gauge["value"] for gauge in gauges] == [report["cases"]["rate"], report["money"]["rate"]]
    # No fixed size: Plotly fits the number to the gauge, large on 1920x1080 (the browser test measures it) and
    # inside the arc on a smaller screen.
    assert all("size" not in gauge["number"].get("font", {}) and "size" not in gauge["delta"].get("font", {})
               for gauge in gauges)
    assert len(app.sidebar.selectbox) == 0


def test_a_wrong_parameter_is_named_on_screen(app_engine):
    app = run_page("trinh_chieu", {"chuyen": "1", "don_vi": "XX"})
    assert not app.exception
    shown = _html(app)
    # quotes from the URL are written as entities in the screen's HTML
    assert "Đường link có chuyen=&#x27;1&#x27; không hợp lệ" in shown and "don_vi=&#x27;XX&#x27;" in shown


def test_the_display_defaults_to_the_year_to_date_unless_the_url_names_a_period():
    assert display_query({"don_vi": "QN01"}) == {"don_vi": "QN01", "den": "nay"}
    assert display_query({"nam": "2024"}) == {"nam": "2024"}


class _Reads:
    """Stand-in for reading the database: returns numbered figures, or fails while `down` is set."""

    def __init__(self):
        self.count, self.down = 0, False

    def __call__(self, query, now):
        if self.down:
            raise OperationalError("SELECT 1", {}, Exception("connection refused"))
        self.count += 1
        return {"read": self.count}, []


@pytest.fixture
def reads(monkeypatch):
    """Return the stand-in reader, with the clock under the test's hand (`reads.now`)."""
    stand_in = _Reads()
    stand_in.now = datetime(2026, 11, 28, 8, 0)
    monkeypatch.setattr(display_screen, "_read", stand_in)
    monkeypatch.setattr(display_screen.clock, "now", lambda: stand_in.now)
    return stand_in


def test_figures_refresh_when_due_and_survive_a_lost_database(reads):
    screen, settings = Screen(), DisplaySettings(seconds=10, minutes=5)
    refresh(screen, settings, {})
    assert screen.figures == {"read": 1} and screen.read_at == reads.now
    reads.now += timedelta(minutes=4)
    refresh(screen, settings, {})
    assert screen.figures == {"read": 1}
    reads.now += timedelta(minutes=1)
    reads.down = True
    refresh(screen, settings, {})
    assert screen.figures == {"read": 1} and screen.lost_since == reads.now
    assert screen.read_at == datetime(2026, 11, 28, 8, 0)
    lost = reads.now
    reads.now += timedelta(seconds=10)
    refresh(screen, settings, {})
    assert screen.lost_since == lost
    reads.down = False
    reads.now += timedelta(seconds=10)
    refresh(screen, settings, {})
    assert screen.figures == {"read": 2} and screen.lost_since is None and screen.read_at == reads.now


def test_frozen_figures_are_read_once(reads):
    screen, settings = Screen(), DisplaySettings(seconds=10, minutes=0.1, frozen_at=datetime(2026, 11, 28, 7, 0))
    refresh(screen, settings, {})
    reads.now += timedelta(hours=2)
    refresh(screen, settings, {})
    assert screen.figures == {"read": 1}


def test_an_unreachable_database_at_start_is_said_and_retried(monkeypatch):
    monkeypatch.setenv("THADS_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/khong_co")
    st.cache_resource.clear()
    st.cache_data.clear()
    app = run_page("trinh_chieu", {"chuyen": "7"})
    assert not app.exception
    assert "Không kết nối được cơ sở dữ liệu. Màn hình tự thử lại sau mỗi 7 giây." in _html(app)
    st.cache_resource.clear()


def test_frozen_figures_stay_pinned_after_an_import_while_live_ones_move(app_engine):
    cut_off = f"{today():%Y-%m-%d}T00:00"
    before = chain_report(operator(app_engine), today())["cases"]
    shown = f"{format_count(before['completed'])} / {format_count(before['enforceable'])} việc"
    frozen = run_page("trinh_chieu", {"chot": cut_off})
    assert shown in _html(frozen) and f"Số liệu chốt đến 00:00 ngày {today():%d/%m/%Y}" in _html(frozen)
    officer = next(code for code, unit in officer_units(operator(app_engine)).items() if unit == "QN01")
    day = date.today()
    code = f"V-CHOT-{day:%Y%m%d}"
    import_tables(app_engine, tables(units=(), officers=(), targets=(), events=[ev(code, day, "xong")],
                                     cases=[case(code, day, 3_000_000, unit="QN01", officer=officer)]))
    after = chain_report(operator(app_engine), today())["cases"]
    assert after["completed"] == before["completed"] + 1
    assert shown in _html(run_page("trinh_chieu", {"chot": cut_off}))
    moved = f"{format_count(after['completed'])} / {format_count(after['enforceable'])} việc"
    assert moved in _html(run_page("trinh_chieu", {}))


def test_the_last_slide_holds_the_meetings_alerts(app_engine):
    app = run_page("trinh_chieu", {"chuyen": "600"})
    query, screen = app.session_state[SCREEN_KEY]
    screen.slide = len(SLIDES) - 1
    app = app.run()
    shown = _html(app)
    warnings = warning_counts(operator(app_engine), today())
    watch = watch_report(operator(app_engine), today())
    assert f'<div class="screen-title">{SLIDES[-1]}</div>' in shown and "6/6" in shown
    for count, label in ((warnings["large_idle"], WARNING_LABELS["large_idle"]),
                         (warnings["verification_due"], WARNING_LABELS["verification_due"]),
                         (watch["late"], WATCH_LABELS["late"]), (watch["bounce_backs"], WATCH_LABELS["bounce_backs"])):
        assert (f'<span class="count">{format_count(count)}</span><span class="label">{html.escape(label)}</span>'
                in shown), label
    assert f"{format_percent(watch['late_share'])} số lần chuyển" in shown
