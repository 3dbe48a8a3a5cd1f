"""The Dòng việc page, run by AppTest against a generated province on both engines: its counts, rates, ages and
charts are the engine's, and every count opens a list of as many cases."""

from datetime import date

from dashboard.metrics.chains import Scope
from dashboard.metrics.flow import flow_report
from dashboard.metrics.flow_labels import AGE_LABELS
from dashboard.metrics.formatting import format_count, format_percent
from tests.pages.support import count_cards, figures, run_page
from tests.support.readers import operator

END = date(2024, 3, 31)
QUERY = {"nam": "2024", "den": "2024-03-31"}


def _list_total(query: dict) -> str:
    return run_page("danh_sach_viec", query).subheader[0].value


def test_the_cards_and_rates_are_the_engines_and_each_card_opens_its_cases(app_engine):
    app = run_page("dong_viec", QUERY)
    assert not app.exception
    flow = flow_report(operator(app_engine), END)
    cards = count_cards(app)
    assert [(label, count) for label, count, _ in cards] == [
        ("Tồn có điều kiện", format_count(flow["pending_enforceable"])),
        ("Lâu không có tác nghiệp (trên 180 ngày)", format_count(flow["without_action"])),
        ("Việc lớn (từ 1 tỷ đồng hoặc trọng điểm)", format_count(flow["large"])),
        ("Quá hạn xác minh", format_count(flow["verification_due"])),
    ]
    assert flow["pending_enforceable"] > 100 and min(flow["without_action"], flow["large"]) > 0
    for label, count, query in cards:
        assert query["den"] == "2024-03-31"
        assert _list_total(query) == f"{count} việc", label
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Tỷ lệ giải quyết so với thụ lý mới"] == format_percent(flow["clearance_rate"])
    assert metrics["Số ngày giải quyết ước tính"] == f"{format_count(flow['disposition_days'])} ngày"
    assert metrics["Số ngày đến khi xong (trung vị)"] == f"{format_count(flow['median_days_to_completion'])} ngày"


def test_the_age_charts_and_table_hold_every_units_buckets(app_engine):
    app = run_page("dong_viec", QUERY)
    rows = flow_report(operator(app_engine), END, by="unit")["rows"]
    charts = {figure["layout"]["title"]["text"]: figure for figure in figures(app)}
    for kind, title in (("enforceable", "Tồn có điều kiện theo tuổi"),
                        ("not_enforceable", "Tồn chưa có điều kiện theo tuổi")):
        bars = {trace["name"]: trace["x"] for trace in charts[title]["data"] if trace["type"] == "bar"}
        assert list(bars) == list(AGE_LABELS.values())
        shown = sorted(tuple(bars[label][place] for label in AGE_LABELS.values()) for place in range(len(rows)))
        assert shown == sorted(tuple(row["ageing"][kind][bucket]["cases"] for bucket in AGE_LABELS) for row in rows)
    whole = flow_report(operator(app_engine), END)
    table = app.dataframe[0].value
    assert list(table["Số việc"]) == [whole["ageing"][kind][bucket]["cases"]
                                      for kind in ("enforceable", "not_enforceable") for bucket in AGE_LABELS]


def test_an_age_row_opens_the_list_of_its_cases(app_engine):
    app = run_page("dong_viec", QUERY)
    # Row 7 is the not enforceable cases of 1 - 2 years; a click is the selection Streamlit keeps for the table.
    app.session_state["flow.ageing_table"] = {"selection": {"rows": [7], "columns": []}}
    app = app.run()
    script = next(block.proto.body for block in app.get("html") if "location.assign" in block.proto.body)
    query = dict(part.split("=") for part in script.split("?", 1)[1].split('"')[0].split("&"))
    assert (query["o"], query["trang_thai"], query["tuoi_tu"], query["tuoi_den"]) == (
        "carried", "not_enforceable", "366", "730")
    expected = flow_report(operator(app_engine), END)["ageing"]["not_enforceable"]["1_2y"]["cases"]
    assert _list_total(query) == f"{format_count(expected)} việc"


def test_a_units_page_shows_its_officers_workload_against_its_average(app_engine):
    app = run_page("dong_viec", QUERY | {"don_vi": "QN02"})
    assert not app.exception
    rows = flow_report(operator(app_engine), END, Scope(unit="QN02"), by="officer")["rows"]
    (chart,) = [figure for figure in figures(app)
                if figure["layout"]["title"]["text"] == "Từng chấp hành viên so với bình quân đơn vị"]
    bars, marks = chart["data"][0], chart["data"][1]
    assert sorted(bars["x"]) == sorted(row["pending_enforceable"] for row in rows)
    average = sum(row["pending_enforceable"] for row in rows) / len(rows)
    assert set(round(value, 6) for value in marks["x"]) == {round(average, 6)}
