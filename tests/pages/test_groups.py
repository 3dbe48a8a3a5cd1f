"""The groups page, run by AppTest against a generated province on both engines."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.formatting import rate_change
import dashboard.ui.downloads
from tests.pages.support import figures, notices, run_page, scope_line, select
from tests.support.readers import operator

END_OF_Q1_2024 = {"nam": "2024", "den": "2023-12-31"}
HEADERS = ["Nhóm việc", "Có điều kiện (việc)", "Thi hành xong (việc)", "Tỷ lệ về việc (%)", "± việc (điểm)",
           "Có điều kiện (đồng)", "Thi hành xong (đồng)", "Tỷ lệ về tiền (%)", "± tiền (điểm)", "Tỷ trọng việc (%)",
           "Tỷ trọng tiền (%)"]
ALL_GROUPS = {"Thu ngân sách nhà nước", "Tín dụng, ngân hàng", "Bảo hiểm xã hội",
              "Thu hồi tài sản tham nhũng, kinh tế", "Trọng điểm, số tiền lớn"}


def _share(part: int, whole: int) -> float:
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _expected(engine, end: date, scope: Scope = Scope()) -> list[dict]:
    """Return the engine's group rows with their shares, largest share of the caseload first."""
    whole = chain_report(operator(engine), end, scope)
    rows = chain_report(operator(engine), end, scope, by="group")["rows"]
    for row in rows:
        row["case_share"] = _share(row["cases"]["caseload"], whole["cases"]["caseload"])
        row["money_share"] = _share(row["money"]["caseload"], whole["money"]["caseload"])
    return sorted(rows, key=lambda row: -row["case_share"])


def _cell(value):
    """Return a table cell as the engine writes it: a missing rate shows as NaN in the frame, None in the engine."""
    return None if pd.isna(value) else value


def _chart_names(trace: dict) -> list[str]:
    return [name.replace("<br>", " ") for name in trace["x"]]


def _assert_page_shows(app, rows: list[dict]) -> None:
    rates, shares = figures(app)
    cases_bars, cases_last_year, money_bars, money_last_year = rates["data"]
    names = [row["name"] for row in rows]
    assert _chart_names(cases_bars) == _chart_names(money_bars) == _chart_names(shares["data"][0]) == names
    assert cases_bars["y"] == [row["cases"]["rate"] for row in rows]
    assert money_bars["y"] == [row["money"]["rate"] for row in rows]
    assert cases_last_year["y"] == [row["same_period_last_year"]["cases"]["rate"] for row in rows]
    assert money_last_year["y"] == [row["same_period_last_year"]["money"]["rate"] for row in rows]
    assert shares["data"][0]["y"] == [row["case_share"] for row in rows]
    assert shares["data"][1]["y"] == [row["money_share"] for row in rows]
    table = app.dataframe[0].value
    assert list(table.columns) == HEADERS
    for (_, cells), row in zip(table.iterrows(), rows, strict=True):
        now, before = row, row["same_period_last_year"]
        assert list(cells.iloc[:3]) == [row["name"], now["cases"]["enforceable"], now["cases"]["completed"]]
        assert list(cells.iloc[5:7]) == [now["money"]["enforceable"], now["money"]["completed"]]
        assert _cell(cells["Tỷ lệ về việc (%)"]) == now["cases"]["rate"]
        assert _cell(cells["Tỷ lệ về tiền (%)"]) == now["money"]["rate"]
        assert _cell(cells["± việc (điểm)"]) == rate_change(now["cases"]["rate"], before["cases"]["rate"])
        assert _cell(cells["± tiền (điểm)"]) == rate_change(now["money"]["rate"], before["money"]["rate"])
        assert (cells["Tỷ trọng việc (%)"], cells["Tỷ trọng tiền (%)"]) == (row["case_share"], row["money_share"])


def test_groups_show_the_engine_rates_changes_and_shares(app_engine):
    app = run_page("nhom_viec", END_OF_Q1_2024)
    assert not app.exception
    rows = _expected(app_engine, date(2023, 12, 31))
    assert {row["name"] for row in rows} == ALL_GROUPS
    _assert_page_shows(app, rows)


def test_the_sidebar_group_filter_does_not_narrow_the_page(app_engine):
    app = run_page("nhom_viec", END_OF_Q1_2024)
    before = figures(app)
    app = select(app, "filters.group", "tin_dung")
    assert figures(app) == before
    assert len(app.dataframe[0].value) == 5
    assert "không áp dụng bộ lọc «Nhóm việc»" in app.caption[0].value
    assert scope_line(app) == "Toàn tỉnh; từ 01/10/2023 đến hết 31/12/2023"


def test_other_filters_narrow_the_groups(app_engine):
    app = run_page("nhom_viec", END_OF_Q1_2024)
    app = select(app, "filters.unit", "QN01")
    app = select(app, "filters.mode", "theo_don")
    rows = _expected(app_engine, date(2023, 12, 31), Scope(unit="QN01", mode="theo_don"))
    assert rows != _expected(app_engine, date(2023, 12, 31))
    _assert_page_shows(app, rows)


def test_the_downloads_carry_the_table_under_the_scope_line(app_engine, monkeypatch):
    exported = []
    monkeypatch.setattr(dashboard.ui.downloads, "to_csv",
                        lambda table, heading: exported.append((table, heading)) or b"")
    app = run_page("nhom_viec", {**END_OF_Q1_2024, "don_vi": "QN02"})
    table, heading = exported[0]
    assert heading[:2] == ["Kết quả theo nhóm việc",
                           "Phòng Thi hành án dân sự khu vực 2 - Quảng Ninh; từ 01/10/2023 đến hết 31/12/2023"]
    assert heading[2].startswith("Một việc có thể thuộc nhiều nhóm")
    assert table.equals(app.dataframe[0].value)
    labels = {button.proto.id.rsplit("-", 1)[-1]: button.proto.label for button in app.get("download_button")}
    assert labels == {"groups.download.csv": "Tải CSV", "groups.download.xlsx": "Tải Excel"}


def test_a_scope_without_grouped_cases_shows_a_message(app_engine):
    scope = Scope(judgment_type="lao_dong", mode="chu_dong")
    assert chain_report(operator(app_engine), date(2023, 10, 31), scope)["cases"]["caseload"] > 0
    assert chain_report(operator(app_engine), date(2023, 10, 31), scope, by="group")["rows"] == []
    app = run_page("nhom_viec", {"nam": "2024", "den": "2023-10-31", "loai": "lao_dong", "hinh_thuc": "chu_dong"})
    assert not app.exception
    assert figures(app) == []
    assert notices(app, "info")[0].startswith(
        "Các nhóm việc trong phạm vi và kỳ báo cáo đã chọn chưa có việc thụ lý nào")
