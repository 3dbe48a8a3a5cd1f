"""Drilling in a real browser: from the units ranking to a unit's officers, and back by breadcrumb and browser."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from data_access.queries.case_list import case_list
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics.on_track import on_track
from tests.pages.support import paced_order
from tests.browser.conftest import ARTIFACTS
from tests.support.readers import operator

CHART = '[data-testid="stPlotlyChart"] .plot-container'
TABLE = '[data-testid="stDataFrame"]'
CLICK_ATTEMPTS = 4
# st.dataframe draws its rows on a canvas, 35 px each under a 35 px header; a selectable table has a row marker
# column of checkboxes at its left edge, which is what selects a row.
ROW_PIXELS = 35
MARKER_X = 18
# Where a clicked table's top is put on screen: below Streamlit's header bar.
TABLE_TOP_PIXELS = 150
END = date(2023, 12, 31)


def _wait_for_address(page, *parts: str, absent: tuple[str, ...] = (), timeout: int = 30_000) -> None:
    # Moving between Streamlit pages changes the address without loading a document, so poll the address.
    page.wait_for_function(
        "([parts, absent]) => parts.every(part => location.href.includes(part))"
        " && !absent.some(part => location.href.includes(part))", arg=[list(parts), list(absent)], timeout=timeout)


def _until_address(page, click, path: str) -> None:
    # A click that lands before the element listens for selections is repeated, a bounded number of times.
    for _ in range(CLICK_ATTEMPTS):
        click()
        try:
            page.wait_for_function(f"location.pathname.endsWith('/{path}')", timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    _shot(page, f"failed_to_open_{path}")
    raise AssertionError(f"the click did not open /{path} after {CLICK_ATTEMPTS} attempts")


def _click_first_bar(page, path: str = "chap_hanh_vien") -> None:
    def click():
        # Plotly takes clicks on its drag layer above the bars, so the click goes to the bar's place on screen.
        bar = page.locator(CHART).first.locator(".barlayer .point path").first.bounding_box()
        page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)

    _until_address(page, click, path)


def _click_row(page, table: int, row: int, path: str) -> None:
    def click():
        grid = page.locator(TABLE).nth(table)
        # A table taller than the window would be scrolled to its middle; bring its header rows on screen instead.
        grid.evaluate(f"el => {{ el.closest('[data-testid=stMain]').scrollTop += "
                      f"el.getBoundingClientRect().top - {TABLE_TOP_PIXELS}; }}")
        box = grid.bounding_box()
        page.mouse.click(box["x"] + MARKER_X, box["y"] + ROW_PIXELS * (row + 1) + ROW_PIXELS / 2)

    _until_address(page, click, path)


def _go_back_to(page, path: str, *parts: str, absent: tuple[str, ...] = ()) -> None:
    # Every drill is one history step, so one press of back returns to exactly the previous view.
    page.go_back()
    _wait_for_address(page, f"/{path}?", *parts, absent=absent)


def _wait_for_title(page, text: str) -> None:
    # After a page change the old chart stays on screen until the new one is drawn: wait for the new title.
    page.locator(".gtitle", has_text=text).first.wait_for(timeout=30_000)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"drill_{name}.png"))


def _open_units(page, app_url: str) -> None:
    # Straight to the units page of the reference quarter, as a link would open it, and wait for its three charts.
    page.goto(f"{app_url}/don_vi?nam=2024&den=2023-12-31")
    page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= 3", timeout=90_000)


def test_a_unit_bar_opens_its_officers_and_the_way_back(app_url, app_database, page):
    engine = app_database[1]
    _open_units(page, app_url)
    # The ranking starts with the unit furthest behind its pace.
    best = paced_order(on_track(operator(engine), END, chain_report(operator(engine), END, by="unit"),
                                by="unit")["rows"], "cases")[0]
    _click_first_bar(page)
    _wait_for_address(page, "/chap_hanh_vien?", f"don_vi={best['key']}")
    officers = chain_report(operator(engine), date(2023, 12, 31), Scope(unit=best["key"]), by="officer")["rows"]
    _wait_for_title(page, f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên")
    page.locator("nav.trail").get_by_role("link", name="Toàn tỉnh").click()
    _wait_for_address(page, "/don_vi?")
    page.locator(CHART).nth(2).wait_for(timeout=30_000)
    assert "don_vi=" not in page.url.split("?")[1]
    _go_back_to(page, "chap_hanh_vien", f"don_vi={best['key']}")
    _wait_for_title(page, f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên")


def test_from_the_province_to_a_case_and_back_the_counts_agree_with_the_chains(app_url, app_database, page):
    engine = app_database[1]
    _open_units(page, app_url)
    _shot(page, "1_province")

    # Province -> the unit of the table's first row under the total (a click on the row marker).
    units = chain_report(operator(engine), END, by="unit")["rows"]
    unit = units[0]
    _click_row(page, 0, 1, "chap_hanh_vien")
    _wait_for_address(page, f"don_vi={unit['key']}")
    officers = chain_report(operator(engine), END, Scope(unit=unit["key"]), by="officer")["rows"]
    _wait_for_title(page, f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên")
    page.get_by_text("Số liệu về việc và về tiền của đơn vị").wait_for()
    _shot(page, "2_unit")

    # Unit -> the officer ranked first -> their cases.
    _click_first_bar(page, "danh_sach_viec")
    _wait_for_address(page, "chv=", f"don_vi={unit['key']}")
    picked = parse_qs(urlsplit(page.url).query)["chv"][0]
    best = next(row for row in officers if row["key"] == picked)
    judged = on_track(operator(engine), END, chain_report(operator(engine), END, Scope(unit=unit["key"]), by="officer"),
                      Scope(unit=unit["key"]), by="officer")["rows"]
    assert picked == paced_order(judged, "cases")[0]["key"]
    caseload = best["cases"]["caseload"]
    page.get_by_role("heading", name=f"{format_count(caseload)} việc").wait_for(timeout=30_000)
    page.locator("nav.trail").get_by_role("link", name=unit["name"]).wait_for()
    _shot(page, "3_officer_cases")

    # The list -> the case of its first row.
    first_case = case_list(operator(engine), date(2023, 10, 1), END, Scope(unit=unit["key"], officer=best["key"]),
                           limit=1).rows["code"][0]
    _click_row(page, 0, 0, "viec")
    _wait_for_address(page, f"ma_viec={first_case}", f"chv={best['key']}")
    page.get_by_text(f"Việc {first_case}", exact=True).wait_for(timeout=30_000)
    page.locator("nav.trail").get_by_role("link", name="Danh sách việc").wait_for()
    _shot(page, "4_case")

    # And back: the list, the unit's officers, the province.
    _go_back_to(page, "danh_sach_viec", f"chv={best['key']}", absent=("ma_viec=",))
    page.get_by_role("heading", name=f"{format_count(caseload)} việc").wait_for(timeout=30_000)
    _go_back_to(page, "chap_hanh_vien", f"don_vi={unit['key']}", absent=("chv=", "o="))
    _wait_for_title(page, f"Tỷ lệ xong về việc của {len(officers)} chấp hành viên")
    _go_back_to(page, "don_vi", absent=("don_vi=",))
    page.locator(CHART).nth(2).wait_for(timeout=30_000)


def test_a_row_of_the_chain_table_opens_its_cases(app_url, app_database, page):
    engine = app_database[1]
    page.goto(f"{app_url}/?nam=2024&den=2023-12-31")
    page.wait_for_selector(CHART, timeout=90_000)
    money = chain_report(operator(engine), END)["money"]
    done = list(money).index("done")
    _click_row(page, 1, done, "danh_sach_viec")
    _wait_for_address(page, "chuoi=tien", "o=done")
    listed = case_list(operator(engine), date(2023, 10, 1), END, cell="done", chain="money", limit=1).total
    page.get_by_role("heading", name=f"{format_count(listed)} việc", exact=False).wait_for(timeout=30_000)
    page.get_by_text(f"{format_count(money['done'])} đồng:").wait_for()
    _shot(page, "5_money_cell")

