"""Every page in a real browser at 1920x1080: its charts render, no error shows, and a screenshot is kept."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import ARTIFACTS

CHART = '[data-testid="stPlotlyChart"] .plot-container'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"], [role="dialog"]'
# (URL path, charts the page draws, a heading it shows) for the period of the reference report.
PAGES = (
    ("", 2, "Tổng quan kết quả thi hành án dân sự"),
    ("don_vi", 3, "Kết quả thi hành án theo đơn vị"),
    ("chap_hanh_vien", 1, "Kết quả thi hành án theo chấp hành viên"),
    ("nhom_viec", 2, "Kết quả theo nhóm việc"),
    ("xu_huong", 3, "Xu hướng theo tháng"),
    ("dong_viec", 6, "Dòng việc và tuổi của việc tồn"),
    ("canh_bao", 1, "Cảnh báo"),
)
# Pages without charts, by URL path and the heading that shows they rendered.
TABLE_PAGES = (("danh_sach_viec", "Danh sách việc"), ("viec", "Chi tiết việc"))


@pytest.mark.parametrize(("path", "charts", "title"), PAGES, ids=[path or "tong_quan" for path, *_ in PAGES])
def test_every_page_renders_its_charts_without_errors(app_url, page, path, charts, title):
    page.goto(f"{app_url}/{path}?nam=2024&den=2023-12-31")
    page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= {charts}", timeout=90_000)
    page.get_by_role("heading", name=title).wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page_{path or 'tong_quan'}.png"))
    assert page.locator(ERRORS).count() == 0
    assert "nam=2024" in page.url and "den=2023-12-31" in page.url


@pytest.mark.parametrize(("path", "title"), TABLE_PAGES)
def test_the_case_pages_render_without_errors(app_url, page, path, title):
    page.goto(f"{app_url}/{path}?nam=2024&den=2023-12-31")
    page.get_by_role("heading", name=title).wait_for(timeout=90_000)
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Đơn vị").wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page_{path}.png"))
    assert page.locator(ERRORS).count() == 0


def test_the_case_list_writes_its_file_when_a_download_is_clicked(app_url, page):
    page.goto(f"{app_url}/danh_sach_viec?nam=2024&den=2023-12-31&o=completed")
    total = page.get_by_role("heading", name=re.compile(r"^[\d.]+ việc$"))
    total.wait_for(timeout=90_000)
    # A button clicked while the script still runs may be replaced before its download starts: wait for the end.
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
    with page.expect_download(timeout=90_000) as clicked:
        page.get_by_role("button", name="Tải CSV").click()
    download = clicked.value
    lines = Path(download.path()).read_text(encoding="utf-8-sig").splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("Mã việc"))
    assert download.suggested_filename == "danh_sach_viec_viec_thi_hanh_xong_20231231.csv"
    assert lines[0].strip('"') == "Danh sách việc"
    assert lines[2] == "Dòng số liệu: Thi hành xong (xong + đình chỉ) (về việc)"
    assert len(lines) - header - 1 == int(total.inner_text().split()[0].replace(".", "")) > 50
    assert page.locator(ERRORS).count() == 0


def test_no_english_control_is_left_on_a_desk_page(app_url, page):
    page.goto(f"{app_url}/danh_sach_viec?nam=2024&den=2023-12-31")
    page.get_by_role("heading", name=re.compile(r"^[\d.]+ việc$")).wait_for(timeout=90_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
    # The app menu (Print, Record screen, Settings) is not drawn at all.
    assert page.locator('[data-testid="stMainMenu"]').count() == 0
    # The table's own toolbar (Show/hide columns, Download as CSV, Search, Fullscreen) stays hidden on hover.
    table = page.locator('[data-testid="stDataFrame"]').first
    table.hover()
    toolbars = page.locator('[data-testid="stElementToolbar"]')
    assert all(not toolbars.nth(index).is_visible() for index in range(toolbars.count()))
    # The status filter offers its statuses, not "Select all".
    listbox = page.locator('[role="listbox"]')
    for _ in range(4):
        # A click landing while the page still settles may not open the list: try again.
        page.locator('[data-testid="stMultiSelect"]').first.click()
        try:
            listbox.first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    options = page.get_by_role("option").all_inner_texts()
    assert options and not any("Select" in text or "select" in text for text in options)
    body = page.locator("body").inner_text()
    for english in ("Select all", "Show/hide columns", "Download as CSV", "Fullscreen", "Record screen"):
        assert english not in body
