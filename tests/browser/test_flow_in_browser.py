"""The flow and alerts pages in a real browser: the counts they show are the engine's, and a click on a count opens
the list of as many cases."""

import re
from datetime import date

from dashboard.metrics.flow import flow_report, warning_counts
from dashboard.metrics.formatting import format_count
from dashboard.metrics.watch import watch_report
from tests.support.readers import operator

END = date(2024, 3, 31)
PERIOD = "nam=2024&den=2024-03-31"


def _card(page, label: str):
    return page.locator("a.count-card").filter(has=page.locator("span.label", has_text=label)).first


def _count(page, label: str) -> str:
    card = _card(page, label)
    card.wait_for(timeout=90_000)
    return card.locator("span.count").inner_text()


def test_the_flow_page_shows_the_engines_counts_and_opens_their_lists(app_url, app_database, page):
    flow = flow_report(operator(app_database[1]), END)
    page.goto(f"{app_url}/dong_viec?{PERIOD}")
    assert _count(page, "Tồn có điều kiện") == format_count(flow["pending_enforceable"])
    assert _count(page, "Quá hạn xác minh") == format_count(flow["verification_due"])
    assert _count(page, "Lâu không có tác nghiệp") == format_count(flow["without_action"])
    page.get_by_text("Tỷ lệ giải quyết so với thụ lý mới").first.wait_for()
    _card(page, "Lâu không có tác nghiệp").click()
    page.wait_for_url(re.compile(r"/danh_sach_viec\?.*canh_bao=without_action"), timeout=90_000)
    page.get_by_role("heading", name=f"{format_count(flow['without_action'])} việc").wait_for(timeout=90_000)
    page.go_back()
    page.wait_for_url(re.compile(r"/dong_viec\?"), timeout=90_000)
    _card(page, "Tồn có điều kiện").wait_for(timeout=90_000)


def test_the_alerts_page_shows_the_watch_and_the_warnings(app_url, app_database, page):
    reader = operator(app_database[1])
    warnings, watch = warning_counts(reader, END), watch_report(reader, END)
    page.goto(f"{app_url}/canh_bao?{PERIOD}")
    assert _count(page, "Việc lớn không thu được tiền") == format_count(warnings["large_idle"])
    assert _count(page, "Chuyển sang chưa có điều kiện") == format_count(watch["downgrades"])
    assert _count(page, "Trong 7 ngày cuối tháng") == format_count(watch["late"])
    page.get_by_text(f"{format_count(watch['downgrades'])} lần chuyển").wait_for(timeout=90_000)
    # The tables are drawn on a canvas; their cells stay in the page for screen readers.
    page.get_by_text("Khớp", exact=True).first.wait_for(state="attached")
    assert page.get_by_text("Không khớp", exact=True).count() == 0
    _card(page, "Quá hạn xác minh").click()
    page.wait_for_url(re.compile(r"canh_bao=verification_due"), timeout=90_000)
    shown = format_count(warnings["verification_due"])
    if warnings["verification_due"]:
        page.get_by_role("heading", name=f"{shown} việc").wait_for(timeout=90_000)
    else:
        page.get_by_text("Không có việc nào khớp").wait_for(timeout=90_000)
