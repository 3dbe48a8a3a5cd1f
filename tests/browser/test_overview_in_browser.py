"""The overview and units pages in a real browser: both gauges with the engine's figures and no error, and the
pace, status, forecast and counts read from the screen."""

from datetime import date


from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.on_track import on_track
from dashboard.metrics.pace import STATUS_LABELS
from dashboard.metrics.periods import work_year
from dashboard.view.filters import Filters, default_end
from tests.browser.conftest import ARTIFACTS
from tests.pages.support import paced_order
from tests.support.readers import operator

GAUGE = '[data-testid="stPlotlyChart"] .indicatorlayer'


def test_overview_renders_both_rates(app_url, app_database, page):
    page.goto(app_url)
    page.wait_for_selector(GAUGE, timeout=90_000)
    page.wait_for_function(f"document.querySelectorAll('{GAUGE}').length === 2")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    numbers = page.locator(f"{GAUGE} .number").all_text_contents()
    today = date.today()
    shown_end = Filters(work_year(today), default_end(work_year(today), today)).period_end(today)
    report = chain_report(operator(app_database[1]), shown_end)
    assert numbers == [format_percent(report["cases"]["rate"]), format_percent(report["money"]["rate"])]


def test_the_overview_and_the_units_page_say_pace_status_forecast_and_counts(app_url, app_database, page):
    engine = app_database[1]
    end = date(2024, 12, 31)
    judged = on_track(operator(engine), end, chain_report(operator(engine), end))
    page.goto(f"{app_url}/?nam=2025&den=2024-12-31")
    page.wait_for_selector(GAUGE, timeout=90_000)
    page.get_by_text("Dự báo đến 30/9:").first.wait_for(timeout=30_000)
    text = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    for chain in ("cases", "money"):
        status = STATUS_LABELS[judged["pace"][f"{chain}_status"]].capitalize()
        assert f"{status} mức cần đạt đến 31/12/2024: {format_percent(judged['pace'][chain])}" in text
        made = judged["forecast"][chain]
        assert (f"{format_percent(made['rate'])} (80% khả năng trong khoảng {format_percent(made['low'])}–"
                f"{format_percent(made['high'])})") in text
    assert f"Còn phải thi hành xong ít nhất {format_count(judged['needed']['cases'])} việc" in text

    page.goto(f"{app_url}/don_vi?nam=2025&den=2024-12-31")
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 3",
                           timeout=90_000)
    rows = on_track(operator(engine), end, chain_report(operator(engine), end, by="unit"), by="unit")["rows"]
    labels = page.locator('[data-testid="stPlotlyChart"]').first.locator("g.textpoint text").all_text_contents()
    # Plotly writes the leading spaces as non-breaking ones.
    assert [label.replace("\xa0", " ").split() for label in labels] == [
        [format_percent(row["cases"]["rate"]).removesuffix("%"),
         f"{format_count(row['cases']['completed'])}/{format_count(row['cases']['enforceable'])}"]
        for row in paced_order(rows, "cases")]
    page.screenshot(path=str(ARTIFACTS / "units_paced.png"))
