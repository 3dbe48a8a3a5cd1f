"""Changing a filter in the browser changes the URL and the figures, and the URL reproduces the view."""

from datetime import date


from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_percent
from tests.support.readers import operator

GAUGE_NUMBERS = '[data-testid="stPlotlyChart"] .indicatorlayer .number'


def _wait_for_gauges(page):
    page.wait_for_function(f"document.querySelectorAll('{GAUGE_NUMBERS}').length === 2", timeout=90_000)


def _wait_for_numbers(page, expected: list[str]) -> None:
    page.wait_for_function(
        f"expected => JSON.stringify([...document.querySelectorAll('{GAUGE_NUMBERS}')].map(n => n.textContent))"
        " === JSON.stringify(expected)", arg=expected, timeout=30_000)


def _choose(page, label: str, option: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def _gauge_texts(engine, scope: Scope = Scope()) -> list[str]:
    """Return the two rates the overview's gauges show for the first quarter of work-year 2024 in a scope."""
    report = chain_report(operator(engine), date(2023, 12, 31), scope)
    return [format_percent(report["cases"]["rate"]), format_percent(report["money"]["rate"])]


def _open_first_quarter(page, app_url: str, engine) -> None:
    page.goto(f"{app_url}/?nam=2024&den=2023-12-31")
    _wait_for_gauges(page)
    _wait_for_numbers(page, _gauge_texts(engine))


def test_choosing_a_unit_updates_the_url_and_the_rates(app_url, app_database, page):
    engine = app_database[1]
    _open_first_quarter(page, app_url, engine)
    _choose(page, "Đơn vị", "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh")
    page.wait_for_url("**don_vi=QN01**", timeout=30_000)
    expected_unit = _gauge_texts(engine, Scope(unit="QN01"))
    _wait_for_numbers(page, expected_unit)
    assert "nam=2024" in page.url and "den=2023-12-31" in page.url

    copied = page.url
    other = page.context.new_page()
    other.goto(copied)
    _wait_for_gauges(other)
    _wait_for_numbers(other, expected_unit)


def test_filters_follow_the_leader_from_page_to_page(app_url, app_database, page):
    _open_first_quarter(page, app_url, app_database[1])
    _choose(page, "Nhóm việc", "Thu ngân sách nhà nước")
    page.wait_for_url("**nhom=ngan_sach**", timeout=30_000)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Nhóm việc").click()
    page.wait_for_url("**/nhom_viec?**", timeout=30_000)
    page.get_by_role("heading", name="Kết quả theo nhóm việc").wait_for(timeout=30_000)
    assert "nam=2024" in page.url and "den=2023-12-31" in page.url and "nhom=ngan_sach" in page.url
    assert page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Nhóm việc").input_value() == (
        "Thu ngân sách nhà nước")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Tổng quan").click()
    _wait_for_numbers(page, _gauge_texts(app_database[1], Scope(group="ngan_sach")))


def test_the_back_button_returns_to_the_previous_view(app_url, app_database, page):
    engine = app_database[1]
    _open_first_quarter(page, app_url, engine)
    _choose(page, "Đơn vị", "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh")
    page.wait_for_url("**don_vi=QN01**", timeout=30_000)
    _wait_for_numbers(page, _gauge_texts(engine, Scope(unit="QN01")))
    page.go_back()
    page.wait_for_function("!location.search.includes('don_vi')", timeout=30_000)
    _wait_for_numbers(page, _gauge_texts(engine))
    assert page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Đơn vị").input_value() == (
        "Toàn tỉnh")
