"""The overview page in a real browser: it renders both gauges with the engine's figures and no error."""

from datetime import date


from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_percent
from dashboard.metrics.periods import work_year
from dashboard.view.filters import Filters, default_end
from tests.browser.conftest import ARTIFACTS

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
    report = chain_report(app_database[1], shown_end)
    assert numbers == [format_percent(report["cases"]["rate"]), format_percent(report["money"]["rate"])]
