"""The units page, run by AppTest against a generated province on both engines."""

from datetime import date

import pandas as pd

from dashboard.charts.axis_labels import group_label
from dashboard.metrics.chains import Scope, chain_report
from dashboard.ui.breakdowns import BELOW_TARGET_STYLE, CHOSEN_STYLE
from dashboard.ui.labels import CHAIN_LABELS
from tests.pages.support import cell_styles, figures, notices, read_download, run_page, select

END_OF_Q1_2024 = {"nam": "2024", "den": "2023-12-31"}
END_OF_2024 = {"nam": "2024", "den": "2024-09-30"}
GROUP_CODES = ("ngan_sach", "tin_dung", "bhxh", "thu_hoi_tai_san", "trong_diem")
UNIT_TITLE = "Kết quả thi hành án theo đơn vị"


def _short(name: str) -> str:
    # Every regional office of the demo province ends in " - Quảng Ninh", left out on the charts.
    return name.replace("Thi hành án dân sự", "THADS").removesuffix(" - Quảng Ninh")


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


def test_units_are_ranked_by_both_rates_with_the_province_target(app_engine):
    app = run_page("don_vi", END_OF_Q1_2024)
    assert not app.exception
    end = date(2023, 12, 31)
    rows = chain_report(app_engine, end, by="unit")["rows"]
    target = chain_report(app_engine, end)["target"]
    assert target == {"cases": 83.75, "money": 46.95}
    cases, money, _ = figures(app)
    _assert_ranked(cases, rows, "cases", 83.75)
    _assert_ranked(money, rows, "money", 46.95)
    assert cases["layout"]["title"]["text"] == "Tỷ lệ xong về việc theo đơn vị"
    assert len(rows) == 4


def test_the_heatmap_holds_each_groups_rates_by_unit_and_the_province(app_engine):
    app = run_page("don_vi", END_OF_Q1_2024)
    end = date(2023, 12, 31)
    rows = chain_report(app_engine, end, by="unit")["rows"]
    province = {row["key"]: row for row in chain_report(app_engine, end, by="group")["rows"]}
    for chain in ("cases", "money"):
        heatmap = figures(app)[2]["data"][0]
        assert heatmap["x"] == [group_label(code) for code in GROUP_CODES]
        assert heatmap["y"] == [_short(row["name"]) for row in rows] + ["Toàn tỉnh"]
        for column, code in enumerate(GROUP_CODES):
            in_group = {row["key"]: row[chain]["rate"]
                        for row in chain_report(app_engine, end, Scope(group=code), by="unit")["rows"]}
            assert [line[column] for line in heatmap["z"][:-1]] == [in_group.get(row["key"]) for row in rows]
            assert heatmap["z"][-1][column] == (province[code][chain]["rate"] if code in province else None)
        app = app.radio(key="units.heatmap_chain").set_value("money").run()
    assert figures(app)[2]["layout"]["title"]["text"] == "Tỷ lệ xong về tiền (%) theo đơn vị và nhóm việc"


def test_the_table_holds_every_chain_column_and_each_units_own_target(app_engine):
    app = run_page("don_vi", END_OF_2024)
    end = date(2024, 9, 30)
    rows = chain_report(app_engine, end, by="unit")["rows"]
    table = app.dataframe[0].value
    assert list(table["Mã"]) == [row["key"] for row in rows]
    below = {"cases": set(), "money": set()}
    for position, row in enumerate(rows):
        cells = table.iloc[position]
        own = chain_report(app_engine, end, Scope(unit=row["key"]))["target"]
        assert cells["Đơn vị"] == row["name"]
        for chain, suffix in (("cases", "việc"), ("money", "tiền")):
            for key in ("brought_forward", "caseload", "to_enforce", "enforceable", "completed", "carried"):
                assert cells[f"{CHAIN_LABELS[key]} ({suffix})"] == row[chain][key]
            assert _cell(cells[f"Tỷ lệ xong (%) ({suffix})"]) == row[chain]["rate"]
            assert cells[f"Chỉ tiêu (%) ({suffix})"] == own[chain]
            if row[chain]["rate"] < own[chain]:
                below[chain].add(position)
        assert cells["Giảm (tiền)"] == row["money"]["reduced"]
    assert chain_report(app_engine, end, Scope(unit="QN03"))["target"] == {"cases": 83.75, "money": 46.95}
    # A full year: some units reach their money target and some do not, so the colours have something to tell.
    assert below["money"] and len(below["money"]) < len(rows)
    styles = cell_styles(app.dataframe[0])
    for chain, suffix in (("cases", "việc"), ("money", "tiền")):
        red = {position for (position, name), css in styles.items()
               if name == f"Tỷ lệ xong (%) ({suffix})" and BELOW_TARGET_STYLE.rstrip(";") in css}
        assert red == below[chain]
    assert not any(name == "Mã" for _, name in styles)


def test_a_chosen_unit_is_highlighted_among_every_unit(app_engine):
    app = select(run_page("don_vi", END_OF_Q1_2024), "filters.unit", "QN02")
    rows = chain_report(app_engine, date(2023, 12, 31), by="unit")["rows"]
    cases, money, heatmap = figures(app)
    assert len(cases["data"][0]["y"]) == len(rows) == 4
    assert "<b>▶ Phòng THADS khu vực 2</b>" in cases["data"][0]["y"]
    assert heatmap["data"][0]["y"][2] == "<b>▶ Phòng THADS khu vực 2</b>"
    styles = cell_styles(app.dataframe[0])
    shaded = {position for (position, name), css in styles.items() if name == "Mã" and css == CHOSEN_STYLE.rstrip(";")}
    assert shaded == {2}
    assert "Đơn vị đang chọn (Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh)" in app.caption[0].value


def test_the_sidebar_group_and_period_change_the_figures(app_engine):
    app = run_page("don_vi", END_OF_Q1_2024)
    heatmap_before = figures(app)[2]
    app = select(app, "filters.group", "ngan_sach")
    end = date(2023, 12, 31)
    rows = chain_report(app_engine, end, Scope(group="ngan_sach"), by="unit")["rows"]
    cases, money, heatmap = figures(app)
    _assert_ranked(cases, rows, "cases", None)
    _assert_ranked(money, rows, "money", None)
    assert heatmap == heatmap_before
    table = app.dataframe[0].value
    assert "Chỉ tiêu (%) (việc)" not in table.columns
    assert list(table["Thi hành xong (việc)"]) == [row["cases"]["completed"] for row in rows]
    app = select(app, "filters.end", "2024-06-30")
    rows = chain_report(app_engine, date(2024, 6, 30), Scope(group="ngan_sach"), by="unit")["rows"]
    _assert_ranked(figures(app)[0], rows, "cases", None)


def test_the_downloads_hold_the_table_under_the_title_and_scope(app_engine, downloads):
    app = run_page("don_vi", {**END_OF_Q1_2024, "don_vi": "QN01"})
    heading, from_csv, from_excel = read_download(downloads, 3)
    assert heading == [UNIT_TITLE, "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh; từ 01/10/2023 đến hết 31/12/2023",
                       "Bảng gồm mọi đơn vị để so sánh; đơn vị đang chọn: "
                       "Phòng Thi hành án dân sự khu vực 1 - Quảng Ninh."]
    shown = app.dataframe[0].value
    rows = chain_report(app_engine, date(2023, 12, 31), by="unit")["rows"]
    for copy in (from_csv, from_excel):
        assert list(copy.columns) == list(shown.columns)
        assert list(copy["Mã"]) == [row["key"] for row in rows]
        assert list(copy["Thi hành xong (tiền)"]) == [row["money"]["completed"] for row in rows]
        assert list(copy["Tỷ lệ xong (%) (việc)"]) == [row["cases"]["rate"] for row in rows]
        pd.testing.assert_frame_equal(copy, shown, check_dtype=False)



def test_a_chosen_unit_without_cases_is_named_while_the_others_stay(app_engine):
    scope = Scope(judgment_type="pha_san")
    rows = chain_report(app_engine, date(2023, 10, 31), scope, by="unit")["rows"]
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
