"""The officers page, run by AppTest against a generated province on both engines."""

from datetime import date

import pandas as pd

from data_access.queries.lookups import dimension_names, officer_units
from dashboard.charts.axis_labels import short_unit_names
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count
from dashboard.metrics.on_track import on_track
from dashboard.metrics.pace import STATUS_LABELS
from dashboard.ui.pace_table import STATUS_STYLES
from tests.pages.support import (
    cell_styles, figures, paced_order, read_download, read_pace_bars, run_page, scope_line, select, subheadings, trail,
)
from tests.support.readers import operator

END_OF_JUNE_2024 = {"nam": "2024", "den": "2024-06-30"}
END = date(2024, 6, 30)
OFFICER_TITLE = "Kết quả thi hành án theo chấp hành viên"


def _label(row: dict) -> str:
    return f"{row['name']} ({row['key']})"


def _labeller(engine, unit: str | None = None):
    """Return how a bar names an officer: with the officer's unit across the province, alone within a unit."""
    if unit:
        return _label
    units = short_unit_names([{"key": key, "name": name} for key, name in dimension_names(operator(engine),
                                                                                          "unit").items()])
    homes = officer_units(operator(engine))
    return lambda row: f"{_label(row)} · {units[homes[row['key']]]}"


def _ranked(rows: list[dict], chain: str) -> list[dict]:
    return sorted(rows, key=lambda row: (row[chain]["rate"] is None, -(row[chain]["rate"] or 0)))


def _bars(app) -> dict[str, dict]:
    """Return the bar traces of the ranking by legend name, each as (labels, rates, colour)."""
    return {trace["name"]: (trace["y"], trace["x"], trace["marker"]["color"])
            for trace in figures(app)[0]["data"] if trace["type"] == "bar" and trace.get("name")}


def _judged(engine, scope: Scope = Scope()) -> list[dict]:
    return on_track(operator(engine), END, chain_report(operator(engine), END, scope, by="officer"), scope,
                    by="officer")["rows"]


def _assert_paced(app, rows: list[dict], chain: str, label) -> None:
    """The officers are drawn furthest behind their own pace first, each bar in its status colour with its pace."""
    shown = read_pace_bars(figures(app)[0])
    ordered = paced_order(rows, chain)
    assert shown["names"] == [label(row) for row in ordered]
    for row in ordered:
        status = row["pace"][f"{chain}_status"]
        word = STATUS_LABELS[status].capitalize() if status else "Không xếp hạng"
        assert shown["bars"][label(row)] == (word, row[chain]["rate"])
        assert shown["pace"][label(row)] == row["pace"][chain]
    statuses = {row["pace"][f"{chain}_status"] for row in rows}
    assert "behind" in statuses and "on_course" in statuses


def test_officers_are_ranked_by_their_gap_to_their_own_pace(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    assert not app.exception
    rows = _judged(app_engine)
    assert len(rows) == 19
    _assert_paced(app, rows, "cases", _labeller(app_engine))
    assert "mức cần đạt đến nay để về đích chỉ tiêu năm giao riêng cho mình" in app.caption[0].value
    assert figures(app)[0]["layout"]["title"]["text"] == "Tỷ lệ xong về việc của 19 chấp hành viên so với mức cần đạt"


def test_every_officer_has_a_bar_to_click_even_at_nought(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    hit = figures(app)[0]["data"][0]
    # An invisible bar spans each row, so a 0% officer, whose own bar has no width, can still be clicked.
    assert hit["y"] == read_pace_bars(figures(app)[0])["names"]
    assert len(set(hit["x"])) == 1 and hit["x"][0] > 0 and hit["hoverinfo"] == "none"


def test_the_money_choice_ranks_by_money(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    app = app.radio(key="officers.chain").set_value("money").run()
    _assert_paced(app, _judged(app_engine), "money", _labeller(app_engine))


def test_the_sidebar_unit_narrows_to_its_officers(app_engine):
    app = select(run_page("chap_hanh_vien", END_OF_JUNE_2024), "filters.unit", "QN02")
    rows = _judged(app_engine, Scope(unit="QN02"))
    assert set(read_pace_bars(figures(app)[0])["names"]) == {_label(row) for row in rows}
    assert scope_line(app) == "Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh; từ 01/10/2023 đến hết 30/06/2024"
    assert app.query_params["don_vi"] == "QN02"


def test_the_table_leads_with_each_officers_rate_target_and_pace_under_the_total(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024)
    rows = _judged(app_engine)
    whole = on_track(operator(app_engine), END, chain_report(operator(app_engine), END))
    table = app.dataframe[0].value
    assert list(table["Mã"]) == ["", *(row["key"] for row in rows)]
    assert table["Chấp hành viên"].iloc[0] == "Tổng toàn tỉnh"
    for (_, cells), row in zip(table.iterrows(), [whole, *rows], strict=True):
        assert (cells["Tổng số thụ lý (việc)"], cells["Có điều kiện (việc)"], cells["Thi hành xong (việc)"]) == (
            row["cases"]["caseload"], row["cases"]["enforceable"], row["cases"]["completed"])
        assert cells["Tỷ lệ xong (%) (việc)"] == row["cases"]["rate"]
        assert cells["Tỷ lệ xong (%) (tiền)"] == row["money"]["rate"]
        assert cells["Thi hành xong (tỷ đồng)"] == row["money"]["completed"] / 10**9
        assert (cells["Chỉ tiêu (%) (việc)"], cells["Chỉ tiêu (%) (tiền)"]) == (row["target"]["cases"],
                                                                               row["target"]["money"])
        assert cells["Mức cần đạt đến nay (%) (việc)"] == row["pace"]["cases"]
    styles = cell_styles(app.dataframe[0])
    behind = {position for (position, name), css in styles.items()
              if name == "Tiến độ (việc)" and STATUS_STYLES["behind"].rstrip(";") in css}
    assert behind == {position for position, row in enumerate([whole, *rows], ) if row["pace"]["cases_status"] ==
                      "behind"}
    assert {row["target"]["cases"] for row in rows} == {82.25, 83.25, 84.25}


def test_a_sidebar_group_has_no_target_and_narrows_the_cases(app_engine):
    app = select(run_page("chap_hanh_vien", END_OF_JUNE_2024), "filters.group", "tin_dung")
    rows = chain_report(operator(app_engine), END, Scope(group="tin_dung"), by="officer")["rows"]
    ranked = _ranked(rows, "cases")
    bars = _bars(app)
    assert list(bars) == ["Kỳ báo cáo này"]
    label = _labeller(app_engine)
    assert bars["Kỳ báo cáo này"][:2] == ([label(row) for row in ranked], [row["cases"]["rate"] for row in ranked])
    assert "shapes" not in figures(app)[0]["layout"]
    assert "Chỉ tiêu (%) (việc)" not in app.dataframe[0].value.columns
    assert app.caption[0].value.startswith("Phạm vi đang lọc không có chỉ tiêu")


def test_the_downloads_hold_the_officers_table(app_engine, downloads):
    app = run_page("chap_hanh_vien", {**END_OF_JUNE_2024, "don_vi": "QN03"})
    heading, from_csv, from_excel = read_download(downloads, 2)
    assert heading == [OFFICER_TITLE,
                       "Phòng Thi hành án dân sự khu vực 3 - Quảng Ninh; từ 01/10/2023 đến hết 30/06/2024"]
    rows = chain_report(operator(app_engine), END, Scope(unit="QN03"), by="officer")["rows"]
    unit = chain_report(operator(app_engine), END, Scope(unit="QN03"))
    for copy in (from_csv, from_excel):
        copy["Mã"] = copy["Mã"].fillna("")
        assert list(copy["Mã"]) == ["", *(row["key"] for row in rows)]
        assert list(copy["Thi hành xong (việc)"]) == [unit["cases"]["completed"],
                                                     *(row["cases"]["completed"] for row in rows)]
        pd.testing.assert_frame_equal(copy, app.dataframe[0].value, check_dtype=False)


def test_a_units_officers_page_shows_the_units_chains_and_the_way_back(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"don_vi": "QN03"})
    assert not app.exception
    name = dimension_names(operator(app_engine), "unit")["QN03"]
    assert trail(app) == [("Toàn tỉnh", "don_vi?nam=2024&den=2024-06-30"), (name, None)]
    unit = chain_report(operator(app_engine), END, Scope(unit="QN03"))
    assert subheadings(app)[-1] == f"Số liệu về việc và về tiền của đơn vị {name}"
    cases, money = (table.value for table in app.dataframe[-2:])
    assert cases.loc["Có điều kiện", "Kỳ này"] == format_count(unit["cases"]["enforceable"])
    assert money.loc["Thi hành xong", "Kỳ này"] == format_count(unit["money"]["completed"])


def test_an_officer_in_the_sidebar_keeps_every_officer_of_the_unit_in_the_ranking(app_engine):
    rows = chain_report(operator(app_engine), END, Scope(unit="QN03"), by="officer")["rows"]
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"don_vi": "QN03", "chv": rows[0]["key"]})
    assert not app.exception
    assert figures(app)[0]["layout"]["title"]["text"] == (f"Tỷ lệ xong về việc của {len(rows)} chấp hành viên so "
                                                          "với mức cần đạt")
    assert app.query_params["chv"] == rows[0]["key"]


def test_the_ranking_choice_lives_in_the_url(app_engine):
    app = run_page("chap_hanh_vien", END_OF_JUNE_2024 | {"xep": "tien"})
    assert app.radio(key="officers.chain").value == "money"
    assert figures(app)[0]["layout"]["title"]["text"].startswith("Tỷ lệ xong về tiền")
    app = app.radio(key="officers.chain").set_value("cases").run()
    assert "xep" not in app.query_params
    app = app.radio(key="officers.chain").set_value("money").run()
    assert app.query_params["xep"] == "tien"
