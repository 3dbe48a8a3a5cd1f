"""The data's date under every title, a closed month marked and kept through an import that changes its cases,
the display's heading, and the display opened from the sidebar on the viewer's last filters."""

from datetime import datetime, timedelta

from streamlit.testing.v1 import AppTest

from data_access.data_version import data_state
from data_access.engine import PROJECT_ROOT
from data_access.exchange.importer import import_tables
from data_access.queries.closed import close_period, reopen_period
from data_access.queries.lookups import officer_units
from dashboard.display.screen import head_lines
from dashboard.metrics import clock
from dashboard.metrics.chains import chain_report
from dashboard.metrics.data_notes import data_line
from dashboard.metrics.formatting import format_count
from dashboard.metrics.periods import window_ending, work_year
from dashboard.view.filters import FILTERS_KEY
from tests.pages.support import LEADER, PAGE_TIMEOUT_SECONDS, notices, run_page, signed_in_as
from tests.support.builders import case, ev, tables
from tests.support.readers import operator

# The last month end before today: closed months are month ends the data reaches.
END = clock.today().replace(day=1) - timedelta(days=1)
QUERY = {"nam": str(work_year(END)), "den": END.isoformat()}
CLOSED_AT = datetime.combine(clock.today(), datetime.min.time()) + timedelta(hours=9)


def _data_lines(app) -> list[str]:
    return [item.value for item in app.markdown if item.value.startswith(":gray[")]


def _metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _html(app) -> str:
    return " ".join(item.value for item in app.markdown)


def test_the_overview_and_the_units_page_say_how_recent_their_data_is(app_engine):
    state = data_state(app_engine)
    assert state.last_day is not None and state.imported_at is not None
    line = (f"Dữ liệu đến ngày {state.last_day:%d/%m/%Y} "
            f"(nhập lúc {state.imported_at:%H:%M} {state.imported_at:%d/%m/%Y})")
    for page in ("overview", "don_vi"):
        app = run_page(page, QUERY)
        assert not app.exception
        assert _data_lines(app) == [f":gray[{line}]"]
        assert not any(text.startswith("Số liệu đã chốt") for text in notices(app, "info"))


def test_a_closed_month_keeps_its_figures_through_an_import_until_it_is_reopened(app_engine):
    before = _metrics(run_page("overview", QUERY))
    closed = close_period(operator(app_engine), END, "thongke", CLOSED_AT)
    officer = next(code for code, unit in officer_units(operator(app_engine)).items() if unit == "QN01")
    code, day = f"V-DA-CHOT-{END:%Y%m}", END - timedelta(days=3)
    current = chain_report(operator(app_engine), END)["cases"]["completed"]
    import_tables(app_engine, tables(units=(), officers=(), targets=(), events=[ev(code, day, "xong")],
                                     cases=[case(code, day, 3_000_000, unit="QN01", officer=officer)]))
    app = run_page("overview", QUERY)
    assert not app.exception
    assert _metrics(app) == before
    (said,) = [text for text in notices(app, "info") if text.startswith("Số liệu đã chốt")]
    assert said.startswith(f"Số liệu đã chốt ngày {closed.closed_at:%d/%m/%Y} (thongke).")
    assert "các lần nhập dữ liệu sau đó có thay đổi các việc của kỳ này thì số liệu vẫn giữ nguyên" in said
    assert "Dữ liệu đến ngày" in _data_lines(app)[0]
    listed = run_page("danh_sach_viec", QUERY)
    assert any(f"Kỳ này đã chốt: số việc là số đã chốt ngày {CLOSED_AT:%d/%m/%Y}" in item.value
               for item in listed.caption)
    screen = _html(run_page("trinh_chieu", QUERY))
    assert f"🔒 Số liệu đã chốt ngày {CLOSED_AT:%d/%m/%Y} (thongke)" in screen
    reopen_period(operator(app_engine), END, "thongke", CLOSED_AT + timedelta(minutes=5))
    reopened = run_page("overview", QUERY)
    after = _metrics(reopened)
    assert after["Thi hành xong (việc)"] == format_count(current + 1) != before["Thi hành xong (việc)"]
    assert after["Có điều kiện thi hành (việc)"] != before["Có điều kiện thi hành (việc)"]
    assert not any(text.startswith("Số liệu đã chốt") for text in notices(reopened, "info"))


def test_the_display_heading_names_the_period_and_the_datas_date(app_engine):
    shown = _html(run_page("trinh_chieu", QUERY))
    start = window_ending(END).start
    assert (f'<span class="scope">Kết quả thi hành án dân sự lũy kế · Toàn tỉnh; từ {start:%d/%m/%Y} đến hết '
            f'{END:%d/%m/%Y}</span>') in shown
    assert f'<span class="time">{data_line(data_state(app_engine))}</span>' in shown


def test_a_pinned_screen_keeps_the_date_it_was_read_with():
    figures = {"scope": "Toàn tỉnh; từ 01/10/2025 đến hết 30/11/2025", "end": "2025-11-30",
               "taken_at": "2025-12-05T08:00",
               "data": {"version": "v1", "last_day": "2025-12-04", "imported_at": "2025-12-05T07:05:00"},
               "closed": {"closed_at": "2025-12-05T16:20:00", "closed_by": "thongke <b>"}}
    frozen = datetime(2025, 12, 6, 0, 0)
    assert head_lines(figures, frozen) == (
        "Kết quả thi hành án dân sự lũy kế · Toàn tỉnh; từ 01/10/2025 đến hết 30/11/2025",
        "Số liệu chốt đến 00:00 ngày 06/12/2025 · Dữ liệu đến ngày 04/12/2025 (nhập lúc 07:05 05/12/2025)",
        "Số liệu đã chốt ngày 05/12/2025 (thongke <b>)")
    # Figures pinned before the data's date was kept with them say when they were read.
    older = {key: value for key, value in figures.items() if key not in ("data", "closed")}
    assert head_lines(older, None)[1:] == ("Số liệu đọc lúc 08:00 ngày 05/12/2025", None)


def _display_after(page_query: dict[str, str], display_query: dict[str, str]):
    """Return the display run in a session whose last data page had `page_query`."""
    page = run_page("overview", page_query)
    assert not page.exception
    display = AppTest.from_file(str(PROJECT_ROOT / "pages" / "trinh_chieu.py"), default_timeout=PAGE_TIMEOUT_SECONDS)
    display.session_state[FILTERS_KEY] = page.session_state[FILTERS_KEY]
    for key, value in display_query.items():
        display.query_params[key] = value
    return signed_in_as(display, LEADER).run()


def test_the_display_opened_from_the_sidebar_takes_the_last_data_pages_filters(app_engine):
    # The sidebar's link to the display carries no filter.
    app = _display_after(QUERY | {"don_vi": "QN01"}, {"chuyen": "10"})
    assert not app.exception
    assert {key: app.query_params[key] for key in ("nam", "den", "don_vi", "chuyen")} == \
        QUERY | {"don_vi": "QN01", "chuyen": "10"}
    shown = _html(app)
    assert f"lũy kế · Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh; từ {window_ending(END).start:%d/%m/%Y} " \
        f"đến hết {END:%d/%m/%Y}" in shown


def test_a_display_whose_address_names_a_filter_shows_its_address_not_the_session(app_engine):
    earlier = window_ending(END).start + timedelta(days=-1)
    app = _display_after(QUERY | {"don_vi": "QN01"}, {"nam": str(work_year(earlier)), "den": earlier.isoformat()})
    assert not app.exception
    assert "don_vi" not in app.query_params
    shown = _html(app)
    assert f"lũy kế · Toàn tỉnh; từ {window_ending(earlier).start:%d/%m/%Y} đến hết {earlier:%d/%m/%Y}" in shown
