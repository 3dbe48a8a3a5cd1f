"""The statistician's month on the pages: the data's date under every title, a closed month marked and kept after
an import that changes its cases (and current once reopened), the overview's three downloads, and the display
opened from the sidebar keeping the period and filters."""

import io
from datetime import datetime, timedelta

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_access.data_version import data_state
from data_access.engine import PROJECT_ROOT
from data_access.exchange.runs import run_tables_import
from data_access.queries.closed import close_period, reopen_period
from dashboard.metrics import clock
from dashboard.metrics.chains import chain_report
from dashboard.metrics.formatting import format_count
from dashboard.reports.forms import FIRST_FIGURE_COLUMN, NUMBERS_ROW
from dashboard.view.filters import FILTERS_KEY, Filters
from tests.pages.support import notices, run_page, signed_in_as
from tests.support.builders import case, frame
from tests.support.readers import operator

END = clock.today().replace(day=1) - timedelta(days=1)
QUERY = {"nam": str(END.year + (END.month >= 10)), "den": END.isoformat()}


def _captions(app) -> list[str]:
    return [item.value for item in app.caption] + [item.value for item in app.markdown]


def _enforceable(app) -> str:
    return {metric.label: metric.value for metric in app.metric}["Có điều kiện thi hành (việc)"]


def _new_case(engine):
    with engine.connect() as connection:
        unit, officer = connection.exec_driver_sql("SELECT unit_code, officer_code FROM cases LIMIT 1").one()
    viec = frame("viec", [case("MOI-9", f"{END:%Y-%m-01}", 9_000_000, unit=unit, officer=officer)])
    run_tables_import(engine, {"viec": viec}, "thongke", clock.now, "them_viec.zip")


@pytest.mark.parametrize("page", ["overview", "don_vi", "danh_sach_viec"])
def test_every_page_says_how_recent_its_data_is(app_engine, page):
    state = data_state(app_engine)
    line = f"Dữ liệu đến ngày {state.last_day:%d/%m/%Y} (nhập lúc {state.imported_at:%H:%M %d/%m/%Y})"
    assert any(line in text for text in _captions(run_page(page, QUERY)))


def test_a_closed_month_is_marked_and_keeps_its_figures_until_reopened(app_engine):
    before = chain_report(operator(app_engine), END)["cases"]["enforceable"]
    closed = close_period(operator(app_engine), END, "thongke", datetime.combine(clock.today(), datetime.min.time()))
    _new_case(app_engine)
    app = run_page("overview", QUERY)
    assert _enforceable(app) == format_count(before)
    mark = f"Số liệu đã chốt ngày {closed.closed_at:%d/%m/%Y} (thongke)"
    assert any(text.startswith(mark) for text in notices(app, "info"))
    listed = run_page("danh_sach_viec", QUERY)
    assert any("Kỳ này đã chốt" in text for text in _captions(listed))
    reopen_period(operator(app_engine), END, "thongke", clock.now())
    app = run_page("overview", QUERY)
    assert _enforceable(app) == format_count(before + 1)
    assert not any(text.startswith("Số liệu đã chốt") for text in notices(app, "info"))


def test_the_overview_offers_its_chain_tables_the_forms_and_the_pdf(app_engine, downloads):
    app = run_page("overview", QUERY)
    labels = [button.label for button in app.get("download_button")]
    assert labels == ["Tải bảng chỉ tiêu (Excel)", "Tải biểu mẫu thống kê (Excel)", "Tải báo cáo tháng (PDF)"]
    chains, forms, document = (click() for click in downloads["clicks"][-3:])
    report = chain_report(operator(app_engine), END)
    table = pd.read_excel(io.BytesIO(chains), skiprows=5)
    enforceable = table[table["Chỉ tiêu"] == "Có điều kiện"].iloc[0]
    assert (enforceable["Về việc: kỳ này"], enforceable["Về tiền (đồng): kỳ này"]) == (
        report["cases"]["enforceable"], report["money"]["enforceable"])
    sheet = load_workbook(io.BytesIO(forms))["Kết quả về việc"]
    total_row = next(row for row in range(NUMBERS_ROW, sheet.max_row + 1) if sheet.cell(row, 2).value == "Tổng cộng")
    assert sheet.cell(total_row, FIRST_FIGURE_COLUMN).value == report["cases"]["caseload"]
    assert document.startswith(b"%PDF")


def test_the_display_opened_from_the_sidebar_keeps_the_period_and_filters(app_engine):
    filters = Filters(int(QUERY["nam"]), QUERY["den"])
    app = signed_in_as(AppTest.from_file(str(PROJECT_ROOT / "pages" / "trinh_chieu.py"), default_timeout=90),
                       "lanhdao")
    app.session_state[FILTERS_KEY] = filters
    app.run()
    assert app.query_params["den"] in (END.isoformat(), [END.isoformat()])
    shown = "".join(item.value for item in app.markdown)
    assert f"đến hết {END:%d/%m/%Y}" in shown
