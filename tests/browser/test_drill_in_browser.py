"""Drilling in a real browser: from the units ranking to a unit's officers, and back by breadcrumb and browser."""

from datetime import date

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.chains import Scope, chain_report

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"] .plot-container'
CLICK_ATTEMPTS = 4
BACK_ATTEMPTS = 3


def _wait_for_address(page, *parts: str, timeout: int = 30_000) -> None:
    # Moving between Streamlit pages changes the address without loading a document, so poll the address.
    page.wait_for_function("parts => parts.every(part => location.href.includes(part))", arg=list(parts),
                           timeout=timeout)


def _click_first_bar(page) -> None:
    # Plotly takes clicks on its drag layer above the bars, so the click goes to the bar's place on screen; a click
    # that lands before the chart listens for selections is repeated, a bounded number of times.
    for _ in range(CLICK_ATTEMPTS):
        bar = page.locator(CHART).first.locator(".barlayer .point path").first.bounding_box()
        page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
        try:
            page.wait_for_function("location.pathname.endsWith('/chap_hanh_vien')", timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the units ranking did not open the officers page after {CLICK_ATTEMPTS} clicks")


def test_a_unit_bar_opens_its_officers_and_the_way_back(app_url, app_database, page):
    engine = app_database[1]
    page.goto(f"{app_url}/")
    page.wait_for_selector(CHART, timeout=90_000)
    page.goto(f"{app_url}/don_vi?nam=2024&den=2023-12-31")
    page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= 3", timeout=90_000)
    rows = chain_report(engine, date(2023, 12, 31), by="unit")["rows"]
    best = max(rows, key=lambda row: (row["cases"]["rate"] or 0))
    _click_first_bar(page)
    _wait_for_address(page, "/chap_hanh_vien?", f"don_vi={best['key']}")
    title = page.locator(".gtitle").first
    title.wait_for(timeout=30_000)
    officers = chain_report(engine, date(2023, 12, 31), Scope(unit=best["key"]), by="officer")["rows"]
    assert title.text_content() == f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên"
    page.get_by_role("link", name="Toàn tỉnh ›").click()
    _wait_for_address(page, "/don_vi?")
    page.locator(CHART).nth(2).wait_for(timeout=30_000)
    assert "don_vi=" not in page.url.split("?")[1]
    # Streamlit may record a page's own address update as a history step, so back may take more than one press.
    for _ in range(BACK_ATTEMPTS):
        page.go_back()
        try:
            _wait_for_address(page, "/chap_hanh_vien?", f"don_vi={best['key']}", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    title.wait_for(timeout=30_000)
    assert title.text_content() == f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên"
