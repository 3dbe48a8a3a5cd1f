"""The meeting-room display in a real browser at 1920x1080, on PostgreSQL: rotation, refresh, lost database."""

from datetime import date

import pytest
from sqlalchemy import create_engine, make_url, text

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from data_access.queries.lookups import officer_units
from dashboard.demo.build import build_demo
from dashboard.display.screen import SLIDES
from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics.clock import today
from tests.browser.conftest import ARTIFACTS, serving
from tests.support.builders import case, ev, tables
from tests.support.databases import POSTGRES_ADMIN_URL, scratch_postgres_database
from tests.support.readers import operator

GAUGE_NUMBER = '[data-testid="stPlotlyChart"] .indicatorlayer .number'
HIDDEN = ('[data-testid="stSidebar"]', '[data-testid="stHeader"]', '[data-testid="stToolbar"]', "footer")
# The smallest rotation and refresh the display accepts keep the test short: 5 s a slide, 0,1 min a refresh.
FAST = "chuyen=5&lam_moi=0.1"
SLIDE_WAIT_MS = 30_000


@pytest.fixture(scope="module")
def display_database():
    """Yield (url, database name) of a small generated province on PostgreSQL, dropped afterwards."""
    with scratch_postgres_database() as url:
        engine = open_engine(url)
        build_demo(engine, "small", seed=5)
        engine.dispose()
        yield url, make_url(url).database


@pytest.fixture(scope="module")
def display_url(display_database):
    """Yield the base URL of a dashboard server on the PostgreSQL province."""
    with serving(display_database[0]) as url:
        yield url


def _open(page, url: str) -> None:
    page.goto(url)
    page.locator(GAUGE_NUMBER).first.wait_for(timeout=90_000)


def _slide_shown(page, number: int) -> None:
    page.wait_for_function(
        "([number, total]) => { const dots = document.querySelector('.screen-dots');"
        " return dots && dots.textContent.includes(number + '/' + total); }", arg=[number, len(SLIDES)],
        timeout=SLIDE_WAIT_MS)


def _set_connections(database: str, allowed: bool) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
        if not allowed:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                               {"name": database})
    admin.dispose()


def test_the_slides_turn_by_themselves_on_a_dark_full_screen(display_url, page):
    # The first visit to a fresh server is this deep link: no "page not found" notice may cover the screen.
    _open(page, f"{display_url}/trinh_chieu?chuyen=5")
    assert page.locator('[role="dialog"]').count() == 0
    for selector in HIDDEN:
        assert not page.locator(selector).first.is_visible()
    # Measured in the page in one step: at five seconds a slide, a busy machine may turn it between two calls.
    height = page.wait_for_function("selector => { const number = document.querySelector(selector);"
                                    " return number && number.getBoundingClientRect().height; }",
                                    arg=GAUGE_NUMBER, timeout=SLIDE_WAIT_MS).json_value()
    assert height >= 64
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert background == "rgb(11, 18, 32)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for number, title in enumerate(SLIDES, start=1):
        _slide_shown(page, number)
        page.locator(".screen-title", has_text=title).wait_for(timeout=SLIDE_WAIT_MS)
        content = {5: ".screen-table, .screen-none", 6: ".screen-tiles"}.get(
            number, '[data-testid="stPlotlyChart"] .main-svg')
        page.locator(content).first.wait_for(timeout=SLIDE_WAIT_MS)
        page.screenshot(path=str(ARTIFACTS / f"display_slide_{number}.png"))
    _slide_shown(page, 1)


def test_a_refresh_shows_new_imports_without_reloading_the_page(display_url, display_database, page):
    engine = open_engine(display_database[0])
    before = chain_report(operator(engine), today())["cases"]
    _open(page, f"{display_url}/trinh_chieu?{FAST}")
    shown = f"{format_count(before['completed'])} / {format_count(before['enforceable'])} việc"
    page.locator(".screen-figure", has_text=shown).first.wait_for(timeout=SLIDE_WAIT_MS)
    page.evaluate("window.loadedOnce = 'yes'")
    officer = next(code for code, unit in officer_units(operator(engine)).items() if unit == "QN01")
    day = date.today()
    import_tables(engine, tables(units=(), officers=(), targets=(), events=[ev("V-TRINH-CHIEU-1", day, "xong")],
                                 cases=[case("V-TRINH-CHIEU-1", day, 12_000_000, unit="QN01", officer=officer)]))
    after = chain_report(operator(engine), today())["cases"]
    engine.dispose()
    assert after["completed"] == before["completed"] + 1
    shown = f"{format_count(after['completed'])} / {format_count(after['enforceable'])} việc"
    page.locator(".screen-figure", has_text=shown).first.wait_for(timeout=60_000)
    assert page.evaluate("window.loadedOnce") == "yes"


def test_a_lost_database_keeps_the_figures_under_a_banner_until_it_returns(display_url, display_database, page):
    _open(page, f"{display_url}/trinh_chieu?{FAST}")
    page.locator(".screen-head .time").wait_for(timeout=SLIDE_WAIT_MS)
    page.evaluate("window.loadedOnce = 'yes'")
    _set_connections(display_database[1], allowed=False)
    try:
        banner = page.locator(".screen-lost", has_text="Mất kết nối cơ sở dữ liệu, số liệu lúc")
        banner.wait_for(timeout=60_000)
        assert page.locator(".screen-head .time").first.is_visible()
        page.locator(".screen-title").first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "display_lost_database.png"))
    finally:
        _set_connections(display_database[1], allowed=True)
    page.wait_for_function("document.querySelectorAll('.screen-lost').length === 0", timeout=60_000)
    page.locator(".screen-head .time").wait_for(timeout=SLIDE_WAIT_MS)
    assert page.evaluate("window.loadedOnce") == "yes"
