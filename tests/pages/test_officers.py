"""The officers page, run by AppTest against a generated province on both engines."""

from datetime import date

import pandas as pd

from data_access.queries.chain_queries import dimension_names
from dashboard.charts.figures import BELOW_TARGET_COLOUR, TARGET_COLOUR
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics.targets import targets_by_code
from dashboard.ui.breakdowns import BELOW_TARGET_STYLE
from tests.pages.support import cell_styles, figures, read_download, run_page, scope_line, select, subheadings, trail

END_OF_JUNE_2024 = {"nam": "2024", "den": "2024-06-30"}
END = date(2024, 6, 30)
OFFICER_TITLE = "Kết quả thi hành án theo chấp hành viên"


def _label(row: dict) -> str:
    return f"{row['name']} ({row['key']})"


def _ranked(rows: list[dict], chain: str) -> list[dict]:
    return sorted(rows, key=lambda row: (row[chain]["rate"] is None, -(row[chain]["rate"] or 0)))


def _bars(app) -> dict[str, dict]:
    """Return the bar traces of the ranking by legend name, each as (labels, rates, colour)."""
    return {trace["name"]: (trace["y"], trace["x"], trace["marker"]["color"])
            for trace in figures(app)[0]["data"] if trace["type"] == "bar"}


def _own_targets(engine) -> dict[str, dict]:
    return targets_by_code(engine, 2024, "chv")


def _assert_split_by_target(app, rows: list[dict], chain: str, own: dict, target: float) -> None:
    """Each officer is split by their own target; the dashed line is the unit's or the province's `target`."""
    ranked = _ranked(rows, chain)
    goals = {row["key"]: own[row["key"]][chain] for row in ranked}
    met = [row for row in ranked if row[chain]["rate"] is not None and row[chain]["rate"] >= goals[row["key"]]]
    below = [row for row in ranked if row[chain]["rate"] is not None and row[chain]["rate"] < goals[row["key"]]]
    assert met and below
    bars = _bars(app)
    assert bars["Đạt chỉ tiêu"] == ([_label(row) for row in met], [row[chain]["rate"] for row in met], TARGET_COLOUR)
    assert bars["Dưới chỉ tiêu"] == ([_label(row) for row in below], [row[chain]["rate"] for row in below],
                                     BELOW_TARGET_COLOUR)
    assert figures(app)[0]["layout"]["shapes"][0]["x0"] == target


def test_officers_below_the_province_target_stand_out(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    assert not app.exception
    rows = chain_report(app_engine, END, by="officer")["rows"]
    assert len(rows) == 19
    _assert_split_by_target(app, rows, "cases", _own_targets(app_engine), 83.75)
    assert "chỉ tiêu năm giao riêng cho mình" in app.caption[0].value
    assert "Đường đứt nét: chỉ tiêu của toàn tỉnh, 83,75% về việc, 46,95% về tiền" in app.caption[0].value
    assert figures(app)[0]["layout"]["title"]["text"] == "Tỷ lệ xong về việc của 19 chấp hành viên"


def test_the_money_choice_ranks_by_money(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    app = app.radio(key="officers.chain").set_value("money").run()
    rows = chain_report(app_engine, END, by="officer")["rows"]
    _assert_split_by_target(app, rows, "money", _own_targets(app_engine), 46.95)


def test_the_sidebar_unit_narrows_to_its_officers_and_its_target(app_engine):
    app = select(run_page("chap_hanh_vien", END_OF_JUNE_2024), "filters.unit", "QN02")
    rows = chain_report(app_engine, END, Scope(unit="QN02"), by="officer")["rows"]
    assert chain_report(app_engine, END, Scope(unit="QN02"))["target"] == {"cases": 83.25, "money": 46.45}
    _assert_split_by_target(app, rows, "cases", _own_targets(app_engine), 83.25)
    shown = {label for labels, _, _ in _bars(app).values() for label in labels}
    assert shown == {_label(row) for row in rows}
    assert scope_line(app) == "Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh; từ 01/10/2023 đến hết 30/06/2024"
    assert "chỉ tiêu của đơn vị Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh, 83,25% về việc" in app.caption[0].value
    assert app.query_params["don_vi"] == "QN02"


def test_the_table_holds_each_officers_figures_and_marks_those_below_target(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    rows = chain_report(app_engine, END, by="officer")["rows"]
    own = _own_targets(app_engine)
    table = app.dataframe[0].value
    assert list(table["Mã"]) == [row["key"] for row in rows]
    for (_, cells), row in zip(table.iterrows(), rows, strict=True):
        assert (cells["Tổng số thụ lý (việc)"], cells["Có điều kiện (việc)"], cells["Thi hành xong (việc)"]) == (
            row["cases"]["caseload"], row["cases"]["enforceable"], row["cases"]["completed"])
        assert cells["Tỷ lệ xong (%) (việc)"] == row["cases"]["rate"]
        assert cells["Tỷ lệ xong (%) (tiền)"] == row["money"]["rate"]
        assert cells["Có điều kiện (tỷ đồng)"] == row["money"]["enforceable"] / 10**9
        assert cells["Thi hành xong (tỷ đồng)"] == row["money"]["completed"] / 10**9
        goal = own[row["key"]]
        assert (cells["Chỉ tiêu (%) (việc)"], cells["Chỉ tiêu (%) (tiền)"]) == (goal["cases"], goal["money"])
    styles = cell_styles(app.dataframe[0])
    red = {position for (position, name), css in styles.items()
           if name == "Tỷ lệ xong (%) (việc)" and BELOW_TARGET_STYLE.rstrip(";") in css}
    assert red == {position for position, row in enumerate(rows) if row["cases"]["rate"] < own[row["key"]]["cases"]}
    assert {own[row["key"]]["cases"] for row in rows} == {82.25, 83.25, 84.25}


def test_a_sidebar_group_has_no_target_and_narrows_the_cases(app_engine):
    app = select(run_page("chap_hanh_vien", END_OF_JUNE_2024), "filters.group", "tin_dung")
    rows = chain_report(app_engine, END, Scope(group="tin_dung"), by="officer")["rows"]
    ranked = _ranked(rows, "cases")
    bars = _bars(app)
    assert list(bars) == ["Kỳ báo cáo này"]
    assert bars["Kỳ báo cáo này"][:2] == ([_label(row) for row in ranked], [row["cases"]["rate"] for row in ranked])
    assert "shapes" not in figures(app)[0]["layout"]
    assert "Chỉ tiêu (%) (việc)" not in app.dataframe[0].value.columns
    assert app.caption[0].value.startswith("Phạm vi đang lọc không có chỉ tiêu")


def test_the_downloads_hold_the_officers_table(app_engine, downloads):
    app = run_page("chap_hanh_vien", {**END_OF_JUNE_2024, "don_vi": "QN03"})
    heading, from_csv, from_excel = read_download(downloads, 2)
    assert heading == [OFFICER_TITLE,
                       "Phòng Thi hành án dân sự khu vực 3 - Quảng Ninh; từ 01/10/2023 đến hết 30/06/2024"]
    rows = chain_report(app_engine, END, Scope(unit="QN03"), by="officer")["rows"]
    for copy in (from_csv, from_excel):
        assert list(copy["Mã"]) == [row["key"] for row in rows]
        assert list(copy["Thi hành xong (việc)"]) == [row["cases"]["completed"] for row in rows]
        pd.testing.assert_frame_equal(copy, app.dataframe[0].value, check_dtype=False)


def test_a_units_officers_page_shows_the_units_chains_and_the_way_back(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"don_vi": "QN03"})
    assert not app.exception
    name = dimension_names(app_engine, "unit")["QN03"]
    assert trail(app) == [("Toàn tỉnh", "don_vi?nam=2024&den=2024-06-30"), (name, None)]
    unit = chain_report(app_engine, END, Scope(unit="QN03"))
    assert subheadings(app)[-1] == f"Chuỗi số liệu của đơn vị {name}"
    cases, money = (table.value for table in app.dataframe[-2:])
    assert cases.loc["Có điều kiện", "Kỳ này"] == format_count(unit["cases"]["enforceable"])
    assert money.loc["Thi hành xong", "Kỳ này"] == format_count(unit["money"]["completed"])


def test_an_officer_in_the_sidebar_keeps_every_officer_of_the_unit_in_the_ranking(app_engine):
    rows = chain_report(app_engine, END, Scope(unit="QN03"), by="officer")["rows"]
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"don_vi": "QN03", "chv": rows[0]["key"]})
    assert not app.exception
    assert figures(app)[0]["layout"]["title"]["text"] == f"Tỷ lệ xong về việc của {len(rows)} chấp hành viên"
    assert app.query_params["chv"] == rows[0]["key"]


def test_the_ranking_choice_lives_in_the_url(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"xep": "tien"})
    assert app.radio(key="officers.chain").value == "money"
    assert figures(app)[0]["layout"]["title"]["text"].startswith("Tỷ lệ xong về tiền")
    app = app.radio(key="officers.chain").set_value("cases").run()
    assert "xep" not in app.query_params
    app = app.radio(key="officers.chain").set_value("money").run()
    assert app.query_params["xep"] == "tien"
