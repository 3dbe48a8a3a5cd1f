"""The case page run by AppTest against a generated province on both engines."""

from sqlalchemy import func, select

from data_access.queries.lookups import dimension_names, officer_units
from data_access.schema import cases, events
from dashboard.metrics.formatting import format_count, format_date
from dashboard.ui.case_story import current_state, field_table, find_case, timeline_table
from tests.pages.support import figures, notices, run_page, select as choose, trail
from tests.support.readers import operator


def _storied_case(engine) -> str:
    """Return the code of the case with the most events among those with a reassignment and a collection."""
    kinds = func.count(func.distinct(events.c.kind))
    with engine.connect() as connection:
        return connection.execute(
            select(cases.c.code).join(events, events.c.case_id == cases.c.id)
            .where(events.c.kind.in_(("phan_cong", "thu_tien")))
            .group_by(cases.c.code).having(kinds == 2)
            .order_by(func.count().desc(), cases.c.code)).scalars().first()


def test_a_case_shows_its_fields_state_events_and_money(app_engine):
    code = _storied_case(app_engine)
    detail = find_case(operator(app_engine), code)
    app = run_page("viec", {"ma_viec": code})
    assert not app.exception
    assert app.title[0].value == "Chi tiết việc"
    fields = app.dataframe[0].value
    assert fields.values.tolist() == field_table(detail).values.tolist()
    assert fields.iloc[0].tolist() == ["Mã việc", code]
    assert fields.iloc[11].tolist() == ["Số tiền phải thi hành", f"{format_count(detail['amount'])} đồng"]

    state = current_state(detail)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Trạng thái": state["status"], "Đã thu (đồng)": format_count(state["collected"]),
                       "Đã giảm (đồng)": format_count(state["reduced"]),
                       "Còn phải thi hành (đồng)": format_count(state["remaining"])}
    assert f"chấp hành viên phụ trách: {state['officer']}." in app.caption[0].value
    assert detail["amount"] == state["collected"] + state["reduced"] + state["remaining"]

    shown = app.dataframe[1].value
    assert len(shown) == len(detail["events"]) >= 2
    assert shown["Ngày"].tolist() == [format_date(event["occurred_on"]) for event in detail["events"]]
    assert shown.equals(timeline_table(detail))
    assigned = [event["detail"] for event in detail["events"] if event["kind"] == "phan_cong"]
    assert shown.loc[shown["Sự kiện"] == "Phân công chấp hành viên", "Chi tiết"].tolist() == [
        f"{detail['officer_names'][officer]} ({officer})" for officer in assigned]
    collected = [event["amount"] for event in detail["events"] if event["kind"] == "thu_tien"]
    assert shown.loc[shown["Sự kiện"] == "Thu tiền", "Số tiền (đồng)"].tolist() == [
        format_count(amount) for amount in collected]

    (chart,) = figures(app)
    spans = detail["spans"]
    by_name = {trace["name"]: trace for trace in chart["data"]}
    assert by_name["Đã thu"]["x"] == [span["valid_from"].isoformat() for span in spans]
    assert by_name["Đã thu"]["y"] == [span["collected"] for span in spans]
    assert by_name["Đã thu"]["y"][-1] == sum(collected)
    assert by_name["Còn phải thi hành"]["y"] == [
        detail["amount"] - span["collected"] - span["reduced"] for span in spans]
    assert chart["layout"]["title"]["text"] == f"Số tiền của việc {code} theo thời gian"


def test_the_code_is_kept_in_the_url_beside_the_filters(app_engine):
    code = _storied_case(app_engine)
    app = run_page("viec", {"ma_viec": code, "nam": "2024"})
    assert app.text_input(key="case.code").value == code
    assert dict(app.query_params) == {"ma_viec": code, "nam": "2024", "den": "2024-09-30"}
    app = choose(app, "filters.mode", "theo_don")
    assert dict(app.query_params) == {"ma_viec": code, "nam": "2024", "den": "2024-09-30", "hinh_thuc": "theo_don"}
    assert app.dataframe[0].value.iloc[0].tolist() == ["Mã việc", code]


def test_typing_a_code_opens_the_case_and_an_unknown_code_gets_a_message(app_engine):
    code = _storied_case(app_engine)
    app = run_page("viec")
    assert not app.exception
    assert app.info[0].value == "Nhập mã việc để xem thông tin, diễn biến và số tiền của việc."
    assert not app.dataframe
    app = app.text_input(key="case.code").set_value(f" {code} ").run()
    assert app.dataframe[0].value.iloc[0].tolist() == ["Mã việc", code]
    app = app.text_input(key="case.code").set_value("KHONG-CO-123").run()
    assert not app.exception
    assert notices(app) == ["Không có việc mã KHONG-CO-123. Hãy kiểm tra lại mã việc."]
    assert not app.dataframe and not figures(app)


def test_a_case_opened_from_an_officers_list_leads_back_through_the_list(app_engine):
    code = _storied_case(app_engine)
    officer = find_case(operator(app_engine), code)["officer_code"]
    unit, name = dimension_names(operator(app_engine), "unit"), dimension_names(operator(app_engine),
                                                                                "officer")[officer]
    home = officer_units(operator(app_engine))[officer]
    app = run_page("viec", {"ma_viec": code, "nam": "2024", "don_vi": home, "chv": officer, "o": "carried",
                            "trang": "2"})
    assert not app.exception
    shared = f"nam=2024&den=2024-09-30&don_vi={home}"
    assert trail(app) == [
        ("Toàn tỉnh", "don_vi?nam=2024&den=2024-09-30"),
        (unit[home], f"chap_hanh_vien?{shared}"),
        (name, f"danh_sach_viec?{shared}&chv={officer}&o=caseload"),
        ("Danh sách việc", f"danh_sach_viec?{shared}&chv={officer}&o=carried&trang=2"),
        (f"Việc {code}", None)]
    assert dict(app.query_params) == {"ma_viec": code, "nam": "2024", "den": "2024-09-30", "don_vi": home,
                                      "chv": officer, "o": "carried", "trang": "2"}
