"""The overview page and the shared filters, run by AppTest against a generated province on both engines."""

from datetime import date

import pytest
import streamlit as st

from dashboard.charts.pace_figures import STATUS_COLOURS
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import (
    format_billion_number, format_count, format_percent, format_points, rate_change, relative_change,
)
from dashboard.metrics.narrative import report_paragraph
from dashboard.metrics.on_track import on_track
from dashboard.metrics.pace import STATUS_LABELS
from dashboard.metrics.periods import work_year
from dashboard.view.filters import Filters, default_end
from tests.pages.support import figures, notices, run_page, select
from tests.support.readers import operator

TODAY = date.today()
CURRENT_YEAR = work_year(TODAY)


def _gauges(app):
    return [figure["data"][0] for figure in figures(app)]


def test_overview_shows_the_engine_figures_for_the_default_period(app_engine):
    app = run_page("overview")
    assert not app.exception
    end = Filters(CURRENT_YEAR, default_end(CURRENT_YEAR, TODAY)).period_end(TODAY)
    report = chain_report(operator(app_engine), end)
    cases_gauge, money_gauge = _gauges(app)
    assert (cases_gauge["value"], money_gauge["value"]) == (report["cases"]["rate"], report["money"]["rate"])
    assert cases_gauge["delta"]["reference"] == report["same_period_last_year"]["cases"]["rate"]
    judged = on_track(operator(app_engine), end, report)
    for gauge, chain in ((cases_gauge, "cases"), (money_gauge, "money")):
        # The dark mark is the pace, the bar takes the status colour, the pale band starts at the target.
        assert gauge["gauge"]["threshold"]["value"] == judged["pace"][chain]
        assert gauge["gauge"]["bar"]["color"] == STATUS_COLOURS[judged["pace"][f"{chain}_status"]]
        assert gauge["gauge"]["steps"][0]["range"] == [report["target"][chain], 100]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Có điều kiện thi hành (việc)"] == format_count(report["cases"]["enforceable"])
    assert metrics["Thi hành xong (tỷ đồng)"] == format_billion_number(report["money"]["completed"])
    budget = chain_report(operator(app_engine), end, Scope(group="ngan_sach"))
    assert app.main.markdown[-1].value == report_paragraph(report, budget)


def test_beside_each_gauge_stand_its_pace_status_its_forecast_and_what_is_still_needed(app_engine):
    app = run_page("overview", {"nam": "2025", "den": "2024-12-31"})
    end = date(2024, 12, 31)
    judged = on_track(operator(app_engine), end, chain_report(operator(app_engine), end))
    lines = [item for item in app.markdown if item.value.startswith(("**Tiến độ:**", "**Dự báo", "Còn phải"))]
    said = [item.value for item in lines]
    for chain in ("cases", "money"):
        status = judged["pace"][f"{chain}_status"]
        made = judged["forecast"][chain]
        assert (f"-badge[{STATUS_LABELS[status].capitalize()}] mức cần đạt đến 31/12/2024: "
                f"**{format_percent(judged['pace'][chain])}**") in said[0 if chain == "cases" else 2]
        assert said[1 if chain == "cases" else 3] == (
            f"**Dự báo đến 30/9:** **{format_percent(made['rate'])}** (80% khả năng trong khoảng "
            f"{format_percent(made['low'])}–{format_percent(made['high'])})")
    needed = judged["needed"]
    assert said[4].startswith(f"Còn phải thi hành xong ít nhất {format_count(needed['cases'])} việc và ")
    # Every judging word is explained on hover.
    assert all(item.help for item in lines)


def test_the_chain_table_holds_both_periods_and_their_difference(app_engine):
    app = run_page("overview", {"nam": "2024", "den": "2023-12-31"})
    report = chain_report(operator(app_engine), date(2023, 12, 31))
    table = app.dataframe[0].value
    assert list(table.columns) == ["Kỳ này", "Cùng kỳ năm trước", "Tăng/giảm", "Tăng/giảm (%)"]
    now, before = report["cases"], report["same_period_last_year"]["cases"]
    change = now["enforceable"] - before["enforceable"]
    assert table.loc["Có điều kiện"].tolist() == [
        format_count(now["enforceable"]), format_count(before["enforceable"]),
        f"{'+' if change > 0 else ''}{format_count(change)}",
        f"{'+' if change > 0 else ''}{format_percent(relative_change(now['enforceable'], before['enforceable']))}"]
    assert table.loc["Tỷ lệ xong (%)"].tolist() == [
        format_percent(now["rate"]).removesuffix("%"), format_percent(before["rate"]).removesuffix("%"),
        format_points(rate_change(now["rate"], before["rate"])), "—"]
    money = app.dataframe[1].value
    assert money.loc["Giảm", "Kỳ này"] == format_count(report["money"]["reduced"])


def test_changing_filters_changes_the_figures_and_the_url(app_engine):
    app = run_page("overview", {"nam": "2024", "den": "2023-12-31"})
    app = select(app, "filters.unit", "QN01")
    app = select(app, "filters.group", "ngan_sach")
    report = chain_report(operator(app_engine), date(2023, 12, 31), Scope(unit="QN01", group="ngan_sach"))
    cases_gauge, money_gauge = _gauges(app)
    assert (cases_gauge["value"], money_gauge["value"]) == (report["cases"]["rate"], report["money"]["rate"])
    assert "threshold" not in cases_gauge["gauge"]
    assert dict(app.query_params) == {"nam": "2024", "den": "2023-12-31", "don_vi": "QN01", "nhom": "ngan_sach"}


def test_a_copied_url_reproduces_the_view(app_engine):
    first = run_page("overview", {"nam": "2025"})
    first = select(first, "filters.end", "2025-03-31")
    first = select(first, "filters.mode", "chu_dong")
    query = dict(first.query_params)
    assert query == {"nam": "2025", "den": "2025-03-31", "hinh_thuc": "chu_dong"}
    st.cache_data.clear()
    second = run_page("overview", query)
    assert figures(second) == figures(first)
    assert second.sidebar.selectbox(key="filters.end").value == "2025-03-31"
    assert second.sidebar.selectbox(key="filters.mode").value == "chu_dong"


def test_a_changed_year_resets_the_period_to_that_years_last_month(app_engine):
    app = run_page("overview", {"nam": str(CURRENT_YEAR), "den": "nay"})
    app = select(app, "filters.year", 2024)
    assert app.sidebar.selectbox(key="filters.end").value == "2024-09-30"
    assert app.query_params["den"] == "2024-09-30"


@pytest.mark.parametrize(("query", "parameter"), [
    ({"nam": "1999"}, "nam='1999'"),
    ({"nam": "2024", "den": "2024-02-15"}, "den='2024-02-15'"),
    ({"don_vi": "KHONG_CO"}, "don_vi='KHONG_CO'"),
    ({"nhom": "xyz"}, "nhom='xyz'"),
])
def test_a_wrong_url_value_falls_back_with_a_notice(app_engine, query, parameter):
    app = run_page("overview", query)
    assert not app.exception
    assert any(parameter in warning for warning in notices(app))
    assert len(figures(app)) == 2


@pytest.mark.parametrize("page", ["overview", "don_vi", "chap_hanh_vien", "nhom_viec", "xu_huong"])
def test_an_empty_scope_shows_a_message_instead_of_charts_on_every_page(app_engine, page):
    assert chain_report(operator(app_engine), date(2023, 10, 31), Scope(judgment_type="trong_tai", mode="chu_dong"))[
        "cases"]["caseload"] == 0
    app = run_page(page, {"nam": "2024", "den": "2023-10-31", "loai": "trong_tai", "hinh_thuc": "chu_dong"})
    assert not app.exception
    assert figures(app) == []
    assert "chưa có việc thụ lý nào" in notices(app, "info")[0]


@pytest.mark.parametrize("page", ["overview", "don_vi", "chap_hanh_vien", "nhom_viec", "xu_huong"])
def test_every_page_explains_an_unreachable_database(monkeypatch, page):
    monkeypatch.setenv("THADS_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/khong_co")
    st.cache_resource.clear()
    st.cache_data.clear()
    app = run_page(page)
    assert not app.exception
    assert app.error[0].value.startswith("Không kết nối được cơ sở dữ liệu")
    assert "THADS_DATABASE_URL" in app.error[0].value
    # the address, the port and the driver's English stay in the server's log
    assert not any(word in app.error[0].value for word in ("postgresql", "127.0.0.1", "khong_co", "connection"))
    assert figures(app) == []
    st.cache_resource.clear()


def test_key_figures_carry_their_change_on_last_year(app_engine):
    app = run_page("overview", {"nam": "2024", "den": "2023-12-31"})
    report = chain_report(operator(app_engine), date(2023, 12, 31))
    metrics = {metric.label: metric for metric in app.metric}
    change = relative_change(report["cases"]["completed"], report["same_period_last_year"]["cases"]["completed"])
    sign = "+" if change > 0 else ""
    assert metrics["Thi hành xong (việc)"].delta == f"{sign}{format_percent(change)} so với cùng kỳ"


def test_a_url_changed_from_outside_wins_over_the_session(app_engine):
    app = run_page("overview", {"nam": "2024", "den": "2023-12-31"})
    app = select(app, "filters.unit", "QN01")
    assert dict(app.query_params) == {"nam": "2024", "den": "2023-12-31", "don_vi": "QN01"}
    # The browser's back button puts the previous URL back; the page must show that view again.
    for key in list(app.query_params):
        del app.query_params[key]
    app.query_params["nam"] = "2024"
    app.query_params["den"] = "2023-12-31"
    app = app.run()
    assert app.sidebar.selectbox(key="filters.unit").value == ""
    whole = chain_report(operator(app_engine), date(2023, 12, 31))
    assert figures(app)[0]["data"][0]["value"] == whole["cases"]["rate"]


def test_a_pages_own_url_parameters_are_left_alone(app_engine):
    app = run_page("overview", {"nam": "2024", "den": "2023-12-31", "trang": "3"})
    app = select(app, "filters.group", "ngan_sach")
    assert dict(app.query_params) == {"nam": "2024", "den": "2023-12-31", "nhom": "ngan_sach", "trang": "3"}
