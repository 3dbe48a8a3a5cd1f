"""The oracle, the second plain implementation of the counting rules, pinned by hand on eleven cases: windows,
attribution to officers, provinces, groups, targets, periods and rounding, and refusal of data breaking a rule."""

from datetime import date

import pandas as pd
import pytest

from tests.support.oracle import oracle_report
from tests.support.oracle_replay import (
    CASE_KEYS, MONEY_KEYS, InvalidData, rate_percent, same_day_last_year, work_year, work_year_start,
)
from tests.support.tiny import TINY, frame

ZERO_CASES = dict.fromkeys(CASE_KEYS, 0) | {"rate": None}
ZERO_MONEY = dict.fromkeys(MONEY_KEYS, 0) | {"rate": None}


def test_oracle_counts_a_hand_made_first_quarter():
    report = oracle_report(TINY, date(2023, 12, 31))
    assert report["window"] == {"start": "2023-10-01", "end": "2023-12-31"}
    # V03 is restored twice from the ledger yet counted new once; V09 stays in the ledger; V04 ended before.
    assert report["cases"] == {
        "brought_forward": 3, "new": 6, "caseload": 9, "delegated": 1, "cancelled": 0, "to_enforce": 8,
        "done": 3, "terminated": 1, "in_progress": 1, "deferred_c": 1, "not_enforceable": 2, "enforceable": 6,
        "completed": 4, "rate": 66.67, "carried": 4}
    assert report["money"] == {
        "brought_forward": 1_401_000, "new": 3_150_000, "caseload": 4_551_000, "delegated": 1_570_000,
        "cancelled": 0, "to_enforce": 2_981_000, "done": 1_180_000, "terminated": 1_000, "reduced": 200_000,
        "in_progress": 0, "deferred_c": 600_000, "not_enforceable": 1_000_000, "enforceable": 1_981_000,
        "completed": 1_381_000, "rate": 69.71, "carried": 1_600_000}
    assert report["same_period_last_year"] == {
        "window": {"start": "2022-10-01", "end": "2022-12-31"},
        "cases": ZERO_CASES | {"new": 1, "caseload": 1, "to_enforce": 1, "in_progress": 1, "enforceable": 1,
                               "rate": 0.0, "carried": 1},
        "money": ZERO_MONEY | {"new": 300_000, "caseload": 300_000, "to_enforce": 300_000, "in_progress": 300_000,
                               "enforceable": 300_000, "rate": 0.0, "carried": 300_000}}
    assert report["target"] == {"cases": 83.25, "money": 46.45}


def test_oracle_counts_a_hand_made_work_year_ending_on_30_september():
    report = oracle_report(TINY, date(2023, 9, 30))
    assert report["cases"] == ZERO_CASES | {
        "new": 6, "caseload": 6, "cancelled": 1, "to_enforce": 5, "in_progress": 2, "deferred_c": 1,
        "enforceable": 3, "not_enforceable": 2, "rate": 0.0, "carried": 5}
    assert report["money"] == ZERO_MONEY | {
        "new": 2_106_000, "caseload": 2_106_000, "to_enforce": 2_106_000, "done": 400_000, "in_progress": 601_000,
        "deferred_c": 800_000, "enforceable": 1_801_000, "not_enforceable": 305_000, "completed": 400_000,
        "rate": 22.21, "carried": 1_706_000}
    assert report["target"] == {"cases": 82.5, "money": 45.5}


def test_oracle_attributes_cases_to_the_officer_at_the_exit_or_the_end():
    rows = oracle_report(TINY, date(2023, 12, 31), by="officer")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"]) for row in rows] == [("A", "Lê An", 7),
                                                                                    ("B", "Vũ Bình", 2)]
    officer_b = rows[1]
    assert officer_b["cases"] == ZERO_CASES | {
        "brought_forward": 2, "caseload": 2, "to_enforce": 2, "done": 1, "deferred_c": 1, "enforceable": 2,
        "completed": 1, "rate": 50.0, "carried": 1}
    assert officer_b["money"] == ZERO_MONEY | {
        "brought_forward": 1_400_000, "caseload": 1_400_000, "to_enforce": 1_400_000, "done": 600_000,
        "reduced": 200_000, "deferred_c": 600_000, "enforceable": 1_400_000, "completed": 800_000, "rate": 57.14,
        "carried": 600_000}
    assert officer_b["same_period_last_year"]["cases"] == ZERO_CASES
    # V05 moves to officer A on 15/1/2024, so from then on B keeps only V01, closed under B.
    january = oracle_report(TINY, date(2024, 1, 31), scope={"officer": "B"})
    assert (january["cases"]["caseload"], january["cases"]["done"]) == (1, 1)


def test_oracle_rolls_units_up_to_their_province():
    rows = oracle_report(TINY, date(2023, 12, 31), by="province")["rows"]
    assert [(row["key"], row["name"], row["cases"]["caseload"], row["cases"]["delegated"]) for row in rows] == [
        ("T", "Tỉnh Mẫu", 8, 0), ("X", "Huyện Lẻ", 1, 1)]
    units = oracle_report(TINY, date(2023, 12, 31), by="unit")["rows"]
    assert [(row["key"], row["cases"]["caseload"]) for row in units] == [("H", 7), ("K", 1), ("X", 1)]


def test_oracle_counts_a_case_in_each_of_its_groups():
    rows = oracle_report(TINY, date(2023, 12, 31), by="group")["rows"]
    assert [(row["key"], row["cases"]["caseload"], row["money"]["caseload"]) for row in rows] == [
        ("ngan_sach", 2, 2_600_000), ("tin_dung", 1, 2_000_000)]


@pytest.mark.parametrize(("end", "scope", "target"), [
    (date(2023, 12, 31), {"unit": "H"}, {"cases": 85.0, "money": 50.0}),
    (date(2023, 12, 31), {"unit": "T"}, None),
    (date(2024, 9, 30), {"officer": "B"}, {"cases": 90.5, "money": 55.0}),
    (date(2023, 12, 31), {"officer": "A"}, None),
    (date(2023, 12, 31), {"officer": "B", "group": "ngan_sach"}, None),
    (date(2023, 12, 31), {"mode": "chu_dong"}, None),
    (date(2024, 10, 31), None, None),
])
def test_oracle_picks_the_target_of_the_scope_and_work_year(end, scope, target):
    assert oracle_report(TINY, end, scope)["target"] == target


def test_oracle_periods_and_rounding():
    assert [work_year(day) for day in (date(2023, 9, 30), date(2023, 10, 1))] == [2023, 2024]
    assert work_year_start(date(2024, 2, 29)) == date(2023, 10, 1)
    assert same_day_last_year(date(2025, 2, 28)) == date(2024, 2, 29)
    assert same_day_last_year(date(2024, 2, 29)) == date(2023, 2, 28)
    assert same_day_last_year(date(2024, 2, 28)) == date(2023, 2, 28)
    assert same_day_last_year(date(2024, 4, 30)) == date(2023, 4, 30)
    assert same_day_last_year(date(2024, 3, 15)) == date(2023, 3, 15)
    assert oracle_report(TINY, date(2025, 2, 28))["same_period_last_year"]["window"] == {
        "start": "2023-10-01", "end": "2024-02-29"}
    assert [rate_percent(n, d) for n, d in ((1, 800), (1, 8), (2, 3), (1, 3), (5, 0), (0, 7))] == [
        0.13, 12.5, 66.67, 33.33, None, 0.0]
    assert rate_percent(2_000_000_000_000_001, 4_000_000_000_000_000) == 50.0


@pytest.mark.parametrize("bad_event", [
    ("V10", "2023-11-12", "vao_so_rieng", "", ""),        # from an enforceable state
    ("V09", "2023-05-01", "thu_tien", 1_000, ""),         # money while in the ledger
    ("V10", "2023-11-20", "giam", 1, ""),                 # above the amount
    ("V07", "2023-12-02", "thu_tien", 1, ""),             # after the terminal event
    ("V06", "2023-12-30", "tam_dinh_chi", "", ""),        # before the decision
])
def test_oracle_refuses_data_breaking_an_import_rule(bad_event):
    tables = dict(TINY, su_kien=pd.concat([TINY["su_kien"], frame("su_kien", [bad_event])], ignore_index=True))
    with pytest.raises(InvalidData):
        oracle_report(tables, date(2023, 12, 31))
