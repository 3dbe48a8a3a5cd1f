"""A national database in a real browser: a fresh server opened at a deep link, country -> province -> unit, back."""

from datetime import date

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from data_access.engine import open_engine
from data_access.queries.lookups import province_names
from dashboard.demo.national_build import build_national
from dashboard.metrics.chains import Scope, chain_report
from tests.browser.conftest import ARTIFACTS, serving
from tests.support.readers import operator
from tests.support.databases import add_leader

CHART = '[data-testid="stPlotlyChart"] .plot-container'
TABLE = '[data-testid="stDataFrame"]'
NAVIGATION = '[data-testid="stSidebarNav"]'
# A selectable st.dataframe: 35 px rows under a 35 px header, the row's checkbox at the left edge.
ROW_PIXELS, MARKER_X = 35, 18
CLICK_ATTEMPTS = 4
END = date(2025, 12, 31)
PERIOD = "nam=2026&den=2025-12-31"


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('national') / 'national.sqlite3'}"
    engine = open_engine(url)
    build_national(engine, size="tiny", today=date(2026, 11, 28), workers=1)
    add_leader(engine)
    yield url, engine
    engine.dispose()


def _click_row_until(page, row: int, part: str) -> None:
    for _ in range(CLICK_ATTEMPTS):
        grid = page.locator(TABLE).first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + MARKER_X, box["y"] + ROW_PIXELS * (row + 1) + ROW_PIXELS / 2)
        try:
            page.wait_for_function("part => location.href.includes(part)", arg=part, timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the row click did not open {part} after {CLICK_ATTEMPTS} attempts")


def test_a_fresh_server_opened_at_a_deep_link_shows_the_apps_pages_and_drills_to_a_province(country, page):
    url, engine = country
    with serving(url) as address:
        # The very first visit of this server is a page's own address, as a drill link or a bookmark opens it.
        page.goto(f"{address}/don_vi?{PERIOD}")
        page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= 3", timeout=90_000)
        navigation = page.locator(NAVIGATION)
        assert navigation.get_by_text("Tổng quan").is_visible()
        assert navigation.get_by_text("streamlit app").count() == 0
        assert page.locator("h1", has_text="Kết quả thi hành án theo tỉnh, thành phố").is_visible()
        # The wide layout of the entry script: the main column spans most of a 1920 px screen.
        assert page.locator('[data-testid="stMainBlockContainer"]').bounding_box()["width"] > 1400
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "national_1_country.png"))

        provinces = chain_report(operator(engine), END, by="province")["rows"]
        first = provinces[0]["key"]
        # The country's total is the table's first row; the provinces follow.
        _click_row_until(page, 1, f"tinh={first}")
        page.locator("h1", has_text="Kết quả thi hành án theo đơn vị").wait_for(timeout=30_000)
        units = chain_report(operator(engine), END, Scope(province=first), by="unit")["rows"]
        trail = page.locator("nav.trail")
        trail.wait_for(timeout=30_000)
        assert trail.inner_text().split(" › ") == ["Toàn quốc", province_names(engine)[first]]
        page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= 3", timeout=30_000)
        # One row of the ranking per unit, whatever the bars drawn on it.
        assert page.locator(CHART).first.locator(".yaxislayer-above .ytick").count() == len(units)
        page.screenshot(path=str(ARTIFACTS / "national_2_province.png"))

        page.go_back()
        page.wait_for_function("() => !location.href.includes('tinh=')", timeout=30_000)
        page.locator("h1", has_text="Kết quả thi hành án theo tỉnh, thành phố").wait_for(timeout=30_000)
