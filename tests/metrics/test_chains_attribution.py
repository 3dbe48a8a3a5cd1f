"""Hand-worked scenarios of attribution: officers at the exit or the end, units, provinces, groups (section 4)."""

from datetime import date

import pytest

from data_access.exchange.importer import import_tables
from dashboard.metrics.chains import Scope, chain_report
from tests.support.builders import OFFICERS, UNITS, case, ev, officer, tables, target, unit
from tests.support.scenarios import EMPTY_CASES, EMPTY_MONEY, M, report_on
from tests.support.readers import operator


OFFICER_CASES = [
    case("A1", "2023-06-01", 5 * M, officer="C02"),
    case("A2", "2023-06-01", 6 * M, officer="C02"),
    case("A3", "2023-06-01", 7 * M, officer="C03"),
    case("A4", "2023-06-01", 8 * M, officer="C02"),
]
OFFICER_EVENTS = [
    ev("A1", "2023-11-01", "phan_cong", detail="C03"), ev("A1", "2023-11-20", "thu_tien", 5 * M),
    ev("A1", "2023-11-20", "xong"),
    ev("A2", "2023-12-15", "phan_cong", detail="C03"), ev("A2", "2024-01-10", "phan_cong", detail="C02"),
    ev("A2", "2024-02-01", "xong"),
    ev("A3", "2023-12-31", "phan_cong", detail="C02"),
    ev("A4", "2024-01-01", "phan_cong", detail="C03"),
]


def test_a_case_counts_for_its_officer_at_the_terminal_event_or_else_at_the_end(db):
    got = report_on(db, "2023-12-31", OFFICER_CASES, OFFICER_EVENTS, by="officer")
    c02, c03 = got["rows"]
    # C02: A3 (reassigned to C02 on e), A4 (reassigned away only on e+1)
    assert (c02["key"], c02["cases"]) == ("C02", {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 0, "terminated": 0, "in_progress": 2, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 0, "rate": 0.0, "carried": 2,
    })
    # C03: A1 (done after it was reassigned to C03), A2 (C03's on e; later moves after e do not count)
    assert (c03["key"], c03["cases"]) == ("C03", {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 1, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1,
    })
    # rate 5 / 11 = 45.4545...
    assert c03["money"] == {
        "brought_forward": 11 * M, "new": 0, "caseload": 11 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 11 * M, "done": 5 * M, "terminated": 0, "reduced": 0, "in_progress": 6 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 11 * M, "completed": 5 * M, "rate": 45.45,
        "carried": 6 * M,
    }
    scoped = chain_report(operator(db), date(2023, 12, 31), Scope(officer="C03"))
    assert (scoped["cases"], scoped["money"]) == (c03["cases"], c03["money"])
    assert chain_report(operator(db), date(2023, 12, 31), Scope(officer="C04"))["cases"] == EMPTY_CASES


@pytest.mark.parametrize(("end", "expected"), [
    # A2 is back with C02 on 31/1; A4 went to C03 on 1/1
    ("2024-01-31", [("C02", 2, 0), ("C03", 2, 1)]),
    # A2 is done in W with C02 at its xong
    ("2024-02-29", [("C02", 2, 1), ("C03", 2, 1)]),
])
def test_officer_rows_follow_reassignments_up_to_the_end(db, end, expected):
    got = report_on(db, end, OFFICER_CASES, OFFICER_EVENTS, by="officer")
    assert [(row["key"], row["cases"]["caseload"], row["cases"]["done"]) for row in got["rows"]] == expected


def test_last_year_counts_each_case_for_its_officer_at_last_year_end(db):
    got = report_on(db, "2023-12-31", [case("S1", "2022-06-01", 4 * M, officer="C02")],
                  [ev("S1", "2023-05-01", "phan_cong", detail="C03")], by="officer")
    # C02 held S1 on 31/12/2022 but has no row: rows are the officers with a caseload now
    assert [(row["key"], row["cases"]["caseload"], row["same_period_last_year"]["cases"]["caseload"])
            for row in got["rows"]] == [("C03", 1, 0)]
    c02 = chain_report(operator(db), date(2023, 12, 31), Scope(officer="C02"))
    assert (c02["cases"]["caseload"], c02["same_period_last_year"]["cases"]["brought_forward"]) == (0, 1)
    assert c02["same_period_last_year"]["money"]["in_progress"] == 4 * M


def test_units_count_their_own_cases_and_provinces_roll_up_the_units_below(db):
    import_tables(db, tables(
        units=UNITS + (
            unit("TU", "Tổng cục THADS", "trung_uong", ""),
            unit("T02", "Cục THADS tỉnh Bắc", "tinh", "TU"),
            unit("H03", "Chi cục THADS huyện Nam", "huyen", "T02"),
            unit("K01", "Phòng THADS khu vực Một", "khu_vuc", "TU"),
        ),
        officers=OFFICERS + (officer("C05", "Hoàng Văn Em", "H03"), officer("C06", "Vũ Thị Gấm", "K01")),
        cases=[
            case("U1", "2023-06-01", 10 * M, unit="T01", officer="C01"),
            case("U2", "2023-06-01", 20 * M, unit="H01", officer="C02"),
            case("U3", "2023-06-01", 30 * M, unit="H02", officer="C04"),
            case("U4", "2023-06-01", 40 * M, unit="H03", officer="C05"),
            case("U5", "2023-06-01", 50 * M, unit="K01", officer="C06"),
        ],
        events=[ev("U2", "2023-11-01", "thu_tien", 20 * M), ev("U2", "2023-11-01", "xong")],
    ))
    end = date(2023, 12, 31)
    by_unit = chain_report(operator(db), end, by="unit")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["done"]) for row in by_unit] == [
        ("H01", "Chi cục THADS huyện Đông", 1, 1),
        ("H02", "Chi cục THADS huyện Tây", 1, 0),
        ("H03", "Chi cục THADS huyện Nam", 1, 0),
        ("K01", "Phòng THADS khu vực Một", 1, 0),
        ("T01", "Cục THADS tỉnh", 1, 0),
    ]
    by_province = chain_report(operator(db), end, by="province")
    # K01 has no 'tinh' above it, so it is its own province
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_province["rows"]] == [
        ("K01", "Phòng THADS khu vực Một", 1), ("T01", "Cục THADS tỉnh", 3), ("T02", "Cục THADS tỉnh Bắc", 1),
    ]
    t01 = by_province["rows"][1]
    assert t01["cases"] == {
        "brought_forward": 3, "new": 0, "caseload": 3, "delegated": 0, "cancelled": 0, "to_enforce": 3,
        "done": 1, "terminated": 0, "in_progress": 2, "deferred_c": 0, "not_enforceable": 0, "enforceable": 3,
        "completed": 1, "rate": 33.33, "carried": 2,
    }
    assert t01["money"] == {
        "brought_forward": 60 * M, "new": 0, "caseload": 60 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 60 * M, "done": 20 * M, "terminated": 0, "reduced": 0, "in_progress": 40 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 60 * M, "completed": 20 * M, "rate": 33.33,
        "carried": 40 * M,
    }
    assert t01["same_period_last_year"] == {
        "window": {"start": "2022-10-01", "end": "2022-12-31"}, "cases": EMPTY_CASES, "money": EMPTY_MONEY,
    }
    # a unit scope is the unit's own cases, not its rollup
    assert chain_report(operator(db), end, Scope(unit="T01"))["money"]["caseload"] == 10 * M
    assert chain_report(operator(db), end)["cases"]["caseload"] == 5


def test_group_judgment_type_and_mode_rows(db):
    import_tables(db, tables(cases=[
        case("G1", "2023-06-01", 10 * M, groups="ngan_sach|tin_dung", judgment="hinh_su", mode="chu_dong"),
        case("G2", "2023-06-01", 20 * M, groups="ngan_sach", judgment="dan_su", mode="theo_don"),
        case("G3", "2023-06-01", 30 * M, groups="", judgment="dan_su", mode="theo_don"),
        case("G4", "2023-06-01", 40 * M, groups="trong_diem", judgment="kinh_doanh_thuong_mai", mode="theo_don"),
    ], events=[ev("G2", "2023-11-01", "thu_tien", 20 * M), ev("G2", "2023-11-01", "xong")],
        targets=[target(2024, "tinh", "", "85", "50")]))
    end = date(2023, 12, 31)
    by_group = chain_report(operator(db), end, by="group")["rows"]
    # G1 counts in both of its groups; G3 has none
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["done"]) for row in by_group] == [
        ("ngan_sach", "Thu ngân sách nhà nước", 2, 1),
        ("tin_dung", "Tín dụng, ngân hàng", 1, 0),
        ("trong_diem", "Trọng điểm, số tiền lớn", 1, 0),
    ]
    budget = chain_report(operator(db), end, Scope(group="ngan_sach"))
    assert (budget["cases"], budget["money"]) == (by_group[0]["cases"], by_group[0]["money"])
    assert budget["cases"] == {
        "brought_forward": 2, "new": 0, "caseload": 2, "delegated": 0, "cancelled": 0, "to_enforce": 2,
        "done": 1, "terminated": 0, "in_progress": 1, "deferred_c": 0, "not_enforceable": 0, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1,
    }
    # rate 20 / 30 = 66.666...
    assert budget["money"] == {
        "brought_forward": 30 * M, "new": 0, "caseload": 30 * M, "delegated": 0, "cancelled": 0,
        "to_enforce": 30 * M, "done": 20 * M, "terminated": 0, "reduced": 0, "in_progress": 10 * M,
        "deferred_c": 0, "not_enforceable": 0, "enforceable": 30 * M, "completed": 20 * M, "rate": 66.67,
        "carried": 10 * M,
    }
    assert budget["target"] is None
    by_judgment = chain_report(operator(db), end, by="judgment_type")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_judgment] == [
        ("dan_su", "Dân sự", 2), ("hinh_su", "Hình sự", 1), ("kinh_doanh_thuong_mai", "Kinh doanh thương mại", 1),
    ]
    by_mode = chain_report(operator(db), end, by="mode")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in by_mode] == [
        ("chu_dong", "Chủ động", 1), ("theo_don", "Theo đơn", 3),
    ]
    both = chain_report(operator(db), end, Scope(judgment_type="dan_su", mode="theo_don"))
    assert (both["cases"]["caseload"], both["cases"]["done"], both["money"]["caseload"]) == (2, 1, 50 * M)
