"""The demo province: the real report's figures, its scale, and the chain identities on it (both engines)."""

import json
from datetime import date

import pytest

from data_access.engine import open_engine
from data_access.codes import STATE_IN_PROGRESS, STATE_LEDGER
from data_access.queries.case_detail import case_detail
from dashboard.cli import main
from dashboard.demo.bunching import BUNCHING_UNITS
from dashboard.demo.build import calibrated_province, write_demo
from dashboard.metrics.chains import Scope, chain_report
from dashboard.metrics.flow import flow_report
from dashboard.metrics.formatting import format_billion, rate_change
from dashboard.metrics.narrative import report_paragraph
from dashboard.metrics.targets import progress_against_target
from dashboard.metrics.watch import watch_report
from tests.support.readers import operator

BUILD_DAY = date(2026, 11, 28)
REPORT_END = date(2023, 12, 31)


pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def province():
    """Return the calibrated demo province, generated once per test process: the calibration is the slow part."""
    return calibrated_province(today=BUILD_DAY)


@pytest.fixture(scope="module")
def demo(scratch_url, province):
    """Yield (engine, province) of the province demo written to each engine, as build_demo writes it."""
    engine = open_engine(scratch_url)
    write_demo(engine, province)
    yield engine, province
    engine.dispose()


def test_the_first_quarter_of_2024_shows_the_report_figures(demo):
    engine, _ = demo
    report = chain_report(operator(engine), REPORT_END)
    cases, money = report["cases"], report["money"]
    assert report["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    assert (cases["completed"], cases["enforceable"], cases["rate"]) == (1577, 3348, 47.10)
    assert format_billion(money["completed"]) == "97,6 tỷ đồng"
    assert money["rate"] == 4.91
    last_year = report["same_period_last_year"]
    assert last_year["window"] == {"start": "2022-10-01", "end": "2022-12-31"}
    assert last_year["cases"]["rate"] == 45.28
    assert rate_change(cases["rate"], last_year["cases"]["rate"]) == 1.82


def test_the_budget_group_shows_the_report_figures(demo):
    engine, _ = demo
    report = chain_report(operator(engine), REPORT_END, Scope(group="ngan_sach"))
    cases, money = report["cases"], report["money"]
    assert (cases["completed"], cases["enforceable"]) == (1467, 2566)
    assert round(cases["rate"], 1) == 57.2
    assert format_billion(money["completed"]) == "35,7 tỷ đồng"
    assert format_billion(money["enforceable"]) == "94,1 tỷ đồng"
    assert round(money["rate"], 1) == 37.9
    last_year = report["same_period_last_year"]
    assert round(rate_change(cases["rate"], last_year["cases"]["rate"]), 1) == 1.8
    assert round(rate_change(money["rate"], last_year["money"]["rate"]), 1) == 26.7


def test_the_command_line_prints_the_report_figures(demo, capsys):
    engine, _ = demo
    url = engine.url.render_as_string(hide_password=False)
    assert main(["report", "--end", "2023-12-31", "--format", "json", "--db", url]) == 0
    printed = json.loads(capsys.readouterr().out)
    cases = printed["cases"]
    assert (cases["completed"], cases["enforceable"], cases["rate"]) == (1577, 3348, 47.1)
    assert (printed["money"]["rate"], printed["same_period_last_year"]["cases"]["rate"]) == (4.91, 45.28)
    assert printed["target"] == {"cases": 83.75, "money": 46.95}
    # ceil(83,75% x 3.348) = 2.804 less 1.577 done; 46,95% x 1.987,78 tỷ = 933,26271 tỷ less 97,6 tỷ.
    assert printed["needed"] == {"cases": 1227, "money": 835_662_710_000, "months_left": 9, "cases_per_month": 137,
                                 "money_per_month": 92_851_412_223}
    # 47,10 / 83,75 x 100 = 56,238...; 4,91 / 46,95 x 100 = 10,457...
    assert progress_against_target(printed) == {"cases": 56.24, "money": 10.46}
    assert main(["report", "--end", "2023-12-31", "--db", url]) == 0
    text = capsys.readouterr().out
    assert "đã thi hành xong 1.577/3.348 việc có điều kiện thi hành" in text
    assert text.endswith("Còn phải thi hành xong ít nhất 1.227 việc và 835,7 tỷ đồng (khoảng 137 việc mỗi tháng) "
                         "để đạt chỉ tiêu.\n")


def test_the_report_paragraph_reads_like_the_provincial_report(demo):
    engine, _ = demo
    budget = chain_report(operator(engine), REPORT_END, Scope(group="ngan_sach"))
    paragraph = report_paragraph(chain_report(operator(engine), REPORT_END), budget)
    assert paragraph.startswith(
        "3 tháng đầu năm công tác 2024 (tính từ 01/10/2023 đến hết 31/12/2023), các đơn vị đã thi hành xong "
        "1.577/3.348 việc có điều kiện thi hành, tương ứng với 97,6 tỷ đồng; đạt tỷ lệ 47,10% về việc (cao hơn "
        "1,82% so với cùng kỳ năm 2023), 4,91% về tiền")
    assert ("giải quyết xong 1.467 việc/2.566 việc có điều kiện thi hành, giải quyết xong "
            "35,7 tỷ đồng/94,1 tỷ đồng số tiền có điều kiện giải quyết; đạt tỷ lệ 57,17% về việc và 37,94% về tiền "
            "(cao hơn 1,80% về việc và 26,70% về tiền so với tỷ lệ cùng kỳ năm 2023)") in paragraph


def test_the_province_has_today_s_offices(demo):
    _, province = demo
    assert province.units == [("QN00", "Thi hành án dân sự tỉnh Quảng Ninh", "tinh", "")] + [
        (f"QN0{number}", f"Phòng Thi hành án dân sự khu vực {number} - Quảng Ninh", "khu_vuc", "QN00")
        for number in range(1, 6)]
    officers = {code: sum(1 for *_, unit, _ in province.officers if unit == code) for code, *_ in province.units}
    # Ten officers per former district: Hạ Long alone (and half more), then four regions of three districts.
    assert officers == {"QN00": 20, "QN01": 15, "QN02": 30, "QN03": 30, "QN04": 30, "QN05": 30}
    cases = province.tables()["viec"]
    assert set(cases["ma_don_vi"]) == set(officers)
    assert set(cases[cases["ngay_quyet_dinh"] < "2021-10-01"]["ma_don_vi"]) == set(officers)


def test_the_province_has_the_scale_of_a_real_one(demo):
    engine, province = demo
    assert len(province.officers) == 155
    full_year = chain_report(operator(engine), date(2024, 9, 30))
    cases, money = full_year["cases"], full_year["money"]
    assert 7_000 <= cases["new"] <= 9_000
    # domain.md gives 8-12 thousand; the report's first quarter implies a brought-forward stock near 4.500,
    # which puts this province at the upper edge.
    assert 8_000 <= cases["to_enforce"] <= 13_000
    assert 0.6 <= cases["enforceable"] / cases["to_enforce"] <= 0.8
    assert 70 <= cases["rate"] <= 90
    assert money["to_enforce"] >= 1_000_000_000_000 and money["enforceable"] < money["to_enforce"] / 2
    assert 40 <= money["rate"] <= 60
    officers = chain_report(operator(engine), date(2024, 9, 30), by="officer")["rows"]
    per_officer = sorted(row["cases"]["caseload"] for row in officers)
    assert 40 <= per_officer[len(per_officer) // 2] <= 250


@pytest.mark.parametrize("end", [date(2023, 10, 31), date(2024, 3, 31), date(2024, 9, 30), date(2026, 10, 31)])
def test_identities_hold_for_every_unit_row(demo, end):
    engine, _ = demo
    report = chain_report(operator(engine), end, by="unit")
    for row in report["rows"]:
        for chain in ("cases", "money"):
            values = row[chain]
            assert values["caseload"] == values["brought_forward"] + values["new"]
            assert values["to_enforce"] == values["caseload"] - values["delegated"] - values["cancelled"]
            assert values["to_enforce"] == values["enforceable"] + values["not_enforceable"]
            assert values["carried"] == values["enforceable"] - values["completed"] + values["not_enforceable"]
    total = chain_report(operator(engine), end)
    for key in ("caseload", "enforceable", "completed", "not_enforceable"):
        assert sum(row["cases"][key] for row in report["rows"]) == total["cases"][key]
        assert sum(row["money"][key] for row in report["rows"]) == total["money"][key]


def test_every_event_kind_and_group_occurs(demo):
    _, province = demo
    kinds = set(province.tables()["su_kien"]["loai"])
    assert kinds == {"thu_tien", "giam", "xong", "dinh_chi", "uy_thac", "huy_quyet_dinh", "co_dieu_kien",
                     "chua_co_dieu_kien", "hoan", "tam_dinh_chi", "tiep_tuc", "vao_so_rieng", "ra_so_rieng",
                     "xac_minh", "phan_cong"}
    groups = {group for case in province.cases.values() for group in case.groups}
    assert groups == {"ngan_sach", "tin_dung", "bhxh", "thu_hoi_tai_san", "trong_diem"}


def test_every_case_carries_its_parties_judgment_and_court(demo):
    _, province = demo
    viec = province.tables()["viec"]
    for column in ("nguoi_phai_thi_hanh", "nguoi_duoc_thi_hanh", "ban_an_so", "toa_an"):
        assert viec[column].str.len().gt(0).all(), column
    budget = viec[viec["nhom"].str.contains("ngan_sach")]
    assert (budget["nguoi_duoc_thi_hanh"] == "Ngân sách nhà nước").all()
    assert viec["ban_an_so"].str.fullmatch(r"\d+/\d{4}/[A-ZĐ]+-(ST|PT)").all()
    assert viec["toa_an"].str.startswith("Tòa án nhân dân").all()


def test_cases_come_back_from_the_ledger_classified_the_same_day(demo):
    engine, province = demo
    events = province.tables()["su_kien"]
    restored = events[events["loai"] == "ra_so_rieng"][["ma_viec", "ngay"]]
    classified = events[events["loai"] == "co_dieu_kien"][["ma_viec", "ngay"]]
    same_day = restored.merge(classified, on=["ma_viec", "ngay"])
    assert 0.3 <= len(same_day) / len(restored) <= 0.6
    later = restored.merge(classified, on="ma_viec", suffixes=("_out", "_in"))
    assert (later["ngay_in"] > later["ngay_out"]).any()
    code, day = same_day.iloc[0]
    rows = events[(events["ma_viec"] == code) & (events["ngay"] == day)]["loai"].tolist()
    assert rows.index("co_dieu_kien") < rows.index("ra_so_rieng")
    spans = case_detail(operator(engine), code)["spans"]
    back = next(span for span in spans if span["valid_from"] == date.fromisoformat(day))
    assert back["status"] == STATE_IN_PROGRESS
    assert spans[spans.index(back) - 1]["status"] == STATE_LEDGER


def test_two_units_downgrades_bunch_before_month_ends_and_bounce_back(demo):
    engine = demo[0]
    rows = {row["key"]: row for row in watch_report(operator(engine), date(2025, 9, 30), by="unit")["rows"]}
    for unit, row in rows.items():
        if unit in BUNCHING_UNITS:
            assert row["late_share"] > 35 and row["bounce_backs"] >= 100, (unit, row)
        else:
            assert row["late_share"] < 30 and row["bounce_backs"] <= 5, (unit, row)


def test_the_caseload_has_an_old_tail_idle_and_large_cases_and_lapsed_verifications(demo):
    engine = demo[0]
    flow = flow_report(operator(engine), date(2026, 9, 30))
    ageing = flow["ageing"]
    assert ageing["enforceable"]["2_5y"]["cases"] > 100 and ageing["not_enforceable"]["2_5y"]["cases"] > 100
    assert ageing["enforceable"]["ge_5y"]["cases"] + ageing["not_enforceable"]["ge_5y"]["cases"] > 0
    assert 0 < flow["verification_due"] < flow["pending_enforceable"] // 20
    assert 0 < flow["without_action"] < flow["pending_enforceable"] // 5
