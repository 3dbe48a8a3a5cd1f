"""The units page, run by AppTest against a generated province on both engines."""

from datetime import date

import pandas as pd

from dashboard.charts.axis_labels import OWN_CASES, group_label
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import format_count, format_percent
from dashboard.metrics.on_track import on_track
from dashboard.charts.pace_figures import CELL_CODES
from dashboard.metrics.pace import STATUS_LABELS, pace_status
from dashboard.ui.breakdowns import CHOSEN_STYLE
from dashboard.ui.pace_table import STATUS_STYLES, TOTAL_STYLE, in_billions
from tests.pages.support import (
    cell_styles, figures, notices, paced_order, read_download, read_pace_bars, run_page, select,
)
from tests.support.readers import operator

END_OF_Q1_2024 = {"nam": "2024", "den": "2023-12-31"}
END_OF_2024 = {"nam": "2024", "den": "2024-09-30"}
GROUP_CODES = ("ngan_sach", "tin_dung", "bhxh", "thu_hoi_tai_san", "trong_diem")
UNIT_TITLE = "Kết quả thi hành án theo đơn vị"


def _short(name: str) -> str:
    # Every regional office of the demo province ends in " - Quảng Ninh", left out on the charts; beside them the
    # province office's own row says it holds the cases the province enforces itself.
    short = name.replace("Thi hành án dân sự", "THADS").removesuffix(" - Quảng Ninh")
    return short + OWN_CASES if short.startswith("THADS tỉnh") else short


def _ranked(rows: list[dict], chain: str) -> list[dict]:
    """Return the rows best rate first, rows without a rate last, ties in key order (as the ranking draws them)."""
    return sorted(rows, key=lambda row: (row[chain]["rate"] is None, -(row[chain]["rate"] or 0)))


def _cell(value):
    return None if pd.isna(value) else value


def _assert_ranked(figure: dict, rows: list[dict], chain: str, target: float | None) -> None:
    bars, last_year, _ = figure["data"]
    ranked = _ranked(rows, chain)
    assert bars["y"] == [_short(row["name"]) for row in ranked]
    assert bars["x"] == [row[chain]["rate"] for row in ranked]
    assert last_year["x"] == [row["same_period_last_year"][chain]["rate"] for row in ranked]
    assert [shape["x0"] for shape in figure["layout"].get("shapes", [])] == ([target] if target else [])


def _assert_paced(figure: dict, rows: list[dict], chain: str) -> None:
    shown = read_pace_bars(figure)
    ordered = paced_order(rows, chain)
    assert shown["names"] == [_short(row["name"]) for row in ordered]
    for row in ordered:
        status = row["pace"][f"{chain}_status"]
        assert shown["bars"][_short(row["name"])] == (STATUS_LABELS[status].capitalize(), row[chain]["rate"])
        assert shown["pace"][_short(row["name"])] == row["pace"][chain]
    assert shown["text"] == [f"  {format_percent(row[chain]['rate']).removesuffix('%')}   "
                             f"{format_count(row['cases']['completed'])}/{format_count(row['cases']['enforceable'])}"
                             for row in ordered]


def test_units_are_ranked_by_their_gap_to_their_own_pace_with_their_counts(app_engine):
    app = run_page("don_vi", {"nam": "2025", "den": "2024-12-31"})
    assert not app.exception
    end = date(2024, 12, 31)
    rows = on_track(operator(app_engine), end, chain_report(operator(app_engine), end, by="unit"), by="unit")["rows"]
    assert len(rows) == 4 and all(row["pace"]["cases_status"] for row in rows)
    cases, money, _ = figures(app)
    _assert_paced(cases, rows, "cases")
    _assert_paced(money, rows, "money")
    assert cases["layout"]["title"]["text"] == "Tỷ lệ xong về việc so với mức cần đạt"
    counts = [item.value for item in app.markdown if item.value.startswith("4 đơn vị:")]
    statuses = [row["pace"]["cases_status"] for row in rows]
    assert counts[0] == "4 đơn vị: " + " ".join(
        f":{colour}-badge[{statuses.count(code)} {STATUS_LABELS[code]}]"
        for code, colour in (("on_course", "green"), ("watch", "orange"), ("behind", "red"))) + \
        " :gray-badge[0 không xếp hạng]"


def test_the_heatmap_cells_hold_each_groups_rate_and_count_coloured_against_the_units_pace(app_engine):
    app = run_page("don_vi", {"nam": "2025", "den": "2024-12-31"})
    end = date(2024, 12, 31)
    rows = on_track(operator(app_engine), end, chain_report(operator(app_engine), end, by="unit"), by="unit")["rows"]
    whole = on_track(operator(app_engine), end, chain_report(operator(app_engine), end))
    for chain in ("cases", "money"):
        heatmap = figures(app)[2]["data"][0]
        assert heatmap["x"] == [group_label(code) for code in GROUP_CODES]
        assert heatmap["y"] == [_short(row["name"]) for row in rows] + ["Toàn tỉnh"]
        for column, code in enumerate(GROUP_CODES):
            in_group = {row["key"]: row for row in
                        chain_report(operator(app_engine), end, Scope(group=code), by="unit")["rows"]}
            province = chain_report(operator(app_engine), end, Scope(group=code))
            for line, (place, pace) in enumerate([(in_group.get(row["key"]), row["pace"][chain]) for row in rows]
                                                 + [(province, whole["pace"][chain])]):
                if place is None or place[chain]["rate"] is None:
                    assert heatmap["text"][line][column] in (None, "—")
                    continue
                cases = place["cases"]
                assert heatmap["text"][line][column] == (
                    f"{format_percent(place[chain]['rate'], 1).removesuffix('%')}<br>"
                    f"{format_count(cases['completed'])}/{format_count(cases['enforceable'])}")
                status = pace_status(place[chain]["rate"], pace, cases["enforceable"])
                assert heatmap["z"][line][column] == CELL_CODES[status]
        app = app.radio(key="units.heatmap_chain").set_value("money").run()
    assert figures(app)[2]["layout"]["title"]["text"] == "Tỷ lệ xong về tiền (%) theo đơn vị và nhóm việc"
    # Some cells are too small to rank and some are: the colours have something to tell.
    assert {0, 1, 2, 3} & {code for line in heatmap["z"] for code in line} != {0}


def test_the_table_leads_with_each_units_rate_target_pace_and_forecast_under_the_total(app_engine):
    app = run_page("don_vi", {"nam": "2025", "den": "2024-12-31"})
    end = date(2024, 12, 31)
    rows = on_track(operator(app_engine), end, chain_report(operator(app_engine), end, by="unit"), by="unit")["rows"]
    whole = on_track(operator(app_engine), end, chain_report(operator(app_engine), end))
    table = app.dataframe[0].value
    assert list(table.columns[:14]) == [
        "Mã", "Đơn vị", *(f"{label} ({suffix})" for suffix in ("việc", "tiền") for label in (
            "Tỷ lệ xong (%)", "Chỉ tiêu (%)", "Tiến độ", "Mức cần đạt đến nay (%)", "Đạt so với chỉ tiêu (%)",
            "Dự báo 30/9 (%)"))]
    assert list(table["Mã"]) == ["", *(row["key"] for row in rows)]
    assert table["Đơn vị"].iloc[0] == "Toàn tỉnh"
    for position, row in enumerate([whole, *rows]):
        cells = table.iloc[position]
        for chain, suffix in (("cases", "việc"), ("money", "tiền")):
            assert _cell(cells[f"Tỷ lệ xong (%) ({suffix})"]) == row[chain]["rate"]
            assert cells[f"Chỉ tiêu (%) ({suffix})"] == row["target"][chain]
            assert cells[f"Mức cần đạt đến nay (%) ({suffix})"] == row["pace"][chain]
            assert cells[f"Tiến độ ({suffix})"] == STATUS_LABELS[row["pace"][f"{chain}_status"]].capitalize()
            assert cells[f"Dự báo 30/9 (%) ({suffix})"] == row["forecast"][chain]["rate"]
        # On screen, money is in tỷ đồng.
        assert cells["Thi hành xong (tỷ đồng)"] == row["money"]["completed"] / 10**9
        assert cells["Thi hành xong (việc)"] == row["cases"]["completed"]
    styles = cell_styles(app.dataframe[0])
    for position, row in enumerate([whole, *rows]):
        assert STATUS_STYLES[row["pace"]["cases_status"]].rstrip(";") in styles[(position, "Tiến độ (việc)")]
    assert TOTAL_STYLE.rstrip(";").split(";")[0] in styles[(0, "Mã")]


def test_a_chosen_unit_is_highlighted_among_every_unit(app_engine):
    app = select(run_page("don_vi", END_OF_Q1_2024), "filters.unit", "QN02")
    rows = chain_report(operator(app_engine), date(2023, 12, 31), by="unit")["rows"]
    cases, money, heatmap = figures(app)
    assert len(cases["data"][0]["y"]) == len(rows) == 4
    assert "<b>▶ Phòng THADS khu vực 2</b>" in cases["data"][0]["y"]
    assert heatmap["data"][0]["y"][2] == "<b>▶ Phòng THADS khu vực 2</b>"
    styles = cell_styles(app.dataframe[0])
    shaded = {position for (position, name), css in styles.items() if name == "Mã" and css == CHOSEN_STYLE.rstrip(";")}
    # The total comes first, then the units in order.
    assert shaded == {3}
    assert "Đơn vị đang chọn (Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh)" in app.caption[0].value


def test_the_sidebar_group_and_period_change_the_figures(app_engine):
    app = run_page("don_vi", END_OF_Q1_2024)
    heatmap_before = figures(app)[2]
    app = select(app, "filters.group", "ngan_sach")
    end = date(2023, 12, 31)
    rows = chain_report(operator(app_engine), end, Scope(group="ngan_sach"), by="unit")["rows"]
    cases, money, heatmap = figures(app)
    _assert_ranked(cases, rows, "cases", None)
    _assert_ranked(money, rows, "money", None)
    assert heatmap == heatmap_before
    table = app.dataframe[0].value
    assert "Chỉ tiêu (%) (việc)" not in table.columns
    whole = chain_report(operator(app_engine), end, Scope(group="ngan_sach"))
    assert list(table["Thi hành xong (việc)"]) == [whole["cases"]["completed"],
                                                  *(row["cases"]["completed"] for row in rows)]
    app = select(app, "filters.end", "2024-06-30")
    rows = chain_report(operator(app_engine), date(2024, 6, 30), Scope(group="ngan_sach"), by="unit")["rows"]
    _assert_ranked(figures(app)[0], rows, "cases", None)


def test_the_downloads_hold_the_table_under_the_title_and_scope(app_engine, downloads):
    app = run_page("don_vi", {**END_OF_Q1_2024, "don_vi": "QN01"})
    heading, from_csv, from_excel = read_download(downloads, 3)
    assert heading == [UNIT_TITLE, "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh; từ 01/10/2023 đến hết 31/12/2023",
                       "Bảng gồm mọi đơn vị để so sánh; đơn vị đang chọn: "
                       "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh."]
    shown = app.dataframe[0].value
    rows = chain_report(operator(app_engine), date(2023, 12, 31), by="unit")["rows"]
    whole = chain_report(operator(app_engine), date(2023, 12, 31))
    for copy in (from_csv, from_excel):
        # The file keeps đồng where the screen shows tỷ đồng; the total row comes first in both.
        assert list(copy["Mã"].fillna("")) == ["", *(row["key"] for row in rows)]
        assert list(copy["Thi hành xong (tiền)"]) == [whole["money"]["completed"],
                                                      *(row["money"]["completed"] for row in rows)]
        assert list(copy["Tỷ lệ xong (%) (việc)"]) == [whole["cases"]["rate"], *(row["cases"]["rate"] for row in rows)]
        copy["Mã"] = copy["Mã"].fillna("")
        pd.testing.assert_frame_equal(in_billions(copy), shown, check_dtype=False)



def test_a_chosen_unit_without_cases_is_named_while_the_others_stay(app_engine):
    scope = Scope(judgment_type="pha_san")
    rows = chain_report(operator(app_engine), date(2023, 10, 31), scope, by="unit")["rows"]
    missing = sorted({"QN00", "QN01", "QN02", "QN03"} - {row["key"] for row in rows})
    assert rows and missing
    app = run_page("don_vi", {"nam": "2024", "den": "2023-10-31", "loai": "pha_san", "don_vi": missing[0]})
    assert not app.exception
    assert notices(app, "info")[0].endswith("các đơn vị khác vẫn được hiển thị để so sánh.")
    assert figures(app)[0]["data"][0]["x"] == [row["cases"]["rate"] for row in _ranked(rows, "cases")]


def test_the_heatmap_choice_lives_in_the_url(app_engine):
    app = run_page("don_vi", END_OF_Q1_2024 | {"nhiet": "tien"})
    assert app.radio(key="units.heatmap_chain").value == "money"
    assert "về tiền" in figures(app)[2]["layout"]["title"]["text"]
